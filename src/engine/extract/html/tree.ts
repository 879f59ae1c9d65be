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

/**
 * Parses `html` into a lean tree rooted at a synthetic `body`, plus head metadata.
 * @param templateDepth - how many templates `html` is nested in. @defaultValue 0
 */
export function parsePage(html: string, templateDepth = 0): ParsedPage {
  const root = makeEl('body', {}, null);
  const meta: PageMeta = {
    meta: new Map(), links: new Map(), title: '', lang: null, jsonLd: [], timeDatetime: null, itempropDate: null,
  };
  let current = root;
  let depth = 0;
  /** Elements opened below MAX_DEPTH: their content is attached to the deepest built element. */
  let flattened = 0;
  /** Depth inside a skipped subtree (0 = building). */
  let skipDepth = 0;
  let inTitle = false;
  let jsonLd: string | null = null;
  /** Markup of a client-side template (`<script type="text/template">`), parsed as part of the page. */
  let template: string | null = null;

  const onMeta = (attrs: Record<string, string>): void => {
    const key = (attrs['property'] ?? attrs['name'] ?? attrs['itemprop'] ?? attrs['http-equiv'])?.toLowerCase();
    const content = attrs['content'];
    if (key !== undefined && content !== undefined && !meta.meta.has(key)) meta.meta.set(key, content);
  };

  parseHtml(html, {
    onopentag(name, attrs) {
      if (name === 'meta') onMeta(attrs);
      else if (name === 'link') {
        const rel = attrs['rel']?.toLowerCase();
        if (rel !== undefined && attrs['href'] !== undefined && !meta.links.has(rel)) meta.links.set(rel, attrs['href']);
      } else if (name === 'html') meta.lang ??= attrs['lang'] ?? attrs['xml:lang'] ?? null;
      else if (name === 'title' && meta.title === '') inTitle = true;
      else if (name === 'script') {
        const type = (attrs['type'] ?? '').toLowerCase();
        if (type.includes('ld+json')) jsonLd = '';
        else if (type.endsWith('template') && skipDepth === 0 && templateDepth < MAX_TEMPLATE_DEPTH) template = '';
      }
      if (skipDepth > 0 || SKIPPED.has(name)) {
        skipDepth++;
        return;
      }
      if (name === 'time' && meta.timeDatetime === null && attrs['datetime'] !== undefined) meta.timeDatetime = attrs['datetime'];
      if (meta.itempropDate === null && attrs['itemprop'] === 'datePublished') {
        meta.itempropDate = attrs['datetime'] ?? attrs['content'] ?? null;
      }
      if (name === 'body' || name === 'html') return;
      if (depth >= MAX_DEPTH) {
        flattened++;
        return;
      }
      depth++;
      const el = makeEl(name, attrs, current);
      // The head is built (an unclosed head must not swallow the body) but never read as text.
      if (name === 'head') el.removed = true;
      current.children.push(el);
      current = el;
    },
    ontext(text) {
      if (inTitle) meta.title += text;
      if (jsonLd !== null) jsonLd += text;
      if (template !== null) template += text;
      if (skipDepth === 0) current.children.push(text);
    },
    onclosetag(name) {
      if (name === 'title') inTitle = false;
      if (name === 'script' && jsonLd !== null) {
        meta.jsonLd.push(jsonLd);
        jsonLd = null;
      }
      if (skipDepth > 0) {
        skipDepth--;
        if (name === 'script' && template !== null && template.trimStart().startsWith('<')) {
          for (const child of parsePage(template, templateDepth + 1).body.children) {
            if (typeof child !== 'string') child.parent = current;
            current.children.push(child);
          }
        }
        if (name === 'script') template = null;
        return;
      }
      if (name === 'body' || name === 'html') return;
      if (flattened > 0) {
        flattened--;
        return;
      }
      if (current.parent !== null) {
        current = current.parent;
        depth--;
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true });
  return { body: root, meta };
}
