/**
 * The composition root of the core: wires the named parts and hands them out. A scheduled digest goes
 * schedule wiring → deliverRun → publisher router; a chat request goes chat core → command; both build
 * digests through the digest service.
 *
 * - publisher router (`publisher-router.ts`): one publisher per platform, chosen by the channel id;
 * - digest service (`digest-service.ts`): builds, the poll loop's polling, folder digests;
 * - schedule wiring (`schedule-wiring.ts`): scheduler, deliveries, catch-up, sign of life;
 * - chat core (`chat-core.ts`): the `ChatCore` adapters call.
 *
 * One process, one store, one scheduler, whatever adapters run.
 */
import type { ChatCore } from '../chat/core.ts';
import { COMMAND_CATALOG, COMMANDS } from '../commands/catalog.ts';
import type { CommandServices } from '../commands/services.ts';
import { inProcessDigester, type ArticleDigester } from '../digesting/article-digester.ts';
import type { BuiltDigest, FolderSource, RawArticle } from '../digests/build-digest.ts';
import { createDefinitionRegistry, type DefinitionRegistry } from '../digests/definition-registry.ts';
import type { DigestDefinition } from '../digests/definition.ts';
import type { MessagePublisher } from '../messages/model.ts';
import { noopMetrics, type BotMetrics } from '../metrics.ts';
import type { PollPolicy } from '../polling/poll-source.ts';
import type { Clock, Logger } from '../ports.ts';
import type { HttpClient } from '../sources/http/client.ts';
import type { LlmSummarizer } from '../llm/summarize-llm.ts';
import type { Store } from '../store/port.ts';
import { createInProcessQueue } from '../queue/in-process.ts';
import type { JobQueue } from '../queue/port.ts';
import { createChatCore } from './chat-core.ts';
import { createDigestService } from './digest-service.ts';
import { createPublisherRouter } from './publisher-router.ts';
import { ALIVE_KEY, createScheduleWiring } from './schedule-wiring.ts';

export { ALIVE_KEY };

/** Bump when the engine's output changes, so cached digests are rebuilt. */
export const ENGINE_VERSION = '0.4.2';

export interface BotOptions {
  store: Store;
  http: HttpClient;
  clock: Clock;
  logger: Logger;
  policy: PollPolicy;
  /** Missed runs younger than this are posted late at start. */
  graceMs: number;
  /** Definitions from digests/ with their folders. */
  files: readonly { def: DigestDefinition; dir: string }[];
  /** Reads a folder source, its path resolved against the definition's folder. */
  readFolder(source: FolderSource, dir: string | null): Promise<RawArticle[]>;
  /** @defaultValue ENGINE_VERSION */
  engineVersion?: string;
  /** Sleep between delivery attempts. @defaultValue setTimeout */
  sleep?(ms: number): Promise<void>;
  /** How often the poll loop looks for due sources, in ms; 0 turns the loop off. @defaultValue 60000 */
  pollTickMs?: number;
  /** Sources polled at once by the loop. @defaultValue 4 */
  pollConcurrency?: number;
  /** Told about fetches, posts, failed deliveries and commands. @defaultValue noopMetrics */
  metrics?: BotMetrics;
  /** Runs the engine; its owner closes it after stop(). @defaultValue inProcessDigester (on the event loop) */
  digester?: ArticleDigester;
  /**
   * Runs source polls (and scheduled posts) as jobs; stopped by stop(), its running jobs drained for up to
   * `queueDrainMs`. @defaultValue an in-process queue (one process, SQLite)
   */
  queue?: JobQueue;
  /** How long stop() waits for running jobs before handing them back. @defaultValue 30000 */
  queueDrainMs?: number;
  /**
   * Scheduled posts as jobs on `queue` (one per channel at a time across instances; the claim and the
   * enqueue in one transaction). @defaultValue false (posted by the scheduler's delivery, one process)
   */
  postsAsJobs?: boolean;
  /**
   * A running post job older than this counts as lost (its instance died) and is retried by another instance.
   * Short is safe: a live post job holds its channel's key, so a retry waits for it and then finds the run posted.
   * @defaultValue 60000
   */
  postJobExpireMs?: number;
  /** Least minutes between the runs of a schedule set from chat. @defaultValue 15 */
  minScheduleMinutes?: number;
  /** Model-written, grounded summaries (/summarize, definitions with `summary: llm`). @defaultValue none */
  llm?: LlmSummarizer | null;
}

