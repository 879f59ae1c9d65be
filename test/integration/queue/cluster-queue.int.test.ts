/**
 * The pg-boss job queue on a real PostgreSQL (TEST_DATABASE_URL; skipped with a message naming it when unset):
 * two instances in one process, each with its own store pool, lock session and pg-boss, on one database of
 * their own, polling feeds served on 127.0.0.1 by a server that counts the requests in flight per feed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgBossQueue } from '../../../adapters/queue/pg-boss-queue.ts';
import { createPgLockSession, type LockSession } from '../../../adapters/queue/pg-lock-session.ts';
import { createBot, silentLogger, type Bot, type JobQueue, type Store } from '../../../src/index.ts';
import { createHttpClient } from '../../../src/sources/http/client.ts';
import { openPostgresStore } from '../../../src/store/postgres/open.ts';
import { createTestDatabase, postgresServer } from '../store/test-databases.ts';

const server = await postgresServer();
if (!server.ok) console.warn(`cluster queue suite skipped: ${server.why}`);

/** Feeds on 127.0.0.1 that answer after `delayMs`, counting requests in flight per path and requests per user agent. */
interface FeedServer {
  url(path: string): string;
  maxInFlight: Map<string, number>;
  requests: Map<string, number>;
  byAgent: Map<string, number>;
  close(): Promise<void>;
}

async function startFeeds(delayMs: number): Promise<FeedServer> {
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const requests = new Map<string, number>();
  const byAgent = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string, by: number): number => {
    const value = (map.get(key) ?? 0) + by;
    map.set(key, value);
    return value;
  };
  const http: Server = createServer((req, res) => {
    const path = req.url ?? '';
    maxInFlight.set(path, Math.max(maxInFlight.get(path) ?? 0, bump(inFlight, path, 1)));
    bump(requests, path, 1);
    bump(byAgent, req.headers['user-agent'] ?? '', 1);
    setTimeout(() => {
      bump(inFlight, path, -1);
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>');
    }, delayMs);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${String(port)}${path}`,
    maxInFlight, requests, byAgent,
    close: () => new Promise<void>((resolve) => {
      http.closeAllConnections();
      http.close(() => resolve());
    }),
  };
}

interface Instance {
  store: Store;
  locks: LockSession;
  queue: JobQueue;
  bot: Bot;
  close(): Promise<void>;
}

async function startInstance(url: string, name: string, options: { perHost?: number } = {}): Promise<Instance> {
  const store = await openPostgresStore(url, { poolSize: 3, owner: { id: name, staleAfterMs: 600_000 } });
  const locks = createPgLockSession(url, silentLogger);
  const queue = await createPgBossQueue({ url, logger: silentLogger, locks, pollIntervalMs: 100, poolSize: 2 });
  const bot = createBot({
    store, queue, logger: silentLogger, clock: { now: () => new Date() }, graceMs: 0, pollTickMs: 0, files: [], readFolder: () => Promise.resolve([]),
    http: createHttpClient({ allowPrivateHosts: ['127.0.0.1'], userAgent: name, perHostConcurrency: options.perHost ?? 16 }),
    policy: { pollIntervalMs: 0, pauseAfterFailures: 100, newSourceItems: 1 }, pollConcurrency: 4, queueDrainMs: 5000,
  });
  await bot.start();
  return {
    store, locks, queue, bot,
    async close() {
      await bot.stop();
      await locks.close();
      await store.close();
    },
  };
}

describe.skipIf(!server.ok)('pg-boss job queue across two instances', () => {
  let database: { url: string; drop(): Promise<void> };
  let feeds: FeedServer;
  beforeAll(async () => {
    if (!server.ok) return;
    database = await createTestDatabase(server.adminUrl);
    feeds = await startFeeds(120);
  });
  afterAll(async () => {
    await feeds?.close();
    await database?.drop();
  });

  it('given both instances enqueueing and polling the same sources for 3 s, then no source is ever fetched twice at once', async () => {
    const a = await startInstance(database.url, 'inst-a');
    const b = await startInstance(database.url, 'inst-b');
    try {
      for (let i = 0; i < 6; i++) {
        await a.store.sources.add({ workspaceId: 'console:local', name: `feed ${String(i)}`, url: feeds.url(`/feed/${String(i)}`), type: 'rss', addedBy: 'test' }, new Date().toISOString());
      }
      const until = Date.now() + 3000;
      while (Date.now() < until) {
        // Both instances' ticks send every source (all are always due); direct polls run beside the jobs.
        await Promise.all([a.bot.enqueueDue(), b.bot.enqueueDue(), Date.now() % 3 === 0 ? a.bot.pollDue() : b.bot.pollDue()]);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await a.close();
      await b.close();
    }
    expect(feeds.maxInFlight.size).toBe(6);
    for (const [path, most] of feeds.maxInFlight) expect({ path, most }).toEqual({ path, most: 1 });
    for (const count of feeds.requests.values()) expect(count).toBeGreaterThan(2);
    expect(feeds.byAgent.get('inst-a') ?? 0).toBeGreaterThan(0);
    expect(feeds.byAgent.get('inst-b') ?? 0).toBeGreaterThan(0);
  });

  it('given an instance stopped while its job outlasts the drain time, then the job is handed back and another instance runs it', async () => {
    const locksA = createPgLockSession(database.url, silentLogger);
    const locksB = createPgLockSession(database.url, silentLogger);
    const a = await createPgBossQueue({ url: database.url, logger: silentLogger, locks: locksA, pollIntervalMs: 100, poolSize: 2 });
    const b = await createPgBossQueue({ url: database.url, logger: silentLogger, locks: locksB, pollIntervalMs: 100, poolSize: 2 });
    const spec = { name: 'hand-back', oneActivePerKey: true, retry: { limit: 2, delayMs: 0 } };
    const ran: string[] = [];
    try {
      await a.declare(spec);
      await b.declare(spec);
      let startedOnA = (): void => undefined;
      const started = new Promise<void>((done) => { startedOnA = done; });
      await a.work('hand-back', { concurrency: 1 }, () => {
        ran.push('a');
        startedOnA();
        return new Promise<void>(() => undefined); // never ends: stop() must hand it back
      });
      await a.send('hand-back', { n: 1 }, { key: 'k' });
      await started;
      await a.stop({ drainMs: 200 });
      await b.work('hand-back', { concurrency: 1 }, async (job) => { ran.push(`b${String(job.attempt)}`); });
      const until = Date.now() + 15_000;
      while (!ran.includes('b1') && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await b.stop({ drainMs: 1000 });
      await locksA.close();
      await locksB.close();
    }
    expect(ran).toEqual(['a', 'b1']);
  });
});
