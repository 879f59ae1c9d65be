/**
 * Per-host request slots across two instances on a real PostgreSQL (TEST_DATABASE_URL; skipped with a message
 * naming it when unset): two HTTP clients, each with its own lock session, fetch one host at once; the host
 * (127.0.0.1) never sees more requests in flight than FETCH_PER_HOST_CONCURRENCY, where the clients' own
 * limiters alone let twice as many through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClusterHostSlots } from '../../../adapters/queue/pg-host-slots.ts';
import { createPgLockSession, type LockSession } from '../../../adapters/queue/pg-lock-session.ts';
import { silentLogger, type HostLimiter } from '../../../src/index.ts';
import { createHttpClient } from '../../../src/sources/http/client.ts';
import { startFixtureServer, type FixtureServer } from '../../fakes/http-fixtures.ts';
import { createTestDatabase, postgresServer } from '../store/test-databases.ts';

const server = await postgresServer();
if (!server.ok) console.warn(`host slots suite skipped: ${server.why}`);

const PER_HOST = 2;

/** Each of two instances fetches `each` pages of the host at once; resolves with the most the host saw in flight. */
async function fetchFromTwo(host: FixtureServer, limiters: [HostLimiter | undefined, HostLimiter | undefined], each: number): Promise<number> {
  const before = host.requests.length;
  const clients = limiters.map((hostLimiter) => createHttpClient({ allowPrivateHosts: ['127.0.0.1'], perHostConcurrency: PER_HOST, ...(hostLimiter === undefined ? {} : { hostLimiter }) }));
  await Promise.all(clients.flatMap((client) => Array.from({ length: each }, (_, i) => client.get(host.url(`/slow?i=${String(i)}`)))));
  expect(host.requests.length - before).toBe(2 * each);
  return host.maxInFlight();
}

describe.skipIf(!server.ok)('cluster host slots', () => {
  let database: { url: string; drop(): Promise<void> };
  const sessions: LockSession[] = [];
  beforeAll(async () => {
    if (!server.ok) return;
    database = await createTestDatabase(server.adminUrl);
  });
  afterAll(async () => {
    for (const s of sessions) await s.close();
    await database?.drop();
  });

  it('given two instances fetching one host at once, then the host sees at most FETCH_PER_HOST_CONCURRENCY requests in flight', async () => {
    const alone = await startFixtureServer({ '/slow': (_req, res) => { setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>'), 60); } });
    const shared = await startFixtureServer({ '/slow': (_req, res) => { setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>'), 60); } });
    try {
      // Baseline: each instance limits only itself, so the host sees both instances' slots.
      expect(await fetchFromTwo(alone, [undefined, undefined], 8)).toBeGreaterThan(PER_HOST);
      const limiters = [0, 1].map(() => {
        const locks = createPgLockSession(database.url, silentLogger);
        sessions.push(locks);
        return createClusterHostSlots({ locks, perHost: PER_HOST, logger: silentLogger, retryMs: 10 });
      });
      const most = await fetchFromTwo(shared, [limiters[0], limiters[1]], 8);
      expect(most).toBeLessThanOrEqual(PER_HOST);
      expect(most).toBeGreaterThan(0);
    } finally {
      await alone.close();
      await shared.close();
    }
  });
});
