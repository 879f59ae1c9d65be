/**
 * What the digest pool and its worker threads say to each other. The worker answers `ready` once its
 * modules are loaded, then one reply per job; the pool checks every reply with zod (a thread boundary).
 */
import type { MessagePort } from 'node:worker_threads';
import { z } from 'zod';
import { digestSchema } from '../engine/schema.ts';
import { toDigestError } from '../errors.ts';
import { articleTextSchema, type DigestedMaterial, type Material } from './article-digester.ts';

/** One article for a worker; `bytes` is the pool's own copy, transferred (not cloned). */
export interface DigestJob extends Material {
  id: number;
}

export const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('digest'), id: z.number(), digest: digestSchema, text: articleTextSchema }),
  z.object({ type: z.literal('error'), id: z.number(), code: z.string(), message: z.string() }),
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;

/** Answers digest jobs on `port` with `digest` (the engine, or a test's stand-in), after saying `ready`. */
export function serveDigests(port: MessagePort, digest: (material: Material) => DigestedMaterial): void {
  port.on('message', (job: DigestJob) => {
    let reply: WorkerMessage;
    try {
      reply = { type: 'digest', id: job.id, ...digest(job) };
    } catch (err) {
      const error = toDigestError(err);
      reply = { type: 'error', id: job.id, code: error.code, message: error.message };
    }
    port.postMessage(reply);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}
