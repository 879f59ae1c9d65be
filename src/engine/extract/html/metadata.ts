/**
 * Page metadata: title, by-line, publication date, declared language,
 * canonical URL and description, from meta tags, JSON-LD and the markup.
 */
import type { El, PageMeta } from './tree.ts';
import { parseDateLine } from '../dates.ts';

/** What the JSON-LD blocks of a page say about its article. */
export interface JsonLdFacts {
  headline: string | null;
  author: string | null;
  datePublished: string | null;
  isAccessibleForFree: boolean | null;
  url: string | null;
  /** Names of the site: the article's publisher, a WebSite or NewsMediaOrganization node's name. */
  siteNames: string[];
  /** The longest `articleBody` of an article node, as the page wrote it (text, sometimes markup). */
  articleBody: string | null;
}

const SPACE_RUN = /\s+/gu;
const ISO_LIKE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/u;
/** Years a publication date can plausibly have ("0001-01-01" is a placeholder). */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
const BYLINE_PREFIX = /^(?:von|by|text:|autor(?:in)?:|author:|posted by|written by|eingestellt von|geschrieben von|publié par|por)\s+/iu;
const BYLINE_CLASS = /(?:^|[\s_-])(?:byline|author)(?:$|[\s_-])/u;

function clean(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const t = s.replace(SPACE_RUN, ' ').trim().normalize('NFC');
  return t === '' ? null : t;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function nameOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => n !== null);
    return names.length === 0 ? null : names.join(', ');
  }
  if (value !== null && typeof value === 'object') return nameOf(value['name']);
  return null;
}

const ARTICLE_TYPES = /article|posting|report|blog|news/iu;
const SITE_TYPES = /^(?:website|newsmediaorganization|organization)$/iu;

function visit(node: Json, facts: JsonLdFacts): void {
  if (Array.isArray(node)) {
    for (const n of node) visit(n, facts);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const type = node['@type'];
  const typeText = Array.isArray(type) ? type.join(' ') : typeof type === 'string' ? type : '';
  if (ARTICLE_TYPES.test(typeText) || node['headline'] !== undefined) {
    if (typeof node['headline'] === 'string') facts.headline ??= clean(node['headline']);
    facts.author ??= nameOf(node['author']);
    if (typeof node['datePublished'] === 'string') facts.datePublished ??= clean(node['datePublished']);
    const free = node['isAccessibleForFree'];
    if (free === false || free === 'False' || free === 'false') facts.isAccessibleForFree = false;
    if (typeof node['url'] === 'string' && ARTICLE_TYPES.test(typeText)) facts.url ??= node['url'];
    const body = node['articleBody'];
    if (typeof body === 'string' && body.length > (facts.articleBody?.length ?? 0)) facts.articleBody = body;
    const publisher = nameOf(node['publisher']);
    if (publisher !== null) facts.siteNames.push(publisher);
  }
  if (SITE_TYPES.test(typeText)) {
    const name = nameOf(node['name']);
    if (name !== null) facts.siteNames.push(name);
  }
  if (node['@graph'] !== undefined) visit(node['@graph'], facts);
  if (node['mainEntity'] !== undefined) visit(node['mainEntity'], facts);
}

/** Reads the JSON-LD blocks; malformed ones are ignored. */
export function readJsonLd(blocks: readonly string[]): JsonLdFacts {
  const facts: JsonLdFacts = {
    headline: null, author: null, datePublished: null, isAccessibleForFree: null, url: null, siteNames: [], articleBody: null,
  };
  for (const block of blocks) {
    try {
      visit(JSON.parse(block) as Json, facts);
    } catch {
      // Broken JSON-LD is common on real pages; the other sources still count.
    }
  }
  return facts;
}

/** Texts of the first `limit` elements with `tag`, depth first (removed subtrees included). */
export function textsOf(el: El, tag: string, limit: number, out: string[] = []): string[] {
  for (const child of el.children) {
    if (out.length >= limit) break;
    if (typeof child === 'string') continue;
    if (child.tag === tag) {
      const text = textOf(child);
      if (text !== '') out.push(text);
    } else textsOf(child, tag, limit, out);
  }
  return out;
}

/** First element passing `test`, depth first (removed subtrees included: metadata may sit in furniture). */
export function findFirst(el: El, test: (e: El) => boolean): El | null {
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    if (test(child)) return child;
    const found = findFirst(child, test);
    if (found !== null) return found;
  }
  return null;
}

