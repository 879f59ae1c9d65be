/**
 * Digests newly seen articles once per version: the feed's full content when
 * it carries the whole article, else the article page fetched with the
 * guarded client. The digest goes into the digest cache under the hash of the
 * bytes it was made from (with the engine version), and the article records
 * which one it is, or why there is none. While an LLM is configured
 * (keepArticleText) the entry also keeps the article's sentence split, for
 * model-written summaries made later (see cachedArticle).
 */
import { createHash } from 'node:crypto';
import { DigestError, toDigestError, type DigestErrorCode } from '../errors.ts';
import type { Clock, Logger } from '../ports.ts';
import { digestSchema, type Digest } from '../engine/schema.ts';
import type { ArticleRecord, Store } from '../store/port.ts';
import { articleTextSchema, inProcessDigester, type ArticleDigester, type ArticleText, type Material } from './article-digester.ts';
import type { FeedItem } from '../sources/content/feed-types.ts';
import { htmlToText } from '../sources/content/html-text.ts';
import type { HttpClient } from '../sources/http/client.ts';

export interface DigestArticlesDeps {
  store: Store;
  http: HttpClient;
  clock: Clock;
  logger: Logger;
  /** Part of the digest cache key: changes whenever the engine's output may change. */
  engineVersion: string;
  /** Runs the engine (the bot: worker threads with a time budget). @defaultValue inProcessDigester */
  digester?: ArticleDigester;
  /**
   * Keep the article's sentence split in its cache entry, for model-written summaries made later: set when an
   * LLM is configured; without one the entry holds the digest alone, as before. @defaultValue false
   */
  keepArticleText?: boolean;
}

export type { Material };

/** Feed content at least this long (as text) is taken as the whole article. */
export const FULL_CONTENT_CHARS = 1500;

const escapeHtml = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

