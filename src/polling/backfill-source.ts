/**
 * Backfill: an operator digests every article a source lists now, including
 * those `sources add` marked seen without digesting, so queries and digests
 * over a look-back window have them. The source's current document is fetched
 * with the guarded client (same SSRF rules and limits as polling); nothing is
 * posted and the source's poll state (validators, health) is left alone.
 * Articles already digested with the current engine version are skipped, so a
 * second run digests nothing new. One article's failure is counted by its
 * error code and never stops the others. Progress goes to a callback.
 */
import { definitionSources } from '../digests/definition-sources.ts';
import type { DigestDefinition } from '../digests/definition.ts';
import { DigestError, toDigestError, type DigestErrorCode } from '../errors.ts';
import type { ArticleRecord, SourceRecord, Store } from '../store/port.ts';
import type { FeedItem } from '../sources/content/feed-types.ts';
import { digestBytes, materialFor, type DigestArticlesDeps } from '../digesting/digest-articles.ts';
import { newArticleOf } from './poll-source.ts';
import { readSourceDocument, type SourceKind } from '../sources/read-source.ts';
import { nearNames } from '../format/near-names.ts';

export { nearNames };

export interface BackfillOptions {
  /** Go through at most this many of the listed articles (newest first). @defaultValue no limit */
  limit?: number;
  /** Only articles published at or after this time; undated articles are kept. @defaultValue no limit */
  since?: Date;
  /** Told after the listing is read (`done` 0) and after each article. @defaultValue none */
  onProgress?: (progress: BackfillProgress) => void;
}

/** Where a backfill stands. */
export interface BackfillProgress {
  done: number;
  total: number;
  /** The article just handled (its title, else its URL); empty before the first. */
  label: string;
}

export type BackfillOutcome = 'digested' | 'skipped' | 'failed';

export interface BackfillReport {
  source: SourceRecord;
  kind: SourceKind;
  /** Items the source lists now. */
  listed: number;
  /** Items gone through (after `since` and `limit`). */
  considered: number;
  /** Articles not in the store before this run. */
  added: number;
  digested: number;
  /** Already digested with the current engine version. */
  skipped: number;
  failed: number;
  /** Failures counted by error code. */
  failures: Partial<Record<DigestErrorCode, number>>;
  /** The failed articles (URL or title) with their error, in order. */
  failedArticles: { article: string; code: DigestErrorCode; message: string }[];
}

const isoOrNull = (value: string | null): number | null => (value === null ? null : Date.parse(value));

/** The items to go through: newest first as listed, `since` and `limit` applied. */
export function backfillItems(items: readonly FeedItem[], options: Pick<BackfillOptions, 'since' | 'limit'>): FeedItem[] {
  const since = options.since?.getTime();
  const kept = since === undefined ? [...items] : items.filter((item) => {
    const published = isoOrNull(item.published);
    return published === null || Number.isNaN(published) || published >= since;
  });
  return options.limit === undefined ? kept : kept.slice(0, options.limit);
}

async function alreadyDigested(deps: DigestArticlesDeps, article: ArticleRecord): Promise<boolean> {
  return article.digestHash !== null && (await deps.store.digestCache.get(article.digestHash, deps.engineVersion)) !== null;
}

/**
 * Backfills one stored source.
 * @throws DigestError when the source's document cannot be fetched or read (the whole run fails).
 */
export async function backfillSource(deps: DigestArticlesDeps, source: SourceRecord, options: BackfillOptions = {}): Promise<BackfillReport> {
  const fetched = await deps.http.get(source.url);
  if (fetched.status !== 'ok') throw new DigestError('fetch/http-status', 'the source answered "not modified" to an unconditional request');
  const doc = readSourceDocument(fetched.bytes, fetched.contentType, fetched.url);
  const items = backfillItems(doc.items, options);
  const report: BackfillReport = {
    source, kind: doc.kind, listed: doc.items.length, considered: items.length, added: 0, digested: 0, skipped: 0, failed: 0, failures: {}, failedArticles: [],
  };
  deps.logger.info('backfill started', { sourceId: source.id, kind: doc.kind, listed: doc.items.length, considered: items.length });
  options.onProgress?.({ done: 0, total: items.length, label: '' });
  for (const [index, item] of items.entries()) {
    const label = item.title ?? item.url ?? '';
    const outcome = await backfillItem(deps, source, item, report);
    report[outcome]++;
    options.onProgress?.({ done: index + 1, total: items.length, label });
  }
  deps.logger.info('backfill finished', { sourceId: source.id, added: report.added, digested: report.digested, skipped: report.skipped, failed: report.failed });
  return report;
}

