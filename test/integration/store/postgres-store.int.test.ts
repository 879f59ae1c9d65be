/**
 * The PostgreSQL store on a real server (TEST_DATABASE_URL): the shared Store contract on a database of this
 * file's own, plus what several instances on one database need: concurrent claims of one run, the same item
 * stored by two instances at once, and migrations started by several instances together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_MIGRATIONS } from '../../../src/store/migrations.ts';
import { openPostgresStore } from '../../../src/store/postgres/open.ts';
import type { Store } from '../../../src/store/port.ts';
import { storeContract } from './store-contract.ts';
import { createTestDatabase, postgresFactory, postgresServer, truncateStore } from './test-databases.ts';

const server = await postgresServer();
const WS = 'console:local';
const T0 = '2026-12-07T08:00:00.000Z';

if (!server.ok) {
  describe(`postgres store: skipped, ${server.why}`, () => {
    it.skip(`set TEST_DATABASE_URL to a PostgreSQL server to run these tests (${server.why})`, () => undefined);
  });
} else {
  let database: { url: string; drop(): Promise<void> } | null = null;
  const url = (): string => database?.url ?? '';
  beforeAll(async () => {
    database = await createTestDatabase(server.adminUrl);
  });
  afterAll(async () => {
    await database?.drop();
  });

  storeContract('postgres', () => postgresFactory(url));

  describe('postgres store: several instances on one database', () => {
    let a: Store;
    let b: Store;
    beforeAll(async () => {
      [a, b] = await Promise.all([
        openPostgresStore(url(), { poolSize: 5, owner: { id: 'instance-a', staleAfterMs: 60_000 } }),
        openPostgresStore(url(), { poolSize: 5, owner: { id: 'instance-b', staleAfterMs: 60_000 } }),
      ]);
    });
    afterAll(async () => {
      await a.close();
      await b.close();
    });

    it('given two instances claiming the same runs at once, then each run has one row and exactly one instance holds it', async () => {
      await truncateStore(url());
      const runs = Array.from({ length: 25 }, (_, i) => `2026-12-07T${String(8 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')}:00.000Z`);
      const claims = await Promise.all(runs.map((at) => Promise.all([
        a.ledger.claim('morning', at, 'discord:1', T0, false), b.ledger.claim('morning', at, 'discord:1', T0, false),
      ])));
      for (const pair of claims) {
        // One instance won the claim (it posts); the other is told the run is another instance's.
        expect(pair.map((d) => d.claimedElsewhere === true).sort()).toEqual([false, true]);
        expect(pair.find((d) => d.claimedElsewhere !== true)?.attempts).toBe(1);
      }
      expect(await a.ledger.since('morning', '2026-12-07T00:00:00.000Z')).toHaveLength(runs.length);
    });

    it('given a claim of another instance, then it is taken over only when stale or failed, and its own instance re-claims at once', async () => {
      await truncateStore(url());
      const run = '2026-12-07T07:30:00.000Z';
      const later = (ms: number): string => new Date(Date.parse(T0) + ms).toISOString();
      expect((await a.ledger.claim('morning', run, 'slack:C1', T0, false)).claimedElsewhere).toBeFalsy();
      expect((await b.ledger.claim('morning', run, 'slack:C1', later(30_000), false)).claimedElsewhere).toBe(true);
      // a restarted instance a (same name) takes its own run over at once
      const again = await a.ledger.claim('morning', run, 'slack:C1', later(40_000), false);
      expect([again.claimedElsewhere ?? false, again.attempts]).toEqual([false, 2]);
      // b takes it over once a's claim is older than the stale bound (60 s here)
      expect((await b.ledger.claim('morning', run, 'slack:C1', later(90_000), false)).claimedElsewhere).toBe(true);
      const taken = await b.ledger.claim('morning', run, 'slack:C1', later(101_000), false);
      expect([taken.claimedElsewhere ?? false, taken.attempts]).toEqual([false, 3]);
      // a failed run is open to any instance at once
      await b.ledger.markFailed('morning', run, 'slack:C1', later(102_000), 'publish/unavailable: down');
      expect((await a.ledger.claim('morning', run, 'slack:C1', later(103_000), false)).claimedElsewhere).toBeFalsy();
      // a posted run is nobody's to post again
      await a.ledger.markPosted('morning', run, 'slack:C1', later(104_000), 'ref');
      const posted = await b.ledger.claim('morning', run, 'slack:C1', later(999_000), false);
      expect([posted.status, posted.claimedElsewhere ?? false]).toEqual(['posted', false]);
    });

    it('given two instances storing the same items at once, then each item is stored once and exactly one insert returns it', async () => {
      await truncateStore(url());
      const source = await a.sources.add({ workspaceId: WS, name: 'feed', url: 'https://example.org/feed.xml', type: 'rss', addedBy: 'test' }, T0);
      const item = (n: number, key: 'canonicalUrl' | 'guid' | 'contentHash') => ({
        link: null, title: `T${String(n)}`, published: null, canonicalUrl: null, guid: null, contentHash: null, [key]: `k${String(n)}`,
      });
      const keys = ['canonicalUrl', 'guid', 'contentHash'] as const;
      const results = await Promise.all(Array.from({ length: 30 }, (_, n) => Promise.all([
        a.articles.insertIfNew(WS, source.id, item(n, keys[n % 3] ?? 'guid'), T0, false),
        b.articles.insertIfNew(WS, source.id, item(n, keys[n % 3] ?? 'guid'), T0, false),
      ])));
      for (const pair of results) expect(pair.filter((r) => r !== null)).toHaveLength(1);
      expect(await b.articles.recent(WS, '2026-01-01T00:00:00.000Z', 100)).toHaveLength(30);
    });

    it('given three instances starting together on a new database, then it is migrated once and each sees the newest version', async () => {
      const fresh = await createTestDatabase(server.adminUrl);
      try {
        const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(fresh.url, { poolSize: 2 })));
        expect(stores.map((s) => s.schemaVersion())).toEqual([1, 2, 3].map(() => SCHEMA_MIGRATIONS.length));
        await Promise.all(stores.map((s) => s.close()));
        const check = await openPostgresStore(fresh.url, { poolSize: 1 });
        await check.close();
        expect(check.schemaVersion()).toBe(SCHEMA_MIGRATIONS.length);
      } finally {
        await fresh.drop();
      }
    });
  });
}
