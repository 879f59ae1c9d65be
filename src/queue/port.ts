/**
 * The JobQueue port: named queues of small JSON jobs, worked by handlers with a concurrency per queue. Two
 * implementations: `in-process.ts` (one process, SQLite; nothing to install) and the pg-boss adapter in
 * `adapters/queue/` (several instances on one PostgreSQL). The core only sends and works jobs; which engine
 * runs them is decided in the composition root.
 *
 * Keys: a queue declared `oneActivePerKey` never runs two jobs with the same key at once, across every
 * instance on the queue's database (a job whose key is busy waits and runs later). With `collapseWaiting` a
 * keyed send while a job with that key already waits (not yet running) collapses into the waiting one (`send`
 * resolves with null).
 */

/** A job handed to a handler. */
export interface Job<T> {
  id: string;
  queue: string;
  data: T;
  /** The job's key, or null. */
  key: string | null;
  /** 0 on the first run, then 1, 2 … on retries. */
  attempt: number;
}

/** How a queue runs its jobs. */
export interface QueueSpec {
  name: string;
  /** Never two jobs with the same key at once (across instances). */
  oneActivePerKey: boolean;
  /** At most one waiting job per key: a second send with that key collapses into it. @defaultValue false */
  collapseWaiting?: boolean;
  /** Retries after a handler throws, with the delay before each. @defaultValue { limit: 0, delayMs: 0 } */
  retry?: { limit: number; delayMs: number };
  /** A running job older than this counts as lost (its process died) and is retried or failed. @defaultValue 15 minutes */
  expireAfterMs?: number;
}

/** Options of one send. */
export interface SendOptions {
  /** The job's key (see {@link QueueSpec.oneActivePerKey}). @defaultValue none */
  key?: string;
  /** Not started before this many ms from now. @defaultValue 0 */
  delayMs?: number;
  /**
   * Run the insert inside this open database transaction (the pg-boss queue; the claim of a run and the
   * enqueue of its post commit together). Ignored by the in-process queue. @defaultValue none
   */
  within?: QueueTransaction;
}

/** A statement runner bound to an open database transaction (`$1, $2 …` placeholders). */
export interface QueueTransaction {
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

/** What a handler may tell the queue instead of succeeding: run the job again after `delayMs` (e.g. a 429's Retry-After). */
export class RetryJobLater extends Error {
  readonly delayMs: number;
  constructor(delayMs: number, reason: string) {
    super(reason);
    this.name = 'RetryJobLater';
    this.delayMs = delayMs;
  }
}

export interface WorkOptions {
  /** Jobs of this queue run at once in this process. */
  concurrency: number;
}

export type JobHandler<T> = (job: Job<T>) => Promise<void>;

/** Jobs waiting and running per queue (this instance's view of the whole cluster for the pg-boss queue). */
export interface QueueDepth {
  queue: string;
  waiting: number;
  running: number;
}

/** What the queue reports about jobs it ran in this process. */
export interface JobFinished {
  queue: string;
  outcome: 'ok' | 'failed' | 'retried';
  /** From the send (or its retry's start time) to the handler's start. */
  waitedMs: number;
  /** The handler's run time. */
  durationMs: number;
}

export interface JobQueue {
  /** Which engine runs the jobs (`in-process`, `pg-boss`). */
  readonly kind: string;
  /** Declares a queue (idempotent); call before send or work. */
  declare(spec: QueueSpec): Promise<void>;
  /** Adds a job; resolves with its id, or null when it collapsed into a waiting job with the same key. */
  send<T extends object>(queue: string, data: T, options?: SendOptions): Promise<string | null>;
  /** Starts handlers for a queue in this process. */
  work<T>(queue: string, options: WorkOptions, handler: JobHandler<T>): Promise<void>;
  /**
   * Runs `fn` at once, outside the queue, holding the key the way a job of `queue` with that key would (so it
   * never overlaps such a job, here or on another instance); `{ ran: false }` when the key is busy.
   */
  runKeyed<T>(queue: string, key: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  /** Waiting and running jobs per declared queue. */
  depth(): Promise<QueueDepth[]>;
  /** Whether the queue's engine answers (the database for pg-boss). */
  reachable(): Promise<boolean>;
  /**
   * Stops taking jobs, waits up to `drainMs` for the running ones, then hands back those still running (the
   * pg-boss queue fails them so another instance retries them) and closes. Idempotent.
   */
  stop(options?: { drainMs?: number }): Promise<void>;
}

/** Called for every job a queue ran here (metrics); must not throw. */
export type JobObserver = (event: JobFinished) => void;
