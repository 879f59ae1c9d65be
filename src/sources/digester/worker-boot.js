// Starts a digest worker thread. The bot runs from TypeScript through tsx; a worker inherits the loader when
// the process was started with `tsx` or `node --import tsx`, but not when bin/digestbot.js registered it with
// register(). So every worker registers tsx itself (a second registration is harmless), then loads its
// TypeScript entry, named by the pool in workerData.entry (a file URL).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
