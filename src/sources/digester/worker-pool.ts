/**
 * The digest engine on worker threads: the event loop stays free for Discord heartbeats, Slack acks and
 * other commands while an article is digested, and each article gets a time budget. A worker past its
 * budget is terminated (a synchronous engine cannot be interrupted otherwise) and its article fails with
 * `extract/timeout`; a worker that crashes (uncaught error, heap limit, exit) fails only its article
 * (`digest/worker-crashed`). Either way the next article gets a fresh worker. Articles wait in a bounded
 * queue; beyond it `digest` rejects at once with `digest/busy`.
 *
 * It lives in src/sources (not adapters/) because it is the core's own way to run the engine, for every
 * platform, and its worker imports the engine, which adapters may only reach through src/index.ts.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Digest } from '../../engine/schema.ts';
import { DigestError, type DigestErrorCode } from '../../errors.ts';
import { silentLogger, type Logger } from '../../ports.ts';
import type { ArticleDigester, Material } from '../article-digester.ts';
import { workerMessageSchema, type DigestJob } from './worker-protocol.ts';

export interface WorkerPoolOptions {
  /** Worker threads at most (started when first needed, kept while the pool is open). @defaultValue {@link defaultDigestWorkers} */
  workers?: number;
  /** Time one article may take in a worker, in ms. @defaultValue 10000 */
  timeoutMs?: number;
  /** Articles that may wait for a free worker; one more is refused with `digest/busy`. @defaultValue 64 */
  maxQueue?: number;
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

const BOOT = new URL('./worker-boot.js', import.meta.url);
const DEFAULT_ENTRY = new URL('./digest-worker.ts', import.meta.url);

interface Job {
  material: Material;
  resolve(digest: Digest): void;
  reject(error: DigestError): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: (Job & { id: number; timer: NodeJS.Timeout }) | null;
}

/** An {@link ArticleDigester} running the engine on a pool of worker threads (see the file comment). */
export function createWorkerPoolDigester(options: WorkerPoolOptions = {}): ArticleDigester {
  const size = Math.max(1, options.workers ?? defaultDigestWorkers());
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxQueue = options.maxQueue ?? 64;
  const logger = options.logger ?? silentLogger;
  const entry = (options.entry ?? DEFAULT_ENTRY).href;
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const finish = (slot: Slot): Job | null => {
    const job = slot.job;
    if (job === null) return null;
    clearTimeout(job.timer);
    slot.job = null;
    slot.worker.unref();
    return job;
  };

  /** Takes the slot out of the pool for good, failing its article with `error`; the next job gets a new worker. */
  const retire = (slot: Slot, error: (job: Job) => DigestError): void => {
    if (!slots.delete(slot)) return;
    const job = finish(slot);
    void slot.worker.terminate();
    if (job !== null) {
      job.reject(error(job));
    } else if (!slot.ready && !closed) {
      // The worker never came up: the queued articles would wait for ever, and a new worker would fail the same way.
      for (const waiting of queue.splice(0)) waiting.reject(error(waiting));
    }
    pump();
  };

  const crashed = (slot: Slot, reason: string, cause?: unknown) => (job: Job): DigestError => {
    const what = slot.ready ? `digesting ${job.material.name} stopped its worker` : 'the digest worker did not start';
    logger.warn('digest worker replaced', { code: 'digest/worker-crashed', article: job.material.name, reason });
    return new DigestError('digest/worker-crashed', `${what} (${reason})`, { cause, userFacing: slot.ready });
  };

  const assign = (slot: Slot, job: Job): void => {
    const id = nextId++;
    // The worker gets its own copy of the bytes, transferred: one copy, and the caller's buffer stays intact.
    const bytes = new Uint8Array(job.material.bytes);
    const message: DigestJob = { id, bytes, contentType: job.material.contentType, url: job.material.url, name: job.material.name };
    const timer = setTimeout(() => {
      logger.warn('digest worker replaced', { code: 'extract/timeout', article: job.material.name, timeoutMs });
      retire(slot, (j) => new DigestError('extract/timeout', `digesting ${j.material.name} took longer than ${String(timeoutMs)} ms`));
    }, timeoutMs);
    slot.job = { ...job, id, timer };
    slot.worker.ref();
    slot.worker.postMessage(message, [bytes.buffer]);
  };

  const onMessage = (slot: Slot, raw: unknown): void => {
    const parsed = workerMessageSchema.safeParse(raw);
    if (!parsed.success) {
      retire(slot, crashed(slot, 'unreadable reply', parsed.error));
      return;
    }
    const message = parsed.data;
    if (message.type === 'ready') {
      slot.ready = true;
      pump();
      return;
    }
    if (slot.job === null || slot.job.id !== message.id) return;
    const job = finish(slot);
    if (message.type === 'digest') job?.resolve(message.digest);
    else job?.reject(new DigestError(message.code as DigestErrorCode, message.message));
    pump();
  };

  const spawn = (): void => {
    const worker = new Worker(BOOT, { workerData: { entry }, resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 512 } });
    const slot: Slot = { worker, ready: false, job: null };
    slots.add(slot);
    // An idle worker does not keep the process alive; a busy one does (see assign and finish).
    worker.unref();
    worker.on('message', (raw: unknown) => onMessage(slot, raw));
    worker.on('error', (err) => retire(slot, crashed(slot, err.message, err)));
    worker.on('exit', (code) => retire(slot, crashed(slot, `exit code ${String(code)}`)));
  };

  /** Hands queued articles to idle workers and starts workers (up to `size`) for the rest. */
  function pump(): void {
    if (closed) return;
    for (const slot of slots) {
      if (!slot.ready || slot.job !== null) continue;
      const job = queue.shift();
      if (job === undefined) break;
      assign(slot, job);
    }
    let starting = [...slots].filter((s) => !s.ready).length;
    while (slots.size < size && queue.length > starting) {
      spawn();
      starting++;
    }
  }

  return {
    digest(material) {
      if (closed) return Promise.reject(new DigestError('digest/busy', 'the digester is shut down'));
      if (queue.length >= maxQueue) {
        return Promise.reject(new DigestError('digest/busy', `too many articles are waiting to be digested (${String(maxQueue)}); try again later`));
      }
      return new Promise<Digest>((resolve, reject) => {
        queue.push({ material, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      const stopped = new DigestError('digest/busy', 'the digester is shut down');
      for (const job of queue.splice(0)) job.reject(stopped);
      const all = [...slots];
      slots.clear();
      for (const slot of all) finish(slot)?.reject(stopped);
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
