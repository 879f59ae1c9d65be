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
      [a, b] = await Promise.all([openPostgresStore(url(), { poolSize: 5 }), openPostgresStore(url(), { poolSize: 5 })]);
    });
    afterAll(async () => {
      await a.close();
      await b.close();
    });

    it('given two instances claiming the same runs at once, then each run has one row and exactly one claim is the first', async () => {
      await truncateStore(url());
      const runs = Array.from({ length: 25 }, (_, i) => `2026-12-07T${String(8 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')}:00.000Z`);
      const claims = await Promise.all(runs.map((at) => Promise.all([
        a.ledger.claim('morning', at, 'discord:1', T0, false), b.ledger.claim('morning', at, 'discord:1', T0, false),
      ])));
      for (const pair of claims) expect(pair.map((d) => d.attempts).sort()).toEqual([1, 2]);
      expect(await a.ledger.since('morning', '2026-12-07T00:00:00.000Z')).toHaveLength(runs.length);
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