export interface Bot {
  core: ChatCore;
  definitions: DefinitionRegistry;
  /** Routes scheduled posts for channels `platform:*` to a publisher. Call before start(). */
  addPublisher(platform: string, publisher: MessagePublisher): void;
  /** Catches up on missed runs, starts the schedules and the poll loop. Resolves with the late runs posted. */
  start(): Promise<number>;
  stop(): Promise<void>;
  build(def: DigestDefinition): Promise<BuiltDigest>;
  /** Polls every due source once, here and now. Resolves with the number polled. */
  pollDue(): Promise<number>;
  /** The poll loop's tick: sends one keyed poll job per due source. Resolves with the jobs sent (duplicates collapse). */
  enqueueDue(): Promise<number>;
  /** The job queue (polls, posts). */
  queue: JobQueue;
  /** Whether the bot is started (schedules running) and not stopped. */
  isRunning(): boolean;
}

export function createBot(options: BotOptions): Bot {
  const { store, clock, logger } = options;
  const metrics = options.metrics ?? noopMetrics;
  const engineVersion = options.engineVersion ?? ENGINE_VERSION;
  const digester = options.digester ?? inProcessDigester;
  const definitions = createDefinitionRegistry(store, options.files, logger);
  const router = createPublisherRouter();
  const queue = options.queue ?? createInProcessQueue({ logger, observe: (event) => metrics.jobFinished?.(event) });
  const service = createDigestService({
    store, http: options.http, clock, logger, metrics, engineVersion, digester, policy: options.policy, definitions, queue,
    pollConcurrency: options.pollConcurrency ?? 4, readFolder: options.readFolder, ...(options.llm ? { llm: options.llm } : {}),
  });
  const schedules = createScheduleWiring({
    store, clock, logger, metrics, definitions, publisher: router.publisher, graceMs: options.graceMs, build: service.build,
    sleep: options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
    postQueue: options.postsAsJobs === true ? { queue, concurrency: 4, expireAfterMs: options.postJobExpireMs ?? 60_000 } : null,
  });
  const services: CommandServices = {
    store, http: options.http, clock, logger, engineVersion, digester, policy: options.policy, definitions, metrics,
    build: service.build, channelWorkspace: router.workspaceOf, folderDigests: service.folderDigests, schedulesChanged: schedules.schedulesChanged,
    ...(options.minScheduleMinutes === undefined ? {} : { minScheduleMinutes: options.minScheduleMinutes }),
    ...(options.llm ? { llm: options.llm } : {}),
  };
  const core = createChatCore({ services, commands: COMMANDS, catalog: COMMAND_CATALOG, metrics });
  let pollTimer: NodeJS.Timeout | null = null;

  return {
    core, definitions, build: service.build, pollDue: service.pollDue, enqueueDue: service.enqueueDue, queue,
    isRunning: schedules.isRunning,
    addPublisher: router.add,
    async start() {
      await service.startPollJobs();
      const late = await schedules.start();
      const tick = options.pollTickMs ?? 60_000;
      if (tick > 0) {
        pollTimer = setInterval(() => {
          service.enqueueDue().catch((err: unknown) => logger.error('poll loop failed', { err: String(err) }));
        }, tick);
        pollTimer.unref();
      }
      return late;
    },
    async stop() {
      if (pollTimer !== null) clearInterval(pollTimer);
      pollTimer = null;
      // No new jobs are taken; running ones finish (or are handed back) before the schedules stop.
      await schedules.stop(async () => {
        await queue.stop({ drainMs: options.queueDrainMs ?? 30_000 });
        await service.settled();
      });
    },
  };
}
