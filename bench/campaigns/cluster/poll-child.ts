/**
 * One instance of the cluster poll measurement, as a child process: the
 * platform-neutral bot (createBot) on the given store, with the job queue the
 * runtime would pick (pg-boss on PostgreSQL, in-process on SQLite) and the
 * guarded HTTP client resolving the scale campaign's `sN.feeds.test` hosts to
 * 127.0.0.1. It works poll jobs from the moment it starts; over IPC the parent
 * asks it to enqueue the due sources (`enqueue`), for its CPU time (`cpu`)
 * and to stop (`stop`).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgBossQueue } from '../../../adapters/queue/pg-boss-queue.ts';
import { createPgLockSession } from '../../../adapters/queue/pg-lock-session.ts';
import { createBot, createConfiguredDigester, createInProcessQueue, loadConfig, openStore, silentLogger, type JobQueue } from '../../../src/index.ts';
import { createHttpClient } from '../../../src/sources/http/client.ts';
import { ITEMS_PER_FEED } from '../scale/feed-mix.ts';

export interface PollChildOptions {
  /** postgres://… or sqlite:<path> */
  databaseUrl: string;
  instance: string;
  concurrency: number;
  timeoutMs: number;
  /** Poll interval of the policy (short, so the steady cycle follows at once). */
  pollIntervalMs: number;
}

export type PollChildRequest = { cmd: 'enqueue' } | { cmd: 'cpu' } | { cmd: 'stop' };

async function queueFor(url: string): Promise<{ queue: JobQueue; close(): Promise<void> }> {
  if (!url.startsWith('postgres')) return { queue: createInProcessQueue({ logger: silentLogger }), close: () => Promise.resolve() };
  const locks = createPgLockSession(url, silentLogger);
  return { queue: await createPgBossQueue({ url, logger: silentLogger, locks }), close: () => locks.close() };
}

async function main(options: PollChildOptions): Promise<void> {
  const store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'cluster-poll-')), databaseUrl: options.databaseUrl }, { owner: { id: options.instance, staleAfterMs: 600_000 } });
  const { queue, close } = await queueFor(options.databaseUrl);
  const digester = createConfiguredDigester(loadConfig({}).digest, silentLogger);
  const http = createHttpClient({
    totalTimeoutMs: options.timeoutMs, connectTimeoutMs: Math.min(5_000, options.timeoutMs), allowPrivateHosts: ['127.0.0.1'],
    lookup: (hostname) => (hostname.endsWith('.feeds.test')
      ? Promise.resolve([{ address: '127.0.0.1', family: 4 }])
      : Promise.reject(Object.assign(new Error(`no such host ${hostname}`), { code: 'ENOTFOUND' }))),
  });
  const bot = createBot({
    store, http, clock: { now: () => new Date() }, logger: silentLogger, digester, queue, graceMs: 0, files: [], readFolder: () => Promise.resolve([]),
    policy: { pollIntervalMs: options.pollIntervalMs, pauseAfterFailures: 5, newSourceItems: ITEMS_PER_FEED },
    pollTickMs: 0, pollConcurrency: options.concurrency, queueDrainMs: 0,
  });
  await bot.start();
  process.on('message', (m: PollChildRequest) => void (async () => {
    if (m.cmd === 'enqueue') process.send?.({ enqueued: await bot.enqueueDue() });
    else if (m.cmd === 'cpu') process.send?.({ cpu: process.cpuUsage() });
    else {
      await bot.stop();
      await close();
      await digester.close();
      await store.close();
      process.send?.({ stopped: true });
      process.exit(0);
    }
  })());
  process.send?.({ ready: true });
}

await main(JSON.parse(process.argv[2] ?? '{}') as PollChildOptions);
