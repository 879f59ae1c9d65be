/**
 * `articles.recent` with a list of sources, on SQLite (a temp file) and PostgreSQL (TEST_DATABASE_URL; skipped
 * with the reason when absent): the ids are bound in chunks, so a list longer than one chunk must still come back
 * as one list, newest first, filtered and cut at the limit.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/port.ts';
import { createTestDatabase, postgresFactory, postgresServer, sqliteFactory } from './test-databases.ts';
import type { StoreFactory } from './store-contract.ts';

const WS = 'console:local';
const T0 = '2026-12-07T08:00:00.000Z';
const minute = (n: number): string => new Date(Date.parse(T0) + n * 60_000).toISOString();

function recentContract(name: string, factory: () => StoreFactory): void {
  describe(`${name}: recent from a long list of sources`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory().fresh();
      await store.workspaces.upsert({ id: WS, name: 'Local' }, T0);
    });
    afterEach(async () => {
      await store.close();
      await factory().cleanup?.();
    });

    it('given 3,000 source ids with the stored sources spread over them, then the articles come back newest first, only from the listed sources, cut at the limit', async () => {
      const sources = [];
      for (const n of [1, 2, 3, 4]) sources.push(await store.sources.add({ workspaceId: WS, name: `s${String(n)}`, url: `https://s${String(n)}.test/feed`, type: 'rss', addedBy: 'u' }, T0));
      const [a, b, c, unlisted] = sources.map((s) => s.id) as [number, number, number, number];
      // Each source gets articles at interleaved times; the unlisted one has the newest of all.
      const plan: [number, number][] = [[a, 1], [b, 2], [c, 3], [a, 4], [b, 5], [c, 6], [unlisted, 7], [c, 8]];
      for (const [source, at] of plan) {
        const key = `${String(source)}-${String(at)}`;
        await store.articles.insertIfNew(WS, source, { link: null, canonicalUrl: `https://x.test/${key}`, guid: key, contentHash: key, title: key, published: null }, minute(at), false);
      }
      // a at the start, b past the first chunk, c near the end: absent ids fill the rest.
      const ids = Array.from({ length: 3000 }, (_, i) => 1_000_000 + i);
      ids[0] = a;
      ids[1500] = b;
      ids[2998] = c;
      const titles = async (limit: number): Promise<(string | null)[]> => (await store.articles.recent(WS, T0, limit, ids)).map((r) => r.title);
      expect(await titles(10)).toEqual([`${String(c)}-8`, `${String(c)}-6`, `${String(b)}-5`, `${String(a)}-4`, `${String(c)}-3`, `${String(b)}-2`, `${String(a)}-1`]);
      expect(await titles(3)).toEqual([`${String(c)}-8`, `${String(c)}-6`, `${String(b)}-5`]);
      expect((await store.articles.recent(WS, minute(5), 10, [b, b, b])).map((r) => r.title)).toEqual([]);
      expect((await store.articles.recent(WS, minute(4), 10, [b, b, b])).map((r) => r.title)).toEqual([`${String(b)}-5`]);
      expect(await store.articles.recent(WS, T0, 10, [])).toEqual([]);
    });
  });
}

const sqlite = sqliteFactory();
recentContract('sqlite (temp file)', () => sqlite);

const server = await postgresServer();
if (!server.ok) {
  describe(`postgres recent: skipped, ${server.why}`, () => {
    it.skip(`set TEST_DATABASE_URL to a PostgreSQL server to run these tests (${server.why})`, () => undefined);
  });
} else {
  let database: { url: string; drop(): Promise<void> } | null = null;
  beforeAll(async () => {
    database = await createTestDatabase(server.adminUrl);
  });
  afterAll(async () => {
    await database?.drop();
  });
  recentContract('postgres', () => postgresFactory(() => database?.url ?? ''));
}
