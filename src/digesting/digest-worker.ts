/** A digest worker thread: the engine, answering the pool's jobs (see worker-pool.ts). */
import { parentPort } from 'node:worker_threads';
import { digestMaterial } from './article-digester.ts';
import { serveDigests } from './worker-protocol.ts';

if (parentPort === null) throw new Error('digest-worker.ts runs in a worker thread');
serveDigests(parentPort, digestMaterial);
