/**
 * What `/sources add` checks before it saves a source, pure over what was fetched:
 * - the address is stored without tracking parameters (`utm_*`, `fbclid`, … see `canonical-url.ts`);
 * - a source the workspace already has, by the same address or the same normalised address (tracking
 *   parameters, parameter order, trailing slash, host case, fragment), is refused naming the one it has;
 * - a document that yields nothing to follow is refused with the reason: a feed without items, a page without
 *   article links, or a single page or text file without article text (fewer than {@link MIN_ARTICLE_WORDS}
 *   words of text the engine extracts as the article — an "about us" page, a stub, a 15-byte text file).
 */
import { extractFromHtml } from '../engine/extract/html.ts';
import { extractFromText } from '../engine/extract/text.ts';
import { prepareInput } from '../engine/input.ts';
import { DigestError } from '../errors.ts';
import { canonicalUrl, withoutTracking } from './content/canonical-url.ts';
import type { SourceDocument } from './read-source.ts';

/** Fewest words of extracted text for a single page to count as an article. */
export const MIN_ARTICLE_WORDS = 80;

/** A source as the duplicate check sees it. */
export interface KnownSource {
  name: string;
  url: string;
}

/** The address to fetch and store for a URL a user gave: tracking parameters and fragment removed. */
export const sourceAddress = (url: string): string => withoutTracking(url);

/** The source of `existing` at the same (or the same normalised) address as `url`, or null. */
export function findDuplicateSource<T extends KnownSource>(existing: readonly T[], url: string): T | null {
  const key = canonicalUrl(url);
  return existing.find((s) => s.url === url || canonicalUrl(s.url) === key) ?? null;
}

/**
 * Refuses `url` when `existing` holds it already.
 * @throws DigestError `source/duplicate` naming the source the workspace has: `already added as “Heise” (https://…)`.
 */
export function assertNotDuplicate(existing: readonly KnownSource[], url: string): void {
  const same = findDuplicateSource(existing, url);
  if (same !== null) throw new DigestError('source/duplicate', `already added as “${same.name}” (${same.url})`, { context: { url } });
}

/**
 * Refuses a name the workspace uses for another source.
 * @throws DigestError `source/duplicate` naming the source that has it.
 */
export function assertNameFree(existing: readonly KnownSource[], name: string): void {
  const same = existing.find((s) => s.name === name);
  if (same !== undefined) {
    throw new DigestError('source/duplicate', `the name “${name}” is taken by ${same.url}; give another: /sources add <url> <name>`);
  }
}

/** Words of the article text the engine extracts from a fetched page or text file (0 for binary or blank input). */
export function articleWordCount(bytes: Uint8Array, contentType: string | null, url: string): number {
  let input;
  try {
    input = prepareInput(bytes, url, contentType, url);
  } catch {
    return 0;
  }
  const article = 'html' in input ? extractFromHtml(input.html, { url }) : extractFromText(input.text);
  return article.paragraphs.reduce((n, p) => n + (p.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
}

const KIND_NAMES: Record<SourceDocument['kind'], string> = {
  rss: 'RSS feed', atom: 'Atom feed', rdf: 'RDF feed', 'json-feed': 'JSON Feed', listing: 'web page', article: 'page',
};

/**
 * Refuses a document that yields neither feed items, article links nor an article.
 * @throws DigestError `source/empty` with the reason.
 */
export function assertSourceYields(doc: SourceDocument, page: { bytes: Uint8Array; contentType: string | null; url: string }): void {
  if (doc.items.length === 0) {
    const what = doc.kind === 'listing' ? 'has no article links' : 'has no items';
    throw new DigestError('source/empty', `nothing to follow at ${page.url}: the ${KIND_NAMES[doc.kind]} ${what}`);
  }
  if (doc.kind !== 'article') return;
  const words = articleWordCount(page.bytes, page.contentType, page.url);
  if (words < MIN_ARTICLE_WORDS) {
    throw new DigestError('source/empty', `nothing to follow at ${page.url}: it is neither a feed nor a page with article links, and it has no article text `
      + `(${String(words)} word(s); an article has at least ${String(MIN_ARTICLE_WORDS)})`);
  }
}
