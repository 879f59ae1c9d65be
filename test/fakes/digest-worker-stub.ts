/**
 * A digest worker for pool tests: the real engine, except for articles named
 * `spin` (a hang: never answers), `exit` (the thread exits mid-article) and
 * `hog` (allocates until the worker's heap limit kills it).
 */
import { parentPort } from 'node:worker_threads';
import { digestMaterial } from '../../src/sources/article-digester.ts';
import { serveDigests } from '../../src/sources/digester/worker-protocol.ts';

if (parentPort === null) throw new Error('runs in a worker thread');
serveDigests(parentPort, (material) => {
  if (material.name === 'spin') {
    const until = Date.now() + 120_000;
    while (Date.now() < until) { /* an engine stuck on its input */ }
  }
  if (material.name === 'exit') process.exit(7);
  if (material.name === 'hog') {
    const kept: number[][] = [];
    for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => i));
  }
  return digestMaterial(material);
});
