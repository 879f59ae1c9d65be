/**
 * A digest worker for pool tests: the real engine, except for articles named
 * `spin` (a hang: never answers), `exit` (the thread exits mid-article) and
 * `hog` (allocates until the worker's heap limit kills it).
 *
 * Start-up faults, chosen by the entry URL's query: `?start=hang` never says
 * `ready` (a stuck import), `?start=fail` throws while loading. With
 * `&once=<path>` only the first worker to create that file (exclusively) has
 * the fault; the others start normally.
 */
import { openSync, closeSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { digestMaterial } from '../../src/digesting/article-digester.ts';
import { serveDigests } from '../../src/digesting/worker-protocol.ts';

if (parentPort === null) throw new Error('runs in a worker thread');

function claims(marker: string | null): boolean {
  if (marker === null) return true;
  try {
    closeSync(openSync(marker, 'wx'));
    return true;
  } catch {
    return false;
  }
}

const query = new URL(import.meta.url).searchParams;
const fault = query.get('start');
const faulty = fault !== null && claims(query.get('once'));
if (faulty && fault === 'fail') throw new Error('the stub worker fails to load');
if (faulty && fault === 'hang') {
  // Alive but silent: no `ready`, ever.
  setInterval(() => { /* keeps the thread running */ }, 60_000);
} else {
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
}
