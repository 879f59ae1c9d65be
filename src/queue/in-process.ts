/**
 * The in-process JobQueue: used with SQLite (one process). Jobs live in memory, so a crash loses the waiting
 * ones; what they stand for is recomputed at the next start (due sources are due again, a claimed but
 * unposted run is caught up from the delivery ledger). Same semantics as the pg-boss queue otherwise: one
 * running job per key in keyed queues (a job whose key is busy waits while later ones with other keys run),
 * a waiting duplicate key collapses, retries with a delay, a concurrency per queue.
 */
import type { Logger } from '../ports.ts';
import {
  RetryJobLater, type Job, type JobHandler, type JobObserver, type JobQueue, type QueueDepth, type QueueSpec, type SendOptions, type WorkOptions,
} from './port.ts';

interface Waiting {
  job: Job<unknown>;
  notBefore: number;
  sentAt: number;
}

interface LocalQueue {
  spec: QueueSpec;
  waiting: Waiting[];
  busyKeys: Set<string>;
  running: number;
  worker: { concurrency: number; handler: JobHandler<unknown> } | null;
}

export interface InProcessQueueOptions {
  logger: Logger;
  /** Told about every job run. @defaultValue none */
  observe?: JobObserver;
  /** Milliseconds since the epoch. @defaultValue Date.now */
  now?: () => number;
}

/** The in-process queue, plus `idle()` for callers that want to wait until every job has run. */
export interface InProcessQueue extends JobQueue {
  /** Resolves once no job waits (due now) or runs. */
  idle(): Promise<void>;
}

export function createInProcessQueue(options: InProcessQueueOptions): InProcessQueue {
  const now = options.now ?? Date.now;
  const queues = new Map<string, LocalQueue>();
  const inFlight = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  let idleWaiters: (() => void)[] = [];
  let nextId = 0;
  let stopped = false;
  let stopping: Promise<void> | null = null;

  const queueOf = (name: string): LocalQueue => {
    const queue = queues.get(name);
    if (queue === undefined) throw new Error(`queue ${name} is not declared`);
    return queue;
  };
  /** The busy keys of a queue: its jobs' and runKeyed's (a queue not yet declared keeps a set of its own). */
  const looseKeys = new Map<string, Set<string>>();
  const keyedBusy = (name: string): Set<string> => {
    const queue = queues.get(name);
    if (queue !== undefined) return queue.busyKeys;
    let keys = looseKeys.get(name);
    if (keys === undefined) looseKeys.set(name, (keys = new Set()));
    return keys;
  };
  const isIdle = (): boolean => inFlight.size === 0 && [...queues.values()].every((q) => q.waiting.every((w) => w.notBefore > now() || q.worker === null));
  const checkIdle = (): void => {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };
  const wakeAt = (queue: LocalQueue, at: number): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      pump(queue);
    }, Math.max(0, at - now()));
    timer.unref();
    timers.add(timer);
  };

  /** The first job that may start: due, and its key not running. */
  const nextStartable = (queue: LocalQueue): Waiting | undefined => {
    const at = now();
    const exclusive = queue.spec.oneActivePerKey;
    const index = queue.waiting.findIndex((w) => w.notBefore <= at && (!exclusive || w.job.key === null || !queue.busyKeys.has(w.job.key)));
    return index < 0 ? undefined : queue.waiting.splice(index, 1)[0];
  };

  const settle = async (queue: LocalQueue, item: Waiting, handler: JobHandler<unknown>): Promise<void> => {
    const started = now();
    const { job } = item;
    let outcome: 'ok' | 'failed' | 'retried' = 'ok';
    try {
      await handler(job);
    } catch (err) {
      const limit = queue.spec.retry?.limit ?? 0;
      const later = err instanceof RetryJobLater;
      outcome = job.attempt < limit ? 'retried' : 'failed';
      if (outcome === 'retried' && !stopped) {
        const delayMs = later ? err.delayMs : (queue.spec.retry?.delayMs ?? 0);
        queue.waiting.push({ job: { ...job, attempt: job.attempt + 1 }, notBefore: now() + delayMs, sentAt: now() + delayMs });
        wakeAt(queue, now() + delayMs);
      }
      options.logger.warn(outcome === 'retried' ? 'job failed, retried' : 'job failed', {
        queue: job.queue, key: job.key, attempt: job.attempt, err: err instanceof Error ? err.message : String(err),
      });
    } finally {
      if (job.key !== null) queue.busyKeys.delete(job.key);
      queue.running--;
    }
    options.observe?.({ queue: job.queue, outcome, waitedMs: Math.max(0, started - item.sentAt), durationMs: Math.max(0, now() - started) });
  };

  function pump(queue: LocalQueue): void {
    const worker = queue.worker;
    if (worker !== null && !stopped) {
      for (let item = queue.running < worker.concurrency ? nextStartable(queue) : undefined; item !== undefined;
        item = queue.running < worker.concurrency ? nextStartable(queue) : undefined) {
        queue.running++;
        if (item.job.key !== null) queue.busyKeys.add(item.job.key);
        const run: Promise<void> = settle(queue, item, worker.handler).finally(() => {
          inFlight.delete(run);
          pump(queue);
        });
        inFlight.add(run);
      }
    }
    checkIdle();
  }

  return {
    kind: 'in-process',
    async declare(spec) {
      const known = queues.get(spec.name);
      if (known === undefined) queues.set(spec.name, { spec, waiting: [], busyKeys: keyedBusy(spec.name), running: 0, worker: null });
      else known.spec = spec;
    },
    async send<T extends object>(name: string, data: T, sendOptions: SendOptions = {}) {
      const queue = queueOf(name);
      if (stopped) return null;
      const key = sendOptions.key ?? null;
      if (queue.spec.collapseWaiting === true && key !== null && queue.waiting.some((w) => w.job.key === key)) return null;
      const id = `local-${String(++nextId)}`;
      const notBefore = now() + (sendOptions.delayMs ?? 0);
      queue.waiting.push({ job: { id, queue: name, data, key, attempt: 0 }, notBefore, sentAt: notBefore });
      if ((sendOptions.delayMs ?? 0) > 0) wakeAt(queue, notBefore);
      else queueMicrotask(() => pump(queue));
      return id;
    },
    async work<T>(name: string, workOptions: WorkOptions, handler: JobHandler<T>) {
      const queue = queueOf(name);
      if (queue.worker !== null) throw new Error(`queue ${name} already has a worker`);
      queue.worker = { concurrency: Math.max(1, workOptions.concurrency), handler: handler as JobHandler<unknown> };
      pump(queue);
    },
    async runKeyed<T>(name: string, key: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
      const busy = keyedBusy(name);
      if (busy.has(key)) return { ran: false };
      busy.add(key);
      try {
        return { ran: true, value: await fn() };
      } finally {
        busy.delete(key);
      }
    },
    async depth(): Promise<QueueDepth[]> {
      return [...queues.values()].map((q) => ({ queue: q.spec.name, waiting: q.waiting.length, running: q.running }));
    },
    async reachable() {
      // In memory: nothing to reach (whether the bot still takes work is /healthz's running check).
      return true;
    },
    idle() {
      return isIdle() ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    stop(stopOptions = {}) {
      stopping ??= (async () => {
        stopped = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => { timer = setTimeout(resolve, stopOptions.drainMs ?? 30_000); });
        await Promise.race([Promise.allSettled([...inFlight]), timeout]);
        clearTimeout(timer);
        for (const queue of queues.values()) queue.waiting = [];
        checkIdle();
      })();
      return stopping;
    },
  };
}
