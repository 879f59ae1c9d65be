/**
 * What `/summarize <url>` digests: the page at the address or, when the address is a feed, the feed's newest
 * item (its page; the item's own content when the page cannot be fetched). A feed without a usable item is
 * refused with how to follow it instead.
 */
import { DigestError } from '../errors.ts';
import { detectSourceType } from './content/detect-type.ts';
import { fetchDocument, type FetchedDocument } from './http/from-config.ts';
import type { HttpClient } from './http/client.ts';
import { readSourceDocument } from './read-source.ts';

export interface SummarizeTarget {
  /** The article to digest. */
  page: FetchedDocument;
  /** The feed it is the newest item of, when the address was a feed. */
  feed: { title: string | null; url: string } | null;
}

const FEED_TYPES: ReadonlySet<string> = new Set(['rss', 'atom', 'rdf', 'json-feed']);

/**
 * Fetches `url`; a feed is replaced by its newest item.
 * @throws DigestError the client's `fetch/*` errors; `source/empty` for a feed with no item to summarize.
 */
export async function summarizeTarget(http: HttpClient, url: string): Promise<SummarizeTarget> {
  const fetched = await fetchDocument(http, url);
  if (!FEED_TYPES.has(detectSourceType(fetched.bytes, fetched.contentType))) return { page: fetched, feed: null };
  const doc = readSourceDocument(fetched.bytes, fetched.contentType, fetched.url);
  const feed = { title: doc.title, url: fetched.url };
  for (const item of doc.items) {
    if (item.url !== null) {
      try {
        return { page: await fetchDocument(http, item.url), feed };
      } catch (err) {
        if (item.contentHtml === null) throw err;
      }
    }
    if (item.contentHtml !== null) {
      return { page: { bytes: new TextEncoder().encode(item.contentHtml), contentType: 'text/html; charset=utf-8', url: item.url ?? fetched.url }, feed };
    }
  }
  throw new DigestError('source/empty', `${fetched.url} is a feed with no item to summarize; to follow it: /sources add ${fetched.url}`);
}

/** The line that says a summary is of a feed's newest item, and how to follow the feed. */
export function feedNote(target: SummarizeTarget): string | null {
  if (target.feed === null) return null;
  const name = target.feed.title === null ? 'the feed' : `the feed “${target.feed.title}”`;
  return `Newest item of ${name}. To follow the feed: /sources add ${target.feed.url}`;
}
