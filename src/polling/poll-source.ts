/**
 * Polls one source: a conditional GET with the guarded client, the document
 * read as feed / listing page / article, new items stored (deduplicated by
 * canonical URL, GUID and content hash), then digested. On the first
 * successful poll only the newest `newSourceItems` count as new; the rest are
 * marked seen, so subscribing never floods a channel. Failures are counted
 * with exponential backoff (at least Retry-After) and pause the source after
 * `pauseAfterFailures` in a row, with the reason kept.
 */
import { toDigestError, type DigestError } from '../errors.ts';
import { elapsedMs, type BotMetrics, type FetchOutcome } from '../metrics.ts';
import type { ArticleRecord, NewArticle, SourceRecord } from '../store/port.ts';
import { itemKeys } from '../sources/content/item-keys.ts';
import type { FeedItem } from '../sources/content/feed-types.ts';
import { digestArticles, type DigestArticlesDeps } from '../digesting/digest-articles.ts';
import { readSourceDocument, type SourceKind } from '../sources/read-source.ts';

export interface PollPolicy {
  /** Time between polls of a healthy source. */
  pollIntervalMs: number;
  /** Failures in a row after which the source is paused. */
  pauseAfterFailures: number;
  /** Items of a new source that go into the next digest. */
  newSourceItems: number;
  /** Most new articles digested per poll (the rest wait for the next poll). @defaultValue 20 */
  maxDigestsPerPoll?: number;
}

export interface PollDeps extends DigestArticlesDeps {
  policy: PollPolicy;
  /** Told when each fetch ends. @defaultValue noopMetrics (none) */
  metrics?: BotMetrics;
}

export type PollOutcome =
  | { status: 'skipped'; reason: 'paused' | 'backing-off' | 'not-due' }
  | { status: 'not-modified' }
  | { status: 'ok'; kind: SourceKind; items: number; added: number; backfilled: number; digested: number }
  | { status: 'failed'; error: DigestError; paused: boolean; nextAttemptAt: string | null };

/** First backoff after a failure, doubling per failure in a row, capped. */
export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_MAX_MS = 6 * 60 * 60 * 1000;

/** When a source that failed `errorCount` times in a row may be tried again. */
export function nextAttemptAfter(now: Date, errorCount: number, error: DigestError): Date {
  const backoff = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, errorCount - 1));
  const asked = error.context?.['retryAfterMs'];
  const retryAfter = typeof asked === 'number' && Number.isFinite(asked) ? Math.min(asked, 24 * BACKOFF_MAX_MS) : 0;
  return new Date(now.getTime() + Math.max(backoff, retryAfter));
}

/** The article record of a listed item, with the keys that recognise it later. */
export function newArticleOf(item: FeedItem): NewArticle {
  const keys = itemKeys(item);
  // A bare link (listing pages) has no text of its own to hash: it is known by its URL.
  const contentHash = item.title === null && item.summary === null && item.contentHtml === null ? null : keys.contentHash;
  return { link: item.url, canonicalUrl: keys.canonicalUrl, guid: keys.guid, contentHash, title: item.title, published: item.published };
}

/** Whether a source is due for a poll now. */
export function pollDue(source: SourceRecord, now: Date, pollIntervalMs: number): Extract<PollOutcome, { status: 'skipped' }> | null {
  if (source.pausedReason !== null) return { status: 'skipped', reason: 'paused' };
  if (source.nextAttemptAt !== null && Date.parse(source.nextAttemptAt) > now.getTime()) return { status: 'skipped', reason: 'backing-off' };
  if (source.errorCount === 0 && source.lastSuccessAt !== null && now.getTime() - Date.parse(source.lastSuccessAt) < pollIntervalMs) {
    return { status: 'skipped', reason: 'not-due' };
  }
  return null;
}

async function recordFailure(deps: PollDeps, source: SourceRecord, err: unknown): Promise<PollOutcome> {
  const error = toDigestError(err);
  const now = deps.clock.now();
  const errors = source.errorCount + 1;
  const paused = errors >= deps.policy.pauseAfterFailures;
  const next = paused ? null : nextAttemptAfter(now, errors, error).toISOString();
  const reason = paused ? `paused after ${String(errors)} failures in a row; last: ${error.message}` : null;
  await deps.store.sources.recordFailure(source.id, now.toISOString(), error.message, next, reason);
  deps.logger.warn(paused ? 'source paused' : 'source fetch failed', { sourceId: source.id, code: error.code, errors });
  return { status: 'failed', error, paused, nextAttemptAt: next };
}

/**
 * The feed items still listed for articles left pending by earlier polls (e.g. postponed as busy), matched by
 * GUID or canonical URL: the store keeps no item content, and a full-content feed's retry should digest the
 * feed's text, not fetch the link (or fail when there is none).
 */
