/**
 * The JobQueue on pg-boss 10 (PostgreSQL): jobs in the shared database, worked by every instance. pg-boss
 * stores, retries and expires the jobs; this adapter runs its own fetch loop per worker slot (fetch one job,
 * run it, complete or fail it, fetch again at once while there is work) so a busy queue is not held to one
 * job per polling interval.
 *
 * One running job per key (`oneActivePerKey`) is a session advisory lock on the key (`pg-lock-session.ts`),
 * taken before the handler runs: a job whose key is busy elsewhere is sent again a little later and the
 * fetched copy completed, so it never blocks other keys. (pg-boss's own singleton and stately policies make a
 * fetch fail as a whole while the queue's oldest job has a busy key, stopping every key behind it, for as long
 * as a killed instance's job stays active, i.e. until it expires.) `collapseWaiting` is pg-boss's `short`
 * policy: one waiting job per key.
 */
import PgBoss from 'pg-boss';
import { RetryJobLater, type Job, type JobHandler, type JobObserver, type JobQueue, type Logger, type QueueDepth, type QueueSpec, type SendOptions } from '../../src/index.ts';
import type { LockSession } from './pg-lock-session.ts';

export interface PgBossQueueOptions {
  url: string;
  logger: Logger;
  /** Holds the keys of running keyed jobs (shared with the host slots). */
  locks: LockSession;
  /** Told about every job run here. @defaultValue none */
  observe?: JobObserver;
  /** pg-boss's schema. @defaultValue 'pgboss' */
  schema?: string;
  /** How long an idle worker slot waits before fetching again (a send from this process wakes it). @defaultValue 1000 */
  pollIntervalMs?: number;
  /** Connections in pg-boss's pool. @defaultValue 4 */
  poolSize?: number;
  /** How often pg-boss retries or fails jobs whose instance died (expired). @defaultValue 30 */
  maintenanceIntervalSeconds?: number;
  /** Delay before a job whose key is busy runs again. @defaultValue 2000 */
  busyDelayMs?: number;
}

/** What a job holds in pg-boss: the payload and how many times it was handed back (busy key, retry later). */
interface Envelope {
  p: unknown;
  a?: number;
}

interface Running {
  queue: string;
  id: string;
  /** The key this process holds for the job, or null. */
  key: string | null;
}

/** A sleep that a send from this process ends early. */
function wakeableSleeps(): { sleep(ms: number): Promise<void>; wakeAll(): void } {
  const sleepers = new Set<() => void>();
  return {
    sleep(ms) {
      return new Promise((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          sleepers.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        sleepers.add(done);
      });
    },
    wakeAll() {
      for (const wake of [...sleepers]) wake();
    },
  };
}

