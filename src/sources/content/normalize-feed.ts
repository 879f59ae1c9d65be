/**
 * Maps feedsmith's format-specific objects (RSS 2.0, Atom, RDF, JSON Feed) onto the one normalised
 * {@link ParsedFeed} shape: plain-text titles and summaries, absolute URLs (item `xml:base` → feed `xml:base`
 * → feed link → the URL the feed was fetched from), ISO 8601 dates, author names.
 */
import type { AtomFeed, JsonFeed, RdfFeed, RssFeed } from 'feedsmith';
import { parseHttpUrl } from './canonical-url.ts';
import { feedDateToIso } from './feed-dates.ts';
import type { FeedItem, ParsedFeed } from './feed-types.ts';
import { collapse, htmlToText, plainTitle, textToHtml } from './html-text.ts';

/** Resolves `href` against `base` (when given) to an absolute http(s) URL, or null. */
export function resolveUrl(href: string | null | undefined, base: string | null): string | null {
  const trimmed = href?.trim() ?? '';
  if (trimmed === '') return null;
  return parseHttpUrl(trimmed, base ?? undefined)?.href ?? null;
}

/** A base URL from an `xml:base` (itself resolved against the outer base), else the outer base. */
function withXmlBase(xmlBase: string | undefined, outer: string | null): string | null {
  return resolveUrl(xmlBase, outer) ?? outer;
}

function nonEmpty(value: string | null | undefined): string | null {
  return value == null ? null : collapse(value);
}

function joinNames(names: readonly (string | null | undefined)[]): string | null {
  const kept = [...new Set(names.map((n) => nonEmpty(n)).filter((n): n is string => n !== null))];
  return kept.length === 0 ? null : kept.join(', ');
}

/** Plain text of a field that may hold HTML (RSS titles and descriptions often do). */
function plain(value: string | null | undefined): string | null {
  return htmlToText(value);
}

function firstDate(...candidates: (string | null | undefined)[]): string | null {
  for (const candidate of candidates) {
    const iso = feedDateToIso(candidate);
    if (iso !== null) return iso;
  }
  return null;
}

function looksLikeAbsoluteUrl(value: string): boolean {
  return /^https?:\/\//iu.test(value.trim());
}

type RssItem = RssFeed.Item<string>;

function rssItem(item: RssItem, feedBase: string | null): FeedItem {
  const base = withXmlBase(item.xml?.base, feedBase);
  const guid = nonEmpty(item.guid?.value);
  const guidUrl = guid !== null && item.guid?.isPermaLink !== false && looksLikeAbsoluteUrl(guid) ? guid : null;
  const atomLink = item.atom?.links?.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href;
  return {
    guid,
    url: resolveUrl(item.link, base) ?? resolveUrl(guidUrl, base) ?? resolveUrl(atomLink, base),
    title: plainTitle(item.title) ?? plainTitle(item.dc?.titles?.[0]),
    published: firstDate(item.pubDate, item.dc?.dates?.[0], item.dcterms?.created?.[0], item.atom?.published),
    summary: plain(item.description),
    contentHtml: nonEmpty(item.content?.encoded) === null ? null : (item.content?.encoded ?? null),
    author: joinNames([...(item.authors ?? []).map((a) => a.name ?? a.email), ...(item.dc?.creators ?? [])]),
  };
}

/** Normalises a parsed RSS 2.0 (or 0.9x) feed. */
export function normalizeRss(feed: RssFeed.Feed<string>, feedUrl: string | null): ParsedFeed {
  const channelBase = withXmlBase(feed.xml?.base, feedUrl);
  const link = resolveUrl(feed.link, channelBase);
  const base = feed.xml?.base === undefined ? (link ?? channelBase) : channelBase;
  return {
    format: 'rss',
    title: plainTitle(feed.title) ?? plainTitle(feed.dc?.titles?.[0]),
    link,
    items: (feed.items ?? []).map((item) => rssItem(item, base)),
  };
}

type RdfItem = RdfFeed.Item<string>;

function rdfItem(item: RdfItem, feedBase: string | null): FeedItem {
  const base = withXmlBase(item.xml?.base, feedBase);
  return {
    guid: nonEmpty(item.rdf?.about),
    url: resolveUrl(item.link, base) ?? resolveUrl(item.rdf?.about, base),
    title: plainTitle(item.title) ?? plainTitle(item.dc?.titles?.[0]),
    published: firstDate(item.dc?.dates?.[0], item.dcterms?.created?.[0]),
    summary: plain(item.description),
    contentHtml: nonEmpty(item.content?.encoded) === null ? null : (item.content?.encoded ?? null),
    author: joinNames(item.dc?.creators ?? []),
  };
}

