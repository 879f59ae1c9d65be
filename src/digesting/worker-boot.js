// Starts a digest worker thread from the TypeScript sources (tests, development; the built bot in dist/ starts
// digest-worker.js directly and never loads this file). A worker inherits the tsx loader when
// the process was started with `tsx` or `node --import tsx`, but not inside vitest or after a register() call.
// So every worker registers tsx itself (a second registration is harmless), then loads its
// TypeScript entry, named by the pool in workerData.entry (a file URL).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
