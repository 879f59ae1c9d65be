/**
 * The digest engine on worker threads: the event loop stays free for Discord heartbeats, Slack acks and
 * other commands while an article is digested, and each article gets a time budget. A worker past its
 * budget is terminated (a synchronous engine cannot be interrupted otherwise) and its article fails with
 * `extract/timeout`; a worker that crashes (uncaught error, heap limit, exit) fails only its article
 * (`digest/worker-crashed`). Either way the next article gets a fresh worker. Articles wait in a bounded
 * queue; beyond it `digest` rejects at once with `digest/busy`. A worker that fails to start (load error,
 * exit, or no `ready` within `startTimeoutMs`) is retired; the waiting articles fail with
 * `digest/worker-unavailable` (not the articles' fault: retry later) only when no other worker is up or starting.
 *
 * It lives in src/digesting (not adapters/) because it is the core's own way to run the engine, for every
 * platform, and its worker imports the engine, which adapters may only reach through src/index.ts.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DigestError, type DigestErrorCode } from '../errors.ts';
import { silentLogger, type Logger } from '../ports.ts';
import type { ArticleDigester, DigestedMaterial, Material } from './article-digester.ts';
import { workerMessageSchema, type DigestJob } from './worker-protocol.ts';

export interface WorkerPoolOptions {
  /** Worker threads at most (started when first needed, kept while the pool is open). @defaultValue {@link defaultDigestWorkers} */
  workers?: number;
  /** Time one article may take in a worker, in ms. @defaultValue 10000 */
  timeoutMs?: number;
  /** Articles that may wait for a free worker; one more is refused with `digest/busy`. @defaultValue 64 */
  maxQueue?: number;
  /** Time a new worker may take to load and say `ready`, in ms; past it the worker is terminated and retired. @defaultValue 30000 */
  startTimeoutMs?: number;
  /** Heap limit of each worker, in MiB: an article that needs more kills its worker, not the bot. @defaultValue 512 */
  maxHeapMb?: number;
  /** The worker's TypeScript module; it calls serveDigests (tests give a stand-in for the engine). @defaultValue digest-worker.ts */
  entry?: URL;
  /** Told when a worker is replaced. @defaultValue silentLogger */
  logger?: Logger;
}

/** Worker threads when none are configured: two, or one on a single core. */
export function defaultDigestWorkers(): number {
  return Math.min(2, availableParallelism());
}

/** Compiled (dist/, `npm run build`) or run from the TypeScript sources (tests, `npm run dev`). */
const COMPILED = import.meta.url.endsWith('.js');
/** Registers tsx in a worker before loading a TypeScript entry: only used when running from the sources. */
const BOOT = new URL('./worker-boot.js', import.meta.url);
const DEFAULT_ENTRY = new URL(COMPILED ? './digest-worker.js' : './digest-worker.ts', import.meta.url);

interface Job {
  material: Material;
  resolve(digested: DigestedMaterial): void;
  reject(error: DigestError): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Pending until the worker says `ready`. */
  startTimer: NodeJS.Timeout | undefined;
  job: (Job & { id: number; timer: NodeJS.Timeout }) | null;
}

/** The pool's state, shared by the functions below (one pool, one state). */
interface Pool {
  size: number;
  timeoutMs: number;
  startTimeoutMs: number;
  maxHeapMb: number;
  logger: Logger;
  entry: string;
  slots: Set<Slot>;
  queue: Job[];
  nextId: number;
  closed: boolean;
  /**
   * After a start failure, no second worker is started next to a live one until some worker comes up (a broken
   * entry would otherwise be respawned for every queued article); with none live, one may try.
   */
  startFailing: boolean;
}

/** Ends the slot's job (if any): its timer stops and an idle worker no longer keeps the process alive. */
function finish(slot: Slot): Job | null {
  const job = slot.job;
  if (job === null) return null;
  clearTimeout(job.timer);
  slot.job = null;
  slot.worker.unref();
  return job;
}

function crashed(pool: Pool, job: Job, reason: string, cause: unknown): DigestError {
  pool.logger.warn('digest worker replaced', { code: 'digest/worker-crashed', article: job.material.name, reason });
  return new DigestError('digest/worker-crashed', `digesting ${job.material.name} stopped its worker (${reason})`, { cause });
}

/**
 * Takes the slot out of the pool for good; the next job gets a new worker. Its article fails with `jobError`
 * (default: `digest/worker-crashed`, the article's fault: it would crash again). A worker that never came up
 * has no article; see startFailed.
 */
function retire(pool: Pool, slot: Slot, reason: string, cause?: unknown, jobError?: (job: Job) => DigestError): void {
  if (!pool.slots.delete(slot)) return;
  clearTimeout(slot.startTimer);
  const job = finish(slot);
  void slot.worker.terminate();
  if (job !== null) job.reject(jobError?.(job) ?? crashed(pool, job, reason, cause));
  else if (!slot.ready && !pool.closed) startFailed(pool, reason, cause);
  pump(pool);
}