function listedItems(items: readonly FeedItem[], pending: readonly ArticleRecord[]): [number, FeedItem][] {
  if (pending.length === 0) return [];
  const byKey = new Map<string, FeedItem>();
  for (const item of items) {
    const keys = itemKeys(item);
    if (keys.guid !== null) byKey.set(`guid ${keys.guid}`, item);
    if (keys.canonicalUrl !== null) byKey.set(`url ${keys.canonicalUrl}`, item);
  }
  return pending.flatMap((a): [number, FeedItem][] => {
    const item = (a.guid === null ? undefined : byKey.get(`guid ${a.guid}`)) ?? (a.canonicalUrl === null ? undefined : byKey.get(`url ${a.canonicalUrl}`));
    return item === undefined ? [] : [[a.id, item]];
  });
}

/**
 * Polls a source now, unless it is paused, backing off or (without `force`) polled less than an interval ago.
 * Never throws for source trouble: failures come back as `failed` and are recorded on the source.
 */
export async function pollSource(deps: PollDeps, source: SourceRecord, options: { force?: boolean } = {}): Promise<PollOutcome> {
  try {
    return await pollOnce(deps, source, options);
  } catch (err) {
    // Only store trouble gets here (e.g. the source was removed mid-poll): report it, never throw into a digest.
    const error = toDigestError(err);
    deps.logger.error('source poll aborted', { sourceId: source.id, code: error.code, err: error.message });
    return { status: 'failed', error, paused: false, nextAttemptAt: null };
  }
}

async function pollOnce(deps: PollDeps, source: SourceRecord, options: { force?: boolean }): Promise<PollOutcome> {
  const now = deps.clock.now();
  const skip = pollDue(source, now, deps.policy.pollIntervalMs);
  if (skip !== null && (options.force !== true || skip.reason === 'paused')) return skip;
  let fetched;
  let doc;
  let reported = false;
  const fetchEnded = (outcome: FetchOutcome, error?: DigestError): void => {
    if (reported) return;
    reported = true;
    deps.metrics?.fetchFinished({ sourceType: source.type, durationMs: elapsedMs(deps.clock, now), outcome, ...(error === undefined ? {} : { code: error.code }) });
  };
  try {
    fetched = await deps.http.get(source.url, {
      ...(source.etag === null ? {} : { etag: source.etag }),
      ...(source.lastModified === null ? {} : { lastModified: source.lastModified }),
    });
    if (fetched.status === 'not-modified') {
      fetchEnded('not-modified');
      await deps.store.sources.recordSuccess(source.id, now.toISOString(), { etag: source.etag, lastModified: source.lastModified });
      await digestArticles(deps, await deps.store.articles.pending(source.id, deps.policy.maxDigestsPerPoll ?? 20));
      return { status: 'not-modified' };
    }
    doc = readSourceDocument(fetched.bytes, fetched.contentType, fetched.url);
    fetchEnded('ok');
  } catch (err) {
    fetchEnded('error', toDigestError(err));
    return recordFailure(deps, source, err);
  }
  const firstPoll = source.lastSuccessAt === null;
  const at = now.toISOString();
  const fresh: { record: ArticleRecord; item: FeedItem }[] = [];
  let backfilled = 0;
  // The items and the source's new state go in one transaction: one commit per poll instead of one per item.
  await deps.store.transaction(async () => {
    for (const [index, item] of doc.items.entries()) {
      const backfill = firstPoll && index >= deps.policy.newSourceItems;
      const stored = await deps.store.articles.insertIfNew(source.workspaceId, source.id, newArticleOf(item), at, backfill);
      if (stored === null) continue;
      if (backfill) backfilled++;
      else fresh.push({ record: stored, item });
    }
    await deps.store.sources.recordSuccess(source.id, at, { etag: fetched.etag, lastModified: fetched.lastModified });
  });
  const cap = deps.policy.maxDigestsPerPoll ?? 20;
  const batch = fresh.slice(0, cap);
  // Articles left over from earlier polls (more new items than the cap) come next, fetched from their links.
  const leftovers = batch.length < cap ? (await deps.store.articles.pending(source.id, cap)).filter((a) => !fresh.some((f) => f.record.id === a.id)) : [];
  const todo = [...batch.map((b) => b.record), ...leftovers].slice(0, cap);
  const items = new Map([...batch.map((b): [number, FeedItem] => [b.record.id, b.item]), ...listedItems(doc.items, leftovers)]);
  const digested = await digestArticles(deps, todo, items);
  deps.logger.info('source polled', { sourceId: source.id, kind: doc.kind, items: doc.items.length, added: fresh.length, backfilled, digested });
  return { status: 'ok', kind: doc.kind, items: doc.items.length, added: fresh.length, backfilled, digested };
}