const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));
const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Starts pg-boss on `url` (installing or migrating its schema once, under its own lock) and returns the queue. */
export async function createPgBossQueue(options: PgBossQueueOptions): Promise<JobQueue> {
  const { logger, locks } = options;
  const boss = new PgBoss({
    connectionString: options.url, schema: options.schema ?? 'pgboss', max: options.poolSize ?? 4, application_name: 'digestbot-queue',
    schedule: false, maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  boss.on('error', (err) => logger.error('job queue error', { err: message(err) }));
  await boss.start();
  const specs = new Map<string, QueueSpec>();
  const running = new Map<string, Running>();
  const loops: Promise<void>[] = [];
  const localKeys = new Set<string>();
  const idle = wakeableSleeps();
  const busyDelayMs = options.busyDelayMs ?? 2000;
  let stopping = false;
  let stopped: Promise<void> | null = null;

  /** Takes a key for this process (marked locally before the database is asked: session locks are re-entrant). */
  const acquireKey = async (queue: string, key: string): Promise<boolean> => {
    const local = `${queue}\u0000${key}`;
    if (localKeys.has(local)) return false;
    localKeys.add(local);
    let locked = false;
    try {
      locked = await locks.tryLock(queue, key);
    } finally {
      if (!locked) localKeys.delete(local);
    }
    return locked;
  };
  const releaseKey = async (queue: string, key: string): Promise<void> => {
    localKeys.delete(`${queue}\u0000${key}`);
    await locks.unlock(queue, key);
  };

  const sendEnvelope = (queue: string, envelope: Envelope, key: string | null, delayMs: number, within?: SendOptions['within']): Promise<string | null> =>
    boss.send(queue, envelope, {
      ...(key === null ? {} : { singletonKey: key }),
      ...(delayMs > 0 ? { startAfter: seconds(delayMs) } : {}),
      ...(within === undefined ? {} : { db: within }),
    });

  /** Sends the job again after `delayMs` and completes the fetched copy (a crash between leaves both: handlers are idempotent). */
  const handBack = async (job: PgBoss.JobWithMetadata<Envelope>, delayMs: number, attempts: number): Promise<void> => {
    await sendEnvelope(job.name, { p: job.data.p, a: attempts }, job.singletonKey, delayMs);
    await boss.complete(job.name, job.id);
  };

  const runOne = async (spec: QueueSpec, handler: JobHandler<unknown>, job: PgBoss.JobWithMetadata<Envelope>): Promise<void> => {
    const key = spec.oneActivePerKey ? job.singletonKey : null;
    if (key !== null && !(await acquireKey(spec.name, key))) {
      await handBack(job, busyDelayMs, job.data.a ?? 0);
      return;
    }
    const started = Date.now();
    const attempt = job.retryCount + (job.data.a ?? 0);
    let outcome: 'ok' | 'failed' | 'retried' = 'ok';
    running.set(job.id, { queue: spec.name, id: job.id, key });
    try {
      await handler({ id: job.id, queue: spec.name, data: job.data.p, key: job.singletonKey, attempt } satisfies Job<unknown>);
      await boss.complete(spec.name, job.id);
    } catch (err) {
      const limit = spec.retry?.limit ?? 0;
      outcome = attempt < limit ? 'retried' : 'failed';
      logger.warn(outcome === 'retried' ? 'job failed, retried' : 'job failed', { queue: spec.name, key: job.singletonKey, attempt, err: message(err) });
      if (err instanceof RetryJobLater && outcome === 'retried') await handBack(job, err.delayMs, (job.data.a ?? 0) + 1);
      else await boss.fail(spec.name, job.id, { message: message(err) });
    } finally {
      running.delete(job.id);
      if (key !== null) await releaseKey(spec.name, key);
    }
    const waitedFrom = Math.max(job.startAfter.getTime(), job.createdOn.getTime());
    options.observe?.({ queue: spec.name, outcome, waitedMs: Math.max(0, started - waitedFrom), durationMs: Date.now() - started });
  };

  const slot = async (spec: QueueSpec, handler: JobHandler<unknown>): Promise<void> => {
    while (!stopping) {
      let job: PgBoss.JobWithMetadata<Envelope> | undefined;
      try {
        [job] = await boss.fetch<Envelope>(spec.name, { batchSize: 1, includeMetadata: true });
      } catch (err) {
        logger.warn('job fetch failed', { queue: spec.name, err: message(err) });
      }
      if (job === undefined) {
        await idle.sleep(options.pollIntervalMs ?? 1000);
        continue;
      }
      try {
        await runOne(spec, handler, job);
      } catch (err) {
        // The database went away between fetch and complete: pg-boss expires the job and retries it.
        logger.error('job bookkeeping failed', { queue: spec.name, err: message(err) });
      }
    }
  };

  const specOf = (name: string): QueueSpec => {
    const spec = specs.get(name);
    if (spec === undefined) throw new Error(`queue ${name} is not declared`);
    return spec;
  };

  return {
    kind: 'pg-boss',
    async declare(spec) {
      await boss.createQueue(spec.name, {
        name: spec.name, policy: spec.collapseWaiting === true ? 'short' : 'standard',
        retryLimit: spec.retry?.limit ?? 0, retryDelay: seconds(spec.retry?.delayMs ?? 0),
        expireInSeconds: seconds(spec.expireAfterMs ?? 15 * 60_000),
      });
      specs.set(spec.name, spec);
    },
    async send<T extends object>(name: string, data: T, sendOptions: SendOptions = {}) {
      specOf(name);
      const id = await sendEnvelope(name, { p: data }, sendOptions.key ?? null, sendOptions.delayMs ?? 0, sendOptions.within);
      if (id !== null && (sendOptions.delayMs ?? 0) === 0) idle.wakeAll();
      return id;
    },
    async work<T>(name: string, workOptions: { concurrency: number }, handler: JobHandler<T>) {
      const spec = specOf(name);
      for (let i = 0; i < Math.max(1, workOptions.concurrency); i++) loops.push(slot(spec, handler as JobHandler<unknown>));
    },
    async runKeyed<T>(queue: string, key: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
      if (stopping || !(await acquireKey(queue, key))) return { ran: false };
      try {
        return { ran: true, value: await fn() };
      } finally {
        await releaseKey(queue, key);
      }
    },
    async depth(): Promise<QueueDepth[]> {
      return Promise.all([...specs.keys()].map(async (queue) => {
        const waiting = await boss.getQueueSize(queue);
        const unfinished = await boss.getQueueSize(queue, { before: 'completed' });
        return { queue, waiting, running: Math.max(0, unfinished - waiting) };
      }));
    },
    async reachable() {
      try {
        await boss.getDb().executeSql('SELECT 1', []);
        return true;
      } catch {
        return false;
      }
    },
    stop(stopOptions = {}) {
      stopped ??= (async () => {
        stopping = true;
        idle.wakeAll();
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => { timer = setTimeout(resolve, stopOptions.drainMs ?? 30_000); });
        await Promise.race([Promise.allSettled(loops), timeout]);
        clearTimeout(timer);
        // Jobs still running are handed back: failed now, pg-boss retries them on another instance.
        for (const { queue, id, key } of running.values()) {
          await boss.fail(queue, id, { message: 'instance shut down while the job ran' }).catch((err: unknown) => logger.warn('job release failed', { err: message(err) }));
          if (key !== null) await releaseKey(queue, key);
        }
        await boss.stop({ graceful: false, close: true, wait: true });
      })();
      return stopped;
    },
  };
}
