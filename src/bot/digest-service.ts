/**
 * The digest service: builds a definition's digest (polling its due sources first, one build at a time per
 * definition), polls every due source for the poll loop, and digests a workspace's folder sources.
 *
 * Every poll of a source holds the source's key on the job queue's poll queue (`POLL_QUEUE`), so a source is
 * never polled twice at once, in this process or (pg-boss) on another instance: the poll loop sends one keyed
 * job per due source (duplicates collapse), and a direct poll (a build's refresh, `pollDue`) skips a source
 * whose poll runs elsewhere. Articles are digested inside their source's poll (with DIGEST_TIMEOUT_MS each),
 * so an article is digested by one instance only.
 */
import { digestBytes } from '../digesting/digest-articles.ts';
import type { ArticleDigester } from '../digesting/article-digester.ts';
import type { LlmSummarizer } from '../llm/summarize-llm.ts';
import { buildDigest, type BuiltDigest, type FolderSource, type RawArticle } from '../digests/build-digest.ts';
import type { DefinitionRegistry } from '../digests/definition-registry.ts';
import type { DigestDefinition } from '../digests/definition.ts';
import { labelSampleDigest, labelSampleMessage } from '../digests/sample-label.ts';
import type { Digest } from '../engine/schema.ts';
import { DigestError, toDigestError } from '../errors.ts';
import type { BotMetrics } from '../metrics.ts';
import { pollDue as pollDueNow, pollSource, type PollOutcome, type PollPolicy } from '../polling/poll-source.ts';
import type { Job, JobQueue, QueueSpec } from '../queue/port.ts';
import type { Clock, Logger } from '../ports.ts';
import type { HttpClient } from '../sources/http/client.ts';
import type { Store } from '../store/port.ts';
import { inBatches } from './in-batches.ts';
import { singleFlight } from './single-flight.ts';

export interface DigestServiceDeps {
  store: Store;
  http: HttpClient;
  clock: Clock;
  logger: Logger;
  metrics: BotMetrics;
  engineVersion: string;
  digester: ArticleDigester;
  policy: PollPolicy;
  definitions: DefinitionRegistry;
  /** Sources polled at once. */
  pollConcurrency: number;
  /** Runs the poll jobs (in-process with SQLite, pg-boss with PostgreSQL). */
  queue: JobQueue;
  /** Reads a folder source, its path resolved against the definition's folder. */
  readFolder(source: FolderSource, dir: string | null): Promise<RawArticle[]>;
  /** Model-written, grounded summaries for definitions with `summary: llm`. @defaultValue none */
  llm?: LlmSummarizer | null;
}

export interface DigestService {
  /** The definition's digest now; concurrent builds of the same definition share one. */
  build(def: DigestDefinition): Promise<BuiltDigest>;
  /** Polls every due, unpaused source once; resolves with the number polled. A call during a poll joins it. */
  pollDue(): Promise<number>;
  /** Resolves once a poll in flight has ended. */
  settled(): Promise<void>;
  /** Declares the poll queue and works its jobs here, `pollConcurrency` at once. */
  startPollJobs(): Promise<void>;
  /** The poll loop's tick: one keyed job per due, unpaused source. Resolves with the jobs sent (not collapsed). */
  enqueueDue(): Promise<number>;
  /** Digests of the workspace's folder sources (local files are not in the article store). */
  folderDigests(workspaceId: string): Promise<Digest[]>;
}

/** The queue of source polls: keyed by source id, one running and one waiting per source, no retries (the next tick sends it again). */
export const POLL_QUEUE = 'poll-source';
const POLL_SPEC: QueueSpec = { name: POLL_QUEUE, oneActivePerKey: true, collapseWaiting: true, expireAfterMs: 15 * 60_000 };

type SourceRecordOf = Parameters<typeof pollSource>[1];

export function createDigestService(deps: DigestServiceDeps): DigestService {
  const { store, clock, logger, engineVersion, digester, queue } = deps;
  // The sentence split is cached only when a model may summarize the article later.
  const keepArticleText = deps.llm !== undefined && deps.llm !== null;
  const pollDeps = { store, http: deps.http, clock, logger, engineVersion, digester, keepArticleText, policy: deps.policy, metrics: deps.metrics };
  let polling: Promise<number> | null = null;

  /** Polls a source unless its poll runs elsewhere (then it counts as skipped: that poll refreshes it). */
  const pollExclusive = async (source: SourceRecordOf): Promise<PollOutcome | null> => {
    const result = await queue.runKeyed(POLL_QUEUE, String(source.id), () => pollSource(pollDeps, source));
    return result.ran ? result.value : null;
  };
  const refresh = (sources: readonly SourceRecordOf[]): Promise<void> =>
    inBatches(sources, deps.pollConcurrency, async (s) => { await pollExclusive(s); }, logger);
  const pollJob = async (job: Job<{ sourceId: number }>): Promise<void> => {
    // The source as it is now: the job may have waited, and another instance may have polled it meanwhile.
    const source = await store.sources.get(job.data.sourceId);
    if (source !== null) await pollSource(pollDeps, source);
  };

  const build = singleFlight((def: DigestDefinition) => JSON.stringify(def), async (def): Promise<BuiltDigest> => {
    const built = await buildDigest({
      store, clock, logger, engineVersion, digester, refresh, ...(deps.llm ? { llm: deps.llm } : {}),
      readFolder: async (source) => deps.readFolder(source, (await deps.definitions.get(def.workspace, def.name))?.dir ?? null),
    }, def);
    return { ...built, message: labelSampleMessage(built.message, def) };
  });

  const pollDue = (): Promise<number> => {
    if (polling !== null) return polling;
    polling = (async () => {
      const due = (await store.sources.all()).filter((s) => s.pausedReason === null);
      let polled = 0;
      await inBatches(due, deps.pollConcurrency, async (s) => {
        const outcome = await pollExclusive(s);
        if (outcome !== null && outcome.status !== 'skipped') polled++;
      }, logger);
      return polled;
    })().finally(() => { polling = null; });
    return polling;
  };

  const folderArticles = async (def: DigestDefinition, source: FolderSource, dir: string | null): Promise<RawArticle[]> =>
    deps.readFolder(source, dir).catch((err: unknown) => {
      logger.warn('folder source unreadable', { digest: def.name, folder: source.name, code: toDigestError(err).code, err });
      return [];
    });

  return {
    build,
    pollDue,
    async settled() {
      await polling?.catch(() => 0);
    },
    async startPollJobs() {
      await queue.declare(POLL_SPEC);
      await queue.work(POLL_QUEUE, { concurrency: deps.pollConcurrency }, pollJob);
    },
    async enqueueDue() {
      const now = clock.now();
      const due = (await store.sources.all()).filter((s) => pollDueNow(s, now, deps.policy.pollIntervalMs) === null);
      let sent = 0;
      for (const source of due) {
        if ((await queue.send(POLL_QUEUE, { sourceId: source.id }, { key: String(source.id) })) !== null) sent++;
      }
      return sent;
    },
    async folderDigests(workspaceId) {
      const out: Digest[] = [];
      for (const { def, dir } of await deps.definitions.list(workspaceId)) {
        for (const source of def.sources) {
          if (source.type !== 'folder') continue;
          for (const raw of await folderArticles(def, source, dir)) {
            try {
              out.push(labelSampleDigest((await digestBytes({ store, clock, engineVersion, digester }, { ...raw, url: raw.url ?? undefined })).digest, def));
            } catch (err) {
              logger.info('folder article skipped', { article: raw.name, code: err instanceof DigestError ? err.code : 'unknown' });
            }
          }
        }
      }
      return out;
    },
  };
}