/** A feed item's own content as an HTML document the engine can read. */
export function feedItemDocument(item: FeedItem): string {
  const title = item.title === null ? '' : escapeHtml(item.title);
  const published = item.published === null ? '' : `<time datetime="${escapeHtml(item.published)}"></time>`;
  const body = item.contentHtml ?? (item.summary === null ? '' : `<p>${escapeHtml(item.summary)}</p>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${published}${body}</article></body></html>`;
}

/** What to digest for an article: the feed's full content, else its page (fetched with the guarded client), else the feed's own text. */
export async function materialFor(deps: DigestArticlesDeps, article: ArticleRecord, item: FeedItem | undefined): Promise<Material> {
  const contentText = item === undefined ? null : htmlToText(item.contentHtml);
  if (item !== undefined && (contentText?.length ?? 0) >= FULL_CONTENT_CHARS) {
    return { bytes: new TextEncoder().encode(feedItemDocument(item)), contentType: 'text/html; charset=utf-8', url: item.url ?? undefined, name: item.url ?? item.title ?? 'feed item' };
  }
  const ownContent = item !== undefined && (item.contentHtml !== null || item.summary !== null);
  if (article.link !== null) {
    try {
      const result = await deps.http.get(article.link, { accept: ['html', 'text'] });
      if (result.status === 'ok') return { bytes: result.bytes, contentType: result.contentType, url: result.url, name: result.url };
    } catch (err) {
      // The feed's own text is better than nothing; without it the fetch error is the article's error.
      if (!ownContent) throw err;
      deps.logger.info('article page unavailable, using feed text', { articleId: article.id, code: toDigestError(err).code });
    }
  }
  if (item !== undefined && ownContent) {
    return { bytes: new TextEncoder().encode(feedItemDocument(item)), contentType: 'text/html; charset=utf-8', url: item.url ?? undefined, name: item.title ?? 'feed item' };
  }
  throw new DigestError('input/empty', 'the item has neither content nor a reachable link');
}

/**
 * A digest cache entry: the digest with the article's sentence split under `articleText` (in the same JSON,
 * which readers of the digest alone ignore: the digest schema drops unknown keys). Entries written before
 * the split was kept have none.
 */
const cacheEntrySchema = digestSchema.extend({ articleText: articleTextSchema.optional() });

/** A cached digest with the article's sentence split (null: cached before the split was kept). */
export interface CachedArticle {
  digest: Digest;
  text: ArticleText | null;
}

/** The digest cached under `hash` for this engine version, or null. */
export async function cachedDigest(store: Store, hash: string, engineVersion: string): Promise<Digest | null> {
  const json = await store.digestCache.get(hash, engineVersion);
  return json === null ? null : digestSchema.parse(JSON.parse(json));
}

/** The digest cached under `hash` for this engine version with the article's sentence split, or null when none is cached. */
export async function cachedArticle(store: Store, hash: string, engineVersion: string): Promise<CachedArticle | null> {
  const json = await store.digestCache.get(hash, engineVersion);
  if (json === null) return null;
  const { articleText, ...digest } = cacheEntrySchema.parse(JSON.parse(json));
  return { digest, text: articleText ?? null };
}

type DigestBytesDeps = Pick<DigestArticlesDeps, 'store' | 'clock' | 'engineVersion' | 'digester' | 'keepArticleText'>;

/** The digest of the bytes with its cache key: the cached one, else the digester's (`fresh`: not cached yet). */
async function makeDigest(deps: DigestBytesDeps, material: Material): Promise<{ hash: string; digest: Digest; text: ArticleText | null; fresh: boolean }> {
  const hash = createHash('sha256').update(material.bytes).digest('hex');
  const cached = await cachedArticle(deps.store, hash, deps.engineVersion);
  if (cached !== null) return { hash, ...cached, fresh: false };
  return { hash, ...(await (deps.digester ?? inProcessDigester).digest(material)), fresh: true };
}

const cacheDigest = async (deps: DigestBytesDeps, hash: string, digest: Digest, text: ArticleText | null): Promise<void> => {
  const entry = text === null || deps.keepArticleText !== true ? digest : { ...digest, articleText: text };
  await deps.store.digestCache.put(hash, deps.engineVersion, JSON.stringify(entry), deps.clock.now().toISOString());
};

/** Digests the bytes once per version: the cached digest when there is one, else the digester's (then cached). Returns it with its cache key. */
export async function digestBytes(deps: DigestBytesDeps, material: Material): Promise<{ hash: string; digest: Digest; text: ArticleText | null }> {
  const { hash, digest, text, fresh } = await makeDigest(deps, material);
  if (fresh) await cacheDigest(deps, hash, digest, text);
  return { hash, digest, text };
}

/**
 * Digester failures that are not the article's: no worker free (`digest/busy`) or none could start
 * (`digest/worker-unavailable`). A worker crashing while it digests an article (`digest/worker-crashed`) is
 * that article's failure: it would crash again.
 */
const POSTPONED: ReadonlySet<DigestErrorCode> = new Set<DigestErrorCode>(['digest/busy', 'digest/worker-unavailable']);

/**
 * Digests the given articles (with the feed items they came from, when at hand). One article's failure is
 * recorded on it and never stops the others; only when the digester cannot take work (see POSTPONED) does
 * this stop, leaving that article and the rest pending for the next poll. Returns how many got a digest.
 */
export async function digestArticles(
  deps: DigestArticlesDeps, articles: readonly ArticleRecord[], items: ReadonlyMap<number, FeedItem> = new Map(),
): Promise<number> {
  let done = 0;
  for (const [index, article] of articles.entries()) {
    try {
      const { hash, digest, text, fresh } = await makeDigest(deps, await materialFor(deps, article, items.get(article.id)));
      // The cached digest and the article's link to it land in one commit.
      await deps.store.transaction(async () => {
        if (fresh) await cacheDigest(deps, hash, digest, text);
        await deps.store.articles.setDigest(article.id, hash, null);
      });
      done++;
    } catch (err) {
      const error = toDigestError(err);
      if (POSTPONED.has(error.code)) {
        // Not the article's fault: it stays pending and the next poll tries again. So do the rest: fetching
        // their pages now would only have them refused too.
        deps.logger.info('article digests postponed', { articleId: article.id, code: error.code, left: articles.length - index - 1 });
        break;
      }
      await deps.store.articles.setDigest(article.id, null, error.message);
      deps.logger.info('article not digested', { articleId: article.id, code: error.code });
    }
  }
  return done;
}
