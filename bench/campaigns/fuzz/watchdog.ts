/**
 * Hang detection for the campaign: the worker counts inputs and writes the current input's description
 * into a SharedArrayBuffer; the main thread polls it and terminates the worker when one input runs longer
 * than the watchdog limit (a real infinite loop never returns to report itself).
 */
import { Worker } from 'node:worker_threads';
import type { FuzzResult } from './campaign.ts';

const DESCRIPTION_BYTES = 400;

export interface WorkerInput {
  quick: boolean;
  seed: number;
  heartbeat: SharedArrayBuffer;
}

export const newHeartbeat = (): SharedArrayBuffer => new SharedArrayBuffer(8 + DESCRIPTION_BYTES);

const encoder = new TextEncoder();

/** Worker side: one more input started, described by `description`. */
export function writeHeartbeat(buffer: SharedArrayBuffer, description: string): void {
  const bytes = new Uint8Array(buffer, 8, DESCRIPTION_BYTES);
  const { written } = encoder.encodeInto(description.slice(0, DESCRIPTION_BYTES / 4), bytes);
  const head = new Int32Array(buffer, 0, 2);
  Atomics.store(head, 1, written);
  Atomics.add(head, 0, 1);
}

function readHeartbeat(buffer: SharedArrayBuffer): { count: number; description: string } {
  const head = new Int32Array(buffer, 0, 2);
  const length = Atomics.load(head, 1);
  return { count: Atomics.load(head, 0), description: new TextDecoder().decode(new Uint8Array(buffer, 8, length).slice()) };
}

export type WatchedRun = { result: FuzzResult } | { hang: { description: string; seconds: number; inputsBefore: number } };

/**
 * Runs the campaign in a worker; resolves with its result, or with the hanging input when one input runs
 * longer than `limitMs`. Worker code is TypeScript, so the worker registers tsx before importing it.
 */
export function runWatched(options: {
  quick: boolean;
  seed: number;
  limitMs: number;
  log(line: string): void;
  /** The worker module. @defaultValue ./worker.ts */
  entry?: URL;
}): Promise<WatchedRun> {
  const heartbeat = newHeartbeat();
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = (options.entry ?? new URL('./worker.ts', import.meta.url)).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const data: WorkerInput = { quick: options.quick, seed: options.seed, heartbeat };
  const worker = new Worker(boot, { eval: true, workerData: data });
  return new Promise((resolve, reject) => {
    let last = readHeartbeat(heartbeat).count;
    let since = Date.now();
    const timer = setInterval(() => {
      const now = readHeartbeat(heartbeat);
      if (now.count !== last) {
        last = now.count;
        since = Date.now();
      } else if (Date.now() - since > options.limitMs) {
        clearInterval(timer);
        void worker.terminate();
        resolve({ hang: { description: now.description, seconds: Math.round((Date.now() - since) / 1000), inputsBefore: now.count - 1 } });
      }
    }, 500);
    worker.on('message', (m: { type: 'log'; line: string } | { type: 'result'; result: FuzzResult }) => {
      if (m.type === 'log') options.log(m.line);
      else {
        clearInterval(timer);
        void worker.terminate();
        resolve({ result: m.result });
      }
    });
    worker.on('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
  });
}
