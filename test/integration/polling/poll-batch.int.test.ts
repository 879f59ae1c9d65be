/**
 * Regression tests for the batched writes the scale campaign brought in: a
 * poll writes its items and the source's state in one SQLite transaction, and
 * a digest and the article's link to it land together (one commit each
 * instead of one per statement). Real SQLite files and a real feed server.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/ports.ts';
import { createHttpClient } from '../../../src/sources/http/client.ts';
import { pollSource, type PollDeps } from '../../../src/polling/poll-source.ts';
import type { Store } from '../../../src/store/port.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';
import { startFixtureServer, type FixtureServer } from '../../fakes/http-fixtures.ts';

const WS = 'console:local';
const paragraphs = Array.from({ length: 14 }, (_, i) => `<p>Paragraph ${String(i + 1)}: revenue rose 12 percent to 3.4 billion euros, the company said, while energy costs may weigh on margins.</p>`).join('');
const escape = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
const FEED = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Batch feed</title><link>http://example.test/</link>
${[1, 2, 3].map((n) => `<item><title>Story ${String(n)}</title><link>http://example.test/story-${String(n)}</link><guid>story-${String(n)}</guid>
<content:encoded>${escape(`<p>Story ${String(n)}.</p>${paragraphs}`)}</content:encoded></item>`).join('')}</channel></rss>`;

let server: FixtureServer;
let dir: string;
let store: Store;

beforeAll(async () => {
  server = await startFixtureServer({ '/feed.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED) });
});
afterAll(() => server.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'poll-batch-'));
  store = openSqliteStore(join(dir, 'bot.sqlite'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const depsWith = (s: Store): PollDeps => ({
  store: s, clock: { now: () => new Date('2026-12-07T08:00:00.000Z') }, logger: silentLogger, engineVersion: 'test',
  http: createHttpClient({ allowPrivateHosts: ['127.0.0.1'], totalTimeoutMs: 3000 }),
  policy: { pollIntervalMs: 15 * 60_000, pauseAfterFailures: 3, newSourceItems: 3 },
});
const addFeed = async () => await store.sources.add({ workspaceId: WS, name: 'feed', url: server.url('/feed.xml'), type: 'rss', addedBy: 'test' }, '2026-12-07T07:00:00.000Z');
const count = (table: string): number => {
  const db = new Database(join(dir, 'bot.sqlite'), { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('Store.transaction (SQLite)', () => {
  it('given a transaction that throws, then none of its writes are kept; nested transactions join the outer one', async () => {
    await store.workspaces.upsert({ id: WS, name: 'local' }, '2026-12-07T07:00:00.000Z');
    await expect(store.transaction(async () => {
      await store.state.set('a', '1');
      await store.transaction(async () => store.state.set('b', '2'));
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await store.state.get('a')).toBeNull();
    expect(await store.state.get('b')).toBeNull();
    expect(await store.transaction(async () => {
      await store.state.set('a', '1');
      return store.transaction(() => Promise.resolve('inner'));
    })).toBe('inner');
    expect(await store.state.get('a')).toBe('1');
  });
});

describe('pollSource writes in batches', () => {
  it('given a feed whose source state cannot be recorded, then its items are not left stored, and the next poll takes them as new', async () => {
    const source = await addFeed();
    let failRecord = true;
    const flaky: Store = {
      ...store,
      sources: {
        ...store.sources,
        recordSuccess: async (...args) => {
          if (failRecord) throw new Error('disk trouble');
          await store.sources.recordSuccess(...args);
        },
      },
    };
    const first = await pollSource(depsWith(flaky), source);
    expect(first.status).toBe('failed');
    expect(count('articles')).toBe(0);
    failRecord = false;
    expect(await pollSource(depsWith(flaky), source)).toMatchObject({ status: 'ok', added: 3, digested: 3 });
    expect(count('articles')).toBe(3);
  });

  it('given an article whose digest link cannot be written, then its digest is not left in the cache', async () => {
    const source = await addFeed();
    const broken: Store = {
      ...store,
      articles: {
        ...store.articles,
        setDigest: async (id, hash, error) => {
          if (hash !== null) throw new Error('disk trouble');
          await store.articles.setDigest(id, hash, error);
        },
      },
    };
    expect(await pollSource(depsWith(broken), source)).toMatchObject({ status: 'ok', added: 3, digested: 0 });
    expect(count('digest_cache')).toBe(0);
    expect(count('articles')).toBe(3);
    // Every article records why it has no digest, so none is retried forever unnoticed.
    expect(await store.articles.pending(source.id, 10)).toEqual([]);
  });

  it('given a new feed, when polled, then every item and digest is stored as before', async () => {
    const source = await addFeed();
    expect(await pollSource(depsWith(store), source)).toMatchObject({ status: 'ok', items: 3, added: 3, digested: 3 });
    expect(count('digest_cache')).toBe(3);
    expect((await store.articles.recent(WS, '2026-01-01T00:00:00.000Z', 10)).every((a) => a.digestHash !== null)).toBe(true);
    expect((await store.sources.get(source.id))?.lastSuccessAt).toBe('2026-12-07T08:00:00.000Z');
  });
});