/** Normalises a parsed RDF (RSS 0.9/1.0) feed. */
export function normalizeRdf(feed: RdfFeed.Feed<string>, feedUrl: string | null): ParsedFeed {
  const outerBase = withXmlBase(feed.xml?.base, feedUrl);
  const link = resolveUrl(feed.link, outerBase);
  return {
    format: 'rdf',
    title: plainTitle(feed.title) ?? plainTitle(feed.dc?.titles?.[0]),
    link,
    items: (feed.items ?? []).map((item) => rdfItem(item, link ?? outerBase)),
  };
}

/** Plain text of an Atom text construct (`type="text"` is already text; html, xhtml and `text/html` are markup). */
function atomText(text: AtomFeed.Text | undefined): string | null {
  if (text === undefined) return null;
  return text.type?.includes('html') === true ? plain(text.value) : nonEmpty(text.value);
}

/** An Atom title as plain text: markup removed whatever its type says (a chat message shows no tags). */
function atomTitle(text: AtomFeed.Text | undefined, dcTitle: string | undefined): string | null {
  return (text === undefined ? null : plainTitle(text.value)) ?? plainTitle(dcTitle);
}

function atomContentHtml(content: AtomFeed.Content | undefined): string | null {
  if (content?.value === undefined || content.src !== undefined) return null;
  if (content.type === 'html' || content.type === 'xhtml' || content.type?.includes('html') === true) {
    return nonEmpty(content.value) === null ? null : content.value;
  }
  return content.type === undefined || content.type === 'text' || content.type.startsWith('text/') ? textToHtml(content.value) : null;
}

function alternateHref(links: readonly AtomFeed.Link<string>[] | undefined): string | undefined {
  const list = links ?? [];
  return (list.find((l) => (l.rel ?? 'alternate') === 'alternate' && (l.type ?? 'text/html').includes('html')) ??
    list.find((l) => (l.rel ?? 'alternate') === 'alternate'))?.href;
}

type AtomEntry = AtomFeed.Entry<string>;

function atomEntry(entry: AtomEntry, feedBase: string | null): FeedItem {
  const base = withXmlBase(entry.xml?.base, feedBase);
  const id = nonEmpty(entry.id);
  return {
    guid: id,
    url: resolveUrl(alternateHref(entry.links), base) ?? (id !== null && looksLikeAbsoluteUrl(id) ? resolveUrl(id, null) : null),
    title: atomTitle(entry.title, entry.dc?.titles?.[0]),
    published: firstDate(entry.published, entry.updated, entry.dc?.dates?.[0]),
    summary: atomText(entry.summary),
    contentHtml: atomContentHtml(entry.content),
    author: joinNames([...(entry.authors ?? []).map((a) => a.name), ...(entry.dc?.creators ?? [])]),
  };
}

/** Normalises a parsed Atom (1.0 or 0.3) feed. */
export function normalizeAtom(feed: AtomFeed.Feed<string>, feedUrl: string | null): ParsedFeed {
  const base = withXmlBase(feed.xml?.base, feedUrl);
  return {
    format: 'atom',
    title: atomTitle(feed.title, feed.dc?.titles?.[0]),
    link: resolveUrl(alternateHref(feed.links), base),
    items: (feed.entries ?? []).map((entry) => atomEntry(entry, base)),
  };
}

type JsonItem = JsonFeed.Item<string>;

function jsonItem(item: JsonItem, base: string | null): FeedItem {
  const id = item.id === undefined || item.id === null ? null : nonEmpty(String(item.id));
  return {
    guid: id,
    url: resolveUrl(item.url, base) ?? resolveUrl(item.external_url, base),
    title: plainTitle(item.title),
    published: firstDate(item.date_published, item.date_modified),
    summary: plain(item.summary),
    contentHtml: nonEmpty(item.content_html) === null ? textToHtml(item.content_text) : (item.content_html ?? null),
    author: joinNames((item.authors ?? []).map((a) => a.name)),
  };
}

/** Normalises a parsed JSON Feed (1.0 or 1.1). */
export function normalizeJson(feed: JsonFeed.Feed<string>, feedUrl: string | null): ParsedFeed {
  const link = resolveUrl(feed.home_page_url, feedUrl);
  const base = link ?? resolveUrl(feed.feed_url, feedUrl) ?? feedUrl;
  return {
    format: 'json-feed',
    title: plainTitle(feed.title),
    link,
    items: (feed.items ?? []).map((item) => jsonItem(item, base)),
  };
}