async function backfillItem(deps: DigestArticlesDeps, source: SourceRecord, item: FeedItem, report: BackfillReport): Promise<BackfillOutcome> {
  const fields = newArticleOf(item);
  let article = await deps.store.articles.find(source.workspaceId, fields);
  if (article === null) {
    article = await deps.store.articles.insertIfNew(source.workspaceId, source.id, fields, deps.clock.now().toISOString(), false);
    if (article === null) return 'skipped';
    report.added++;
  }
  if (article.backfill) await deps.store.articles.clearBackfill(article.id);
  if (await alreadyDigested(deps, article)) return 'skipped';
  try {
    const { hash } = await digestBytes(deps, await materialFor(deps, article, item));
    await deps.store.articles.setDigest(article.id, hash, null);
    return 'digested';
  } catch (err) {
    const error = toDigestError(err);
    await deps.store.articles.setDigest(article.id, null, error.message);
    deps.logger.info('article not digested', { articleId: article.id, code: error.code });
    report.failures[error.code] = (report.failures[error.code] ?? 0) + 1;
    report.failedArticles.push({ article: item.url ?? item.title ?? `#${String(article.id)}`, code: error.code, message: error.message });
    return 'failed';
  }
}

/** A source the operator can name: stored (chat or digest files) or a digest file's `url` source not stored yet. */
export interface NamedSource {
  id: number | null;
  name: string;
  workspaceId: string;
  url: string;
  /** `stored` or the digest definition that declares it. */
  origin: string;
}

/** Every source a backfill can name: the stored ones, then the digest files' `url` sources not stored yet. */
export async function listBackfillSources(store: Store, definitions: readonly DigestDefinition[]): Promise<NamedSource[]> {
  const out: NamedSource[] = (await store.sources.all()).map((s) => ({ id: s.id, name: s.name, workspaceId: s.workspaceId, url: s.url, origin: 'stored' }));
  for (const def of definitions) {
    for (const source of def.sources) {
      if (source.type !== 'url' || out.some((s) => s.workspaceId === def.workspace && s.url === source.url)) continue;
      out.push({ id: null, name: source.name, workspaceId: def.workspace, url: source.url, origin: `digest "${def.name}"` });
    }
  }
  return out;
}

/**
 * Finds the one source `wanted` names: a stored source's id, name or URL, else a digest file's `url` source by name
 * (registered in the store as digest building would). `workspaceId` narrows the search.
 * @throws DigestError `source/not-found` (with near names in the message) or `command/invalid` when several match.
 */
export async function resolveBackfillSource(
  store: Store, definitions: readonly DigestDefinition[], wanted: string, at: string, workspaceId?: string,
): Promise<SourceRecord> {
  const all = (await listBackfillSources(store, definitions)).filter((s) => workspaceId === undefined || s.workspaceId === workspaceId);
  const byId = /^\d+$/u.test(wanted) ? all.filter((s) => s.id === Number(wanted)) : [];
  const exact = all.filter((s) => s.name === wanted || s.url === wanted);
  const matches = byId.length > 0 ? byId : exact.length > 0 ? exact : all.filter((s) => s.name.toLowerCase() === wanted.toLowerCase());
  if (matches.length === 0) {
    const near = nearNames(wanted, all.map((s) => s.name));
    const hint = near.length > 0 ? `did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : all.length === 0 ? 'there are no sources yet' : 'no similar name';
    throw new DigestError('source/not-found', `no source "${wanted}"${workspaceId === undefined ? '' : ` in ${workspaceId}`} (${hint})`);
  }
  if (matches.length > 1) {
    const list = matches.map((s) => `${s.id === null ? s.origin : `#${String(s.id)}`} in ${s.workspaceId}`).join(', ');
    throw new DigestError('command/invalid', `"${wanted}" names ${String(matches.length)} sources (${list}); give the id or --workspace`);
  }
  const [match] = matches as [NamedSource];
  if (match.id !== null) {
    const stored = await store.sources.get(match.id);
    if (stored === null) throw new DigestError('source/not-found', `source #${String(match.id)} was removed`);
    return stored;
  }
  const def = definitions.find((d) => d.workspace === match.workspaceId && d.sources.some((s) => s.type === 'url' && s.url === match.url));
  const source = def?.sources.find((s) => s.type === 'url' && s.url === match.url);
  if (def === undefined || source === undefined) throw new DigestError('source/not-found', `no source "${wanted}"`);
  const [registered] = await definitionSources(store, { ...def, sources: [source] }, at);
  if (registered === undefined) throw new DigestError('source/not-found', `no source "${wanted}"`);
  return registered;
}
