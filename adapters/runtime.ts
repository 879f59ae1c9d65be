/**
 * Builds the one bot runtime every adapter shares: digest definitions from
 * digests/, the store (DATABASE_URL: SQLite under DATA_DIR or PostgreSQL), the guarded HTTP client and the
 * platform-neutral bot (schedules, poll loop, commands); with METRICS_PORT set,
 * the Prometheus metrics and the operator server (/metrics, /healthz).
 */
import { dirname, join, resolve } from 'node:path';
import {
  CLAIM_STALE_MS, countSourceStates, createBot, createConfiguredDigester, createConfiguredLlm, createConfiguredHttpClient, loadDigestDefinitions, openStore, readFolderSource, SQLITE_FILE, storeLocation, systemClock,
  createInProcessQueue, type Bot, type Config, type DigestDefinition, type JobObserver, type JobQueue, type Logger, type Store,
} from '../src/index.ts';
import { botHealth } from './ops/health.ts';
import { createPgBossQueue } from './queue/pg-boss-queue.ts';
import { createClusterHostSlots } from './queue/pg-host-slots.ts';
import { createPgLockSession, type LockSession } from './queue/pg-lock-session.ts';
import { createInstanceRole, type InstanceRole } from './ops/instance-role.ts';
import { startOpsServer, type OpsServer } from './ops/ops-server.ts';
import { createPromMetrics } from './ops/prom-metrics.ts';

export interface Runtime {
  bot: Bot;
  store: Store;
  /** Problems with definition files (each named); the valid ones are loaded anyway. */
  definitionErrors: string[];
  /** The operator server (/metrics, /healthz) when METRICS_PORT is set, else null. */
  ops: OpsServer | null;
  /** The instance's role in a cluster (gateway lease, HTTP ingress), shown by /healthz and counted in /metrics. */
  role: InstanceRole;
  /** The SQLite store file (Slack installations are kept in it). */
  databaseFile: string;
  /**
   * Stops taking jobs and waits for the running ones (up to 30 s; pg-boss hands the rest back for another
   * instance). Call it on SIGTERM before the adapters give up the gateway lease; close() does it too.
   */
  stopJobs(): Promise<void>;
  /** Stops the operator server, the bot and the digest workers, then closes the store. */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  projectRoot: string;
  cwd: string;
  config: Config;
  logger: Logger;
  /** @defaultValue 60000; tests turn the loop off with 0 */
  pollTickMs?: number;
}

/** The job queue: pg-boss on the shared PostgreSQL (with the instance's lock session), else in-process. */
async function openQueue(postgresUrl: string | null, logger: Logger, observe: JobObserver): Promise<{ queue: JobQueue; locks: LockSession | null }> {
  if (postgresUrl === null) return { queue: createInProcessQueue({ logger, observe }), locks: null };
  const locks = createPgLockSession(postgresUrl, logger);
  try {
    return { queue: await createPgBossQueue({ url: postgresUrl, logger, locks, observe }), locks };
  } catch (err) {
    await locks.close();
    throw err;
  }
}

export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, logger } = options;
  const files: { def: DigestDefinition; dir: string }[] = [];
  const definitionErrors: string[] = [];
  for (const item of await loadDigestDefinitions(resolve(options.projectRoot, config.store.digestsDir))) {
    if (item.ok) files.push({ def: item.value.definition, dir: dirname(item.value.file) });
    else definitionErrors.push(item.error.message);
  }
  const startedAt = new Date();
  const storeConfig = { dataDir: resolve(options.cwd, config.store.dataDir), databaseUrl: config.store.databaseUrl };
  // The Slack installations (OAuth) live in the store's SQLite file, or the one under DATA_DIR beside PostgreSQL
  // (a PostgreSQL repository is not built yet).
  const location = storeLocation(storeConfig);
  const databaseFile = location.dialect === 'sqlite' ? location.path : join(storeConfig.dataDir, SQLITE_FILE);
  const owner = config.cluster.instanceId === null ? {} : { owner: { id: config.cluster.instanceId, staleAfterMs: CLAIM_STALE_MS } };
  const store = await openStore(storeConfig, owner);
  let queueRef: JobQueue | null = null;
  const prom = config.ops === null ? null : createPromMetrics({
    sourceStates: async () => countSourceStates(await store.sources.all()),
    queueDepth: async () => (queueRef === null ? [] : queueRef.depth()),
  });
  let opened: { queue: JobQueue; locks: LockSession | null };
  try {
    opened = await openQueue(location.dialect === 'postgres' ? location.url : null, logger, (event) => prom?.metrics.jobFinished?.(event));
  } catch (err) {
    await store.close();
    throw err;
  }
  const { queue, locks } = opened;
  queueRef = queue;
  const role = createInstanceRole(prom?.registry ?? null);
  // Articles are digested on worker threads (DIGEST_WORKERS), so a big page never stalls heartbeats and acks.
  const digester = createConfiguredDigester(config.digest, logger);
  const bot = createBot({
    store, logger, clock: systemClock, files, digester, queue, postsAsJobs: queue.kind === 'pg-boss', llm: createConfiguredLlm(config.llm, store, systemClock, logger),
    // Several instances share each host's FETCH_PER_HOST_CONCURRENCY slots (advisory locks on the lock session).
    http: createConfiguredHttpClient(config.fetch, {}, locks === null ? undefined : createClusterHostSlots({ locks, perHost: config.fetch.perHostConcurrency, logger })),
    policy: config.sources,
    graceMs: config.schedule.graceMs, minScheduleMinutes: config.schedule.minGapMinutes,
    pollConcurrency: config.sources.concurrency,
    readFolder: (source, dir) => readFolderSource(resolve(dir ?? options.projectRoot, source.path)),
    ...(options.pollTickMs === undefined ? {} : { pollTickMs: options.pollTickMs }),
    ...(prom === null ? {} : { metrics: prom.metrics }),
  });
  let ops: OpsServer | null = null;
  if (prom !== null && config.ops !== null) {
    try {
      ops = await startOpsServer({ ...config.ops, registry: prom.registry, logger, health: () => botHealth(bot, store, startedAt, role, queue) });
    } catch (err) {
      await queue.stop({ drainMs: 0 });
      await locks?.close();
      await digester.close();
      await store.close();
      throw err;
    }
    logger.info('ops server listening', { url: ops.url });
  }
  return {
    bot, store, definitionErrors, ops, role, databaseFile,
    stopJobs: () => queue.stop({ drainMs: 30_000 }),
    async close() {
      await ops?.close();
      // Stops taking jobs, lets the running ones finish (or hands them back), then frees their key locks.
      await bot.stop();
      await queue.stop();
      await locks?.close();
      await digester.close();
      await store.close();
    },
  };
}
