/**
 * The digest service: builds a definition's digest (polling its due sources first, one build at a time per
 * definition), polls every due source for the poll loop, and digests a workspace's folder sources.
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
import { pollSource, type PollPolicy } from '../polling/poll-source.ts';
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
  /** Digests of the workspace's folder sources (local files are not in the article store). */
  folderDigests(workspaceId: string): Promise<Digest[]>;
}

export function createDigestService(deps: DigestServiceDeps): DigestService {
  const { store, clock, logger, engineVersion, digester } = deps;
  const pollDeps = { store, http: deps.http, clock, logger, engineVersion, digester, policy: deps.policy, metrics: deps.metrics };
  let polling: Promise<number> | null = null;

  const refresh = (sources: readonly Parameters<typeof pollSource>[1][]): Promise<void> =>
    inBatches(sources, deps.pollConcurrency, async (s) => { await pollSource(pollDeps, s); }, logger);

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
        const outcome = await pollSource(pollDeps, s);
        if (outcome.status !== 'skipped') polled++;
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
