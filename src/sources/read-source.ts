/**
 * What one fetched source document yields, whatever its type: a feed's items,
 * a listing page's article links, or a single article page. Pure over bytes;
 * the poller and `sources add` (preview) share it. An HTML page that announces
 * a feed is reported with the feed it announces, so the caller can follow it.
 */
import { decodeHtml } from '../engine/extract/charset.ts';
import { DigestError } from '../errors.ts';
import { detectSourceType } from './content/detect-type.ts';
import { discoverFeeds, type DiscoveredFeed } from './content/discover-feeds.ts';
import type { FeedItem } from './content/feed-types.ts';
import { plainTitle } from './content/html-text.ts';
import { extractArticleLinks, looksLikeListingPage } from './content/article-links.ts';
import { parseFeed } from './content/parse-feed.ts';

export type SourceKind = 'rss' | 'atom' | 'rdf' | 'json-feed' | 'listing' | 'article';

export interface SourceDocument {
  kind: SourceKind;
  title: string | null;
  /** Newest first where the feed dates them, else in document order. Listing links carry only `url`. */
  items: FeedItem[];
  /** Feeds an HTML page announces (`<link rel="alternate">`), best first. */
  feeds: DiscoveredFeed[];
  /** Items the document holds, before the cap of {@link MAX_SOURCE_ITEMS} (counted up to {@link COUNTED_ITEMS}). */
  totalItems: number;
}

/** Most items read from one document. */
export const MAX_SOURCE_ITEMS = 100;
/** Most items counted in one feed, to say how many a capped feed had. */
export const COUNTED_ITEMS = 1000;
/** Most article links followed from one listing page. */
export const MAX_LISTING_LINKS = 30;

const TITLE = /<title[^>]*>([^<]{1,300})<\/title>/iu;

function newestFirst(items: FeedItem[]): FeedItem[] {
  if (items.some((i) => i.published === null)) return items;
  return items.map((item, index) => ({ item, index }))
    .sort((a, b) => (b.item.published ?? '').localeCompare(a.item.published ?? '') || a.index - b.index)
    .map(({ item }) => item);
}

function linkItem(url: string): FeedItem {
  return { guid: null, url, title: null, published: null, summary: null, contentHtml: null, author: null };
}

/**
 * Reads a fetched document.
 * @throws DigestError `feed/malformed` for a broken feed, `fetch/unsupported-type` for content that is neither a feed nor a page.
 */
export function readSourceDocument(bytes: Uint8Array, contentType: string | null, url: string): SourceDocument {
  const type = detectSourceType(bytes, contentType);
  if (type === 'rss' || type === 'atom' || type === 'rdf' || type === 'json-feed') {
    const feed = parseFeed(bytes, contentType, { feedUrl: url, maxItems: COUNTED_ITEMS });
    return { kind: type, title: feed.title, items: newestFirst(feed.items).slice(0, MAX_SOURCE_ITEMS), feeds: [], totalItems: feed.items.length };
  }
  if (type === 'text') return { kind: 'article', title: null, items: [linkItem(url)], feeds: [], totalItems: 1 };
  if (type !== 'html') {
    throw new DigestError('fetch/unsupported-type', 'the address serves neither a feed nor a web page');
  }
  const html = decodeHtml(bytes, contentType);
  // Plain text: the document title is raw markup (entities, escaped tags).
  const title = plainTitle(TITLE.exec(html)?.[1]);
  const feeds = discoverFeeds(html, url);
  if (looksLikeListingPage(html, url)) {
    const links = extractArticleLinks(html, url, { limit: MAX_LISTING_LINKS });
    return { kind: 'listing', title, items: links.map(linkItem), feeds, totalItems: links.length };
  }
  return { kind: 'article', title, items: [{ ...linkItem(url), title }], feeds, totalItems: 1 };
}

/** "12 item(s)", or "100 of 500 items (capped)" when the document held more than were read. */
export function itemCountText(doc: Pick<SourceDocument, 'items' | 'totalItems'>): string {
  const shown = String(doc.items.length);
  if (doc.totalItems <= doc.items.length) return `${shown} item(s)`;
  const total = doc.totalItems >= COUNTED_ITEMS ? `${String(COUNTED_ITEMS)}+` : String(doc.totalItems);
  return `${shown} of ${total} items (capped)`;
}