/** A worker did not start: the waiting articles fail only when no other worker is up or starting (they would wait for ever). */
function startFailed(pool: Pool, reason: string, cause: unknown): void {
  pool.startFailing = true;
  pool.logger.warn('digest worker did not start', { code: 'digest/worker-unavailable', reason, waiting: pool.queue.length, live: pool.slots.size });
  if (pool.slots.size > 0) return;
  for (const waiting of pool.queue.splice(0)) {
    waiting.reject(new DigestError('digest/worker-unavailable', `the digest worker did not start (${reason})`, { cause, userFacing: false }));
  }
}

function assign(pool: Pool, slot: Slot, job: Job): void {
  const id = pool.nextId++;
  // The worker gets its own copy of the bytes, transferred: one copy, and the caller's buffer stays intact.
  const bytes = new Uint8Array(job.material.bytes);
  const message: DigestJob = { id, bytes, contentType: job.material.contentType, url: job.material.url, name: job.material.name };
  const { timeoutMs } = pool;
  const timer = setTimeout(() => {
    pool.logger.warn('digest worker replaced', { code: 'extract/timeout', article: job.material.name, timeoutMs });
    retire(pool, slot, 'time budget', undefined, (j) => new DigestError('extract/timeout', `digesting ${j.material.name} took longer than ${String(timeoutMs)} ms`));
  }, timeoutMs);
  slot.job = { ...job, id, timer };
  slot.worker.ref();
  slot.worker.postMessage(message, [bytes.buffer]);
}

function onMessage(pool: Pool, slot: Slot, raw: unknown): void {
  const parsed = workerMessageSchema.safeParse(raw);
  if (!parsed.success) {
    retire(pool, slot, 'unreadable reply', parsed.error);
    return;
  }
  const message = parsed.data;
  if (message.type === 'ready') {
    clearTimeout(slot.startTimer);
    slot.ready = true;
    pool.startFailing = false;
    pump(pool);
    return;
  }
  if (slot.job === null || slot.job.id !== message.id) return;
  const job = finish(slot);
  if (message.type === 'digest') job?.resolve({ digest: message.digest, text: message.text });
  else job?.reject(new DigestError(message.code as DigestErrorCode, message.message));
  pump(pool);
}

function spawn(pool: Pool): void {
  // A compiled entry starts directly; a TypeScript one through the tsx boot file (development only).
  const script = new URL(pool.entry).pathname.endsWith('.ts') ? BOOT : new URL(pool.entry);
  const worker = new Worker(script, { workerData: { entry: pool.entry }, resourceLimits: { maxOldGenerationSizeMb: pool.maxHeapMb } });
  const slot: Slot = { worker, ready: false, startTimer: undefined, job: null };
  pool.slots.add(slot);
  // A worker whose start hangs (tsx registration, an import) would hold its queue for ever.
  slot.startTimer = setTimeout(() => { retire(pool, slot, `no ready signal within ${String(pool.startTimeoutMs)} ms`); }, pool.startTimeoutMs);
  slot.startTimer.unref();
  // An idle worker does not keep the process alive; a busy one does (see assign and finish).
  worker.unref();
  worker.on('message', (raw: unknown) => onMessage(pool, slot, raw));
  worker.on('error', (err) => { retire(pool, slot, err.message, err); });
  worker.on('exit', (code) => { retire(pool, slot, `exit code ${String(code)}`); });
}

/** Hands queued articles to idle workers and starts workers (up to `size`) for the rest. */
function pump(pool: Pool): void {
  if (pool.closed) return;
  for (const slot of pool.slots) {
    if (!slot.ready || slot.job !== null) continue;
    const job = pool.queue.shift();
    if (job === undefined) break;
    assign(pool, slot, job);
  }
  let starting = [...pool.slots].filter((s) => !s.ready).length;
  while (pool.slots.size < pool.size && pool.queue.length > starting && !(pool.startFailing && pool.slots.size > 0)) {
    spawn(pool);
    starting++;
  }
}

/** An {@link ArticleDigester} running the engine on a pool of worker threads (see the file comment). */
export function createWorkerPoolDigester(options: WorkerPoolOptions = {}): ArticleDigester {
  const pool: Pool = {
    size: Math.max(1, options.workers ?? defaultDigestWorkers()),
    timeoutMs: options.timeoutMs ?? 10_000,
    startTimeoutMs: options.startTimeoutMs ?? 30_000,
    maxHeapMb: options.maxHeapMb ?? 512,
    logger: options.logger ?? silentLogger,
    entry: (options.entry ?? DEFAULT_ENTRY).href,
    slots: new Set<Slot>(), queue: [], nextId: 1, closed: false, startFailing: false,
  };
  const maxQueue = options.maxQueue ?? 64;
  return {
    digest(material) {
      if (pool.closed) return Promise.reject(new DigestError('digest/busy', 'the digester is shut down'));
      if (pool.queue.length >= maxQueue) {
        return Promise.reject(new DigestError('digest/busy', `too many articles are waiting to be digested (${String(maxQueue)}); try again later`));
      }
      return new Promise<DigestedMaterial>((resolve, reject) => {
        pool.queue.push({ material, resolve, reject });
        pump(pool);
      });
    },
    async close() {
      pool.closed = true;
      const stopped = new DigestError('digest/busy', 'the digester is shut down');
      for (const job of pool.queue.splice(0)) job.reject(stopped);
      const all = [...pool.slots];
      pool.slots.clear();
      for (const slot of all) {
        clearTimeout(slot.startTimer);
        finish(slot)?.reject(stopped);
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