export function textOf(el: El): string {
  let s = '';
  for (const child of el.children) s += typeof child === 'string' ? child : textOf(child);
  return s.replace(SPACE_RUN, ' ').trim().normalize('NFC');
}

/** The publication date as an ISO 8601 string (as the page gives it), or null. */
export function pickPublished(meta: PageMeta, facts: JsonLdFacts): string | null {
  const raw = [
    meta.meta.get('article:published_time'), facts.datePublished, meta.itempropDate, meta.timeDatetime,
    meta.meta.get('date'), meta.meta.get('dc.date'), meta.meta.get('dc.date.issued'), meta.meta.get('dcterms.created'),
    meta.meta.get('pubdate'), meta.meta.get('publishdate'), meta.meta.get('publish-date'), meta.meta.get('og:published_time'),
  ];
  for (const value of raw) {
    const v = clean(value);
    if (v === null) continue;
    if (ISO_LIKE.test(v)) {
      const year = Number(v.slice(0, 4));
      if (year >= MIN_YEAR && year <= MAX_YEAR) return v.replace(' ', 'T');
      continue;
    }
    const parsed = parseDateLine(v);
    if (parsed !== null) return parsed;
  }
  return null;
}

/** The primary language subtag the page declares, lower-cased. */
export function pickLanguage(meta: PageMeta): string | null {
  const raw = meta.lang ?? meta.meta.get('og:locale') ?? meta.meta.get('content-language') ?? meta.meta.get('language') ?? null;
  const primary = clean(raw)?.split(/[-_,\s]/u)[0]?.toLowerCase();
  return primary === undefined || primary === '' || !/^[a-z]{2,3}$/u.test(primary) ? null : primary;
}

/** The canonical URL, resolved against the page's URL; else the page's URL. */
export function pickUrl(meta: PageMeta, pageUrl: string | undefined): string | null {
  const raw = meta.links.get('canonical') ?? meta.meta.get('og:url');
  if (raw !== undefined) {
    try {
      return new URL(raw.trim(), pageUrl).href;
    } catch {
      // A relative canonical without a page URL cannot be resolved.
    }
  }
  return pageUrl ?? null;
}

/** Where a by-line's name ends: a handle, a separator, a date or a "published" stamp. */
const BYLINE_END = /\s(?:[|·•@–—]|-\s|\d|(?:on|am|um|updated|published|veröffentlicht|aktualisiert|pub)\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember)\w*\.?\s)/iu;
const BYLINE_MAX_CHARS = 80;
const NOT_BYLINE = /(?:^|[\s_-])(?:comment|kommentar|respond|reply|form)/u;

/** The name part of a by-line ("By Jane Doe @jdoe Nov 19" → "Jane Doe"). */
export function cleanByline(raw: string | null): string | null {
  if (raw === null) return null;
  let text = raw.replace(BYLINE_PREFIX, '');
  const end = BYLINE_END.exec(text);
  if (end !== null) text = text.slice(0, end.index);
  text = text.replace(/[\s,;:.]+$/u, '').trim();
  return text.length > 1 && text.length <= BYLINE_MAX_CHARS && !text.startsWith('http') ? text : null;
}

function findBylineElement(el: El): El | null {
  for (const child of el.children) {
    if (typeof child === 'string' || child.tag === 'form' || NOT_BYLINE.test(child.cls)) continue;
    if (child.attrs['rel'] === 'author' || child.attrs['itemprop'] === 'author' || BYLINE_CLASS.test(child.cls)) return child;
    const found = findBylineElement(child);
    if (found !== null) return found;
  }
  return null;
}

/** The author: meta author, JSON-LD author, rel=author or a by-line element. */
export function pickByline(meta: PageMeta, facts: JsonLdFacts, body: El): string | null {
  const fromMeta = cleanByline(clean(meta.meta.get('author')) ?? clean(meta.meta.get('article:author')));
  if (fromMeta !== null) return fromMeta;
  const fromJsonLd = cleanByline(facts.author);
  if (fromJsonLd !== null) return fromJsonLd;
  const el = findBylineElement(body);
  return el === null ? null : cleanByline(textOf(el));
}

export function pickDescription(meta: PageMeta): string | null {
  return clean(meta.meta.get('description')) ?? clean(meta.meta.get('og:description'));
}
