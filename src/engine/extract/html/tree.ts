/**
 * A lean document tree built from htmlparser2's streaming callbacks: only
 * what extraction needs (tag, a few attributes, children, text). Subtrees
 * that never hold article text (script, style, svg, …) are not built; their
 * head metadata (meta, link, title, JSON-LD) is collected on the way.
 */
import { parseHtml } from './bounded-parser.ts';

/** An element of the lean tree. */
export interface El {
  tag: string;
  /** Lower-cased `class` and `id`, space-separated. */
  cls: string;
  attrs: Record<string, string>;
  children: (El | string)[];
  parent: El | null;
  /** Set when a cleaning rule dropped the element. */
  removed: boolean;
  /** Characters of text below (whitespace runs count once), links included. */
  text: number;
  /** Characters of text inside links below. */
  link: number;
  /** Commas in the text below. */
  commas: number;
  /** Characters of text outside nested blocks (the element's own paragraph text). */
  inline: number;
  /** Characters of text inside `<p>` elements below (or the element's own, for a `<p>`). */
  ptext: number;
  /** Content score gathered from paragraphs below. */
  score: number;
}

/** Head metadata seen while parsing. */
export interface PageMeta {
  /** `<meta>` name/property/itemprop (lower-case) → content; the first value wins. */
  meta: Map<string, string>;
  /** `<link rel>` (lower-case) → href; the first value wins. */
  links: Map<string, string>;
  title: string;
  lang: string | null;
  /** Raw JSON-LD script bodies. */
  jsonLd: string[];
  /** `datetime` of the first `<time>` and `[itemprop=datePublished]`, when present. */
  timeDatetime: string | null;
  itempropDate: string | null;
}

/** Elements whose content is never article text (not built into the tree). */
const SKIPPED = new Set(['script', 'style', 'noscript', 'svg', 'iframe', 'template', 'canvas', 'math', 'object', 'embed', 'select', 'textarea']);

/** Deepest nesting built; deeper markup is flattened so that tree walks stay within the call stack. */
const MAX_DEPTH = 400;

export interface ParsedPage {
  body: El;
  meta: PageMeta;
}

function makeEl(tag: string, attrs: Record<string, string>, parent: El | null): El {
  const cls = (attrs['class'] ?? '') + (attrs['id'] === undefined ? '' : ` ${attrs['id']}`);
  return { tag, cls: cls.toLowerCase(), attrs, children: [], parent, removed: false, text: 0, link: 0, commas: 0, inline: 0, ptext: 0, score: 0 };
}

/**
 * How deep client-side templates inside templates are read. An unclosed template script holds the rest of
 * the page, so each level parses it again: without a bound, 20,000 nested template scripts recursed until
 * the call stack overflowed (after a minute of quadratic re-parsing).
 */
const MAX_TEMPLATE_DEPTH = 2;

/** The state of one parse: the element being built, nesting, and the head text being collected. */
interface BuildState {
  root: El;
  meta: PageMeta;
  current: El;
  depth: number;
  /** Elements opened below MAX_DEPTH: their content is attached to the deepest built element. */
  flattened: number;
  /** Depth inside a skipped subtree (0 = building). */
  skipDepth: number;
  inTitle: boolean;
  jsonLd: string | null;
  /** Markup of a client-side template (`<script type="text/template">`), parsed as part of the page. */
  template: string | null;
  templateDepth: number;
}

/** Head metadata carried by an opening tag: meta, link, html lang, title, JSON-LD and template scripts. */
function readHeadTag(st: BuildState, name: string, attrs: Record<string, string>): void {
  const { meta } = st;
  if (name === 'meta') {
    const key = (attrs['property'] ?? attrs['name'] ?? attrs['itemprop'] ?? attrs['http-equiv'])?.toLowerCase();
    const content = attrs['content'];
    if (key !== undefined && content !== undefined && !meta.meta.has(key)) meta.meta.set(key, content);
  } else if (name === 'link') {
    const rel = attrs['rel']?.toLowerCase();
    if (rel !== undefined && attrs['href'] !== undefined && !meta.links.has(rel)) meta.links.set(rel, attrs['href']);
  } else if (name === 'html') meta.lang ??= attrs['lang'] ?? attrs['xml:lang'] ?? null;
  else if (name === 'title' && meta.title === '') st.inTitle = true;
  else if (name === 'script') {
    const type = (attrs['type'] ?? '').toLowerCase();
    if (type.includes('ld+json')) st.jsonLd = '';
    else if (type.endsWith('template') && st.skipDepth === 0 && st.templateDepth < MAX_TEMPLATE_DEPTH) st.template = '';
  }
}

function openTag(st: BuildState, name: string, attrs: Record<string, string>): void {
  readHeadTag(st, name, attrs);
  if (st.skipDepth > 0 || SKIPPED.has(name)) {
    st.skipDepth++;
    return;
  }
  const { meta } = st;
  if (name === 'time' && meta.timeDatetime === null && attrs['datetime'] !== undefined) meta.timeDatetime = attrs['datetime'];
  if (meta.itempropDate === null && attrs['itemprop'] === 'datePublished') {
    meta.itempropDate = attrs['datetime'] ?? attrs['content'] ?? null;
  }
  if (name === 'body' || name === 'html') return;
  if (st.depth >= MAX_DEPTH) {
    st.flattened++;
    return;
  }
  st.depth++;
  const el = makeEl(name, attrs, st.current);
  // The head is built (an unclosed head must not swallow the body) but never read as text.
  if (name === 'head') el.removed = true;
  st.current.children.push(el);
  st.current = el;
}

function closeTag(st: BuildState, name: string): void {
  if (name === 'title') st.inTitle = false;
  if (name === 'script' && st.jsonLd !== null) {
    st.meta.jsonLd.push(st.jsonLd);
    st.jsonLd = null;
  }
  if (st.skipDepth > 0) {
    st.skipDepth--;
    if (name === 'script' && st.template !== null && st.template.trimStart().startsWith('<')) {
      for (const child of parsePage(st.template, st.templateDepth + 1).body.children) {
        if (typeof child !== 'string') child.parent = st.current;
        st.current.children.push(child);
      }
    }
    if (name === 'script') st.template = null;
    return;
  }
  if (name === 'body' || name === 'html') return;
  if (st.flattened > 0) {
    st.flattened--;
    return;
  }
  if (st.current.parent !== null) {
    st.current = st.current.parent;
    st.depth--;
  }
}

/**
 * Parses `html` into a lean tree rooted at a synthetic `body`, plus head metadata.
 * @param templateDepth - how many templates `html` is nested in. @defaultValue 0
 */
export function parsePage(html: string, templateDepth = 0): ParsedPage {
  const root = makeEl('body', {}, null);
  const st: BuildState = {
    root,
    meta: { meta: new Map(), links: new Map(), title: '', lang: null, jsonLd: [], timeDatetime: null, itempropDate: null },
    current: root, depth: 0, flattened: 0, skipDepth: 0, inTitle: false, jsonLd: null, template: null, templateDepth,
  };
  parseHtml(html, {
    onopentag: (name, attrs) => openTag(st, name, attrs),
    ontext(text) {
      if (st.inTitle) st.meta.title += text;
      if (st.jsonLd !== null) st.jsonLd += text;
      if (st.template !== null) st.template += text;
      if (st.skipDepth === 0) st.current.children.push(text);
    },
    onclosetag: (name) => closeTag(st, name),
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true });
  return { body: root, meta: st.meta };
}
