import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigestError } from '../../../src/errors.ts';
import { silentLogger, type Clock } from '../../../src/ports.ts';
import { inProcessDigester, type ArticleDigester, type Material } from '../../../src/digesting/article-digester.ts';
import { createWorkerPoolDigester } from '../../../src/digesting/worker-pool.ts';
import type { HttpClient } from '../../../src/sources/http/client.ts';
import { pollSource, type PollDeps } from '../../../src/polling/poll-source.ts';
import type { Store } from '../../../src/store/port.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';

const FEED_URL = 'https://news.example/feed.xml';
const WS = 'console:local';
const link = (n: number): string => `https://news.example/a/${String(n)}`;

const page = (n: number): string => `<!doctype html><html><head><title>Story ${String(n)}</title></head><body><article><h1>Story ${String(n)}</h1>
  <p>Revenue of Example ${String(n)} Inc rose ${String(n + 10)} percent to $1.5bn in the third quarter.</p>
  <p>The company expects further growth with customers in Europe, while tariffs remain a risk.</p></article></body></html>`;
const feed = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed</title>${[1, 2, 3].map((n) =>
  `<item><title>Story ${String(n)}</title><link>${link(n)}</link><guid>s${String(n)}</guid></item>`).join('')}</channel></rss>`;

/** The feed and its three pages; `fetched` lists every URL asked for; `named` renames a page's final URL (the material's name). */
function fakeHttp(named: ReadonlyMap<string, string> = new Map()): HttpClient & { fetched: string[] } {
  const fetched: string[] = [];
  return {
    fetched,
    get(url) {
      fetched.push(url);
      const body = url === FEED_URL ? feed : page(Number(url.split('/').pop()));
      const contentType = url === FEED_URL ? 'application/rss+xml' : 'text/html; charset=utf-8';
      return Promise.resolve({ status: 'ok', url: named.get(url) ?? url, bytes: new TextEncoder().encode(body), contentType, etag: null, lastModified: null });
    },
  };
}
const http = fakeHttp();
const STUB = new URL('../../fakes/digest-worker-stub.ts', import.meta.url);
const policy = { pollIntervalMs: 60_000, pauseAfterFailures: 8, newSourceItems: 5 };

/** A digester that fails story 2 with a time-budget expiry and refuses story 3 as busy `busyTimes` times; counts calls per article. */
function scriptedDigester(busyTimes: number): ArticleDigester & { calls: string[] } {
  const calls: string[] = [];
  let busy = busyTimes;
  return {
    calls,
    digest(material: Material) {
      calls.push(material.name);
      if (material.name === link(2)) return Promise.reject(new DigestError('extract/timeout', `digesting ${material.name} took longer than 10 ms`));
      if (material.name === link(3) && busy-- > 0) return Promise.reject(new DigestError('digest/busy', 'too many articles are waiting'));
      return inProcessDigester.digest(material);
    },
    close: () => Promise.resolve(),
  };
}

const clock: Clock = { now: () => new Date('2026-11-26T12:00:00Z') };
let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'digestbot-digest-articles-'));
  store = openSqliteStore(join(dir, 'store.sqlite'));
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('digestArticles with an ArticleDigester (through pollSource)', () => {
  it('given one article past its time budget and one refused as busy, then the first is recorded as failed and never retried, the second stays pending and is digested by the next poll', async () => {
    const digester = scriptedDigester(1);
    const deps: PollDeps = { store, http, clock, logger: silentLogger, engineVersion: 'v1', digester, policy: { pollIntervalMs: 60_000, pauseAfterFailures: 8, newSourceItems: 5 } };
    const source = await store.sources.add({ workspaceId: WS, name: 'Feed', url: FEED_URL, type: 'rss', addedBy: 'admin' }, clock.now().toISOString());

    expect(await pollSource(deps, source)).toMatchObject({ status: 'ok', added: 3, digested: 1 });
    const byLink = async (n: number) => (await store.articles.recent(WS, '2000-01-01T00:00:00Z', 10)).find((a) => a.link === link(n));
    expect((await byLink(1))?.digestHash).not.toBeNull();
    expect(await byLink(2)).toMatchObject({ digestHash: null, digestError: `digesting ${link(2)} took longer than 10 ms` });
    expect(await byLink(3)).toMatchObject({ digestHash: null, digestError: null });
    expect((await store.articles.pending(source.id, 10)).map((a) => a.link)).toEqual([link(3)]);

    const again = await pollSource(deps, await store.sources.get(source.id) ?? source, { force: true });
    expect(again).toMatchObject({ status: 'ok', added: 0, digested: 1 });
    expect((await byLink(3))?.digestHash).not.toBeNull();
    expect(await store.articles.pending(source.id, 10)).toEqual([]);
    expect(digester.calls.filter((c) => c === link(2))).toHaveLength(1);
    expect(digester.calls.filter((c) => c === link(3))).toHaveLength(2);
  });

  it('given the same bytes digested twice, then the digester runs once and the second comes from the cache', async () => {
    const digester = scriptedDigester(0);
    const deps: PollDeps = { store, http, clock, logger: silentLogger, engineVersion: 'v1', digester, policy: { pollIntervalMs: 60_000, pauseAfterFailures: 8, newSourceItems: 5 } };
    const one = await store.sources.add({ workspaceId: WS, name: 'One', url: FEED_URL, type: 'rss', addedBy: 'admin' }, clock.now().toISOString());
    await pollSource(deps, one);
    const other = await store.sources.add({ workspaceId: 'console:other', name: 'Other', url: FEED_URL, type: 'rss', addedBy: 'admin' }, clock.now().toISOString());
    expect(await pollSource(deps, other)).toMatchObject({ status: 'ok', added: 3, digested: 2 });
    expect(digester.calls.filter((c) => c === link(1))).toHaveLength(1);
  });

  it('given a digester refusing the first article as busy, then the poll stops there: no other page is fetched and all stay pending for the next poll', async () => {
    const counting = fakeHttp();
    let refusals = 1;
    const digester: ArticleDigester = {
      digest: (material) => (refusals-- > 0 ? Promise.reject(new DigestError('digest/busy', 'too many articles are waiting')) : inProcessDigester.digest(material)),
      close: () => Promise.resolve(),
    };
    const deps: PollDeps = { store, http: counting, clock, logger: silentLogger, engineVersion: 'v1', digester, policy };
    const source = await store.sources.add({ workspaceId: WS, name: 'Feed', url: FEED_URL, type: 'rss', addedBy: 'admin' }, clock.now().toISOString());

    expect(await pollSource(deps, source)).toMatchObject({ status: 'ok', added: 3, digested: 0 });
    expect(counting.fetched.filter((u) => u !== FEED_URL)).toHaveLength(1);
    expect(await store.articles.pending(source.id, 10)).toHaveLength(3);

    expect(await pollSource(deps, await store.sources.get(source.id) ?? source, { force: true })).toMatchObject({ status: 'ok', digested: 3 });
    expect(await store.articles.pending(source.id, 10)).toEqual([]);
  });

  it('given digest workers that cannot start, then the article stays pending (not failed) and a working pool digests it on the next poll', async () => {
    const broken = createWorkerPoolDigester({ workers: 1, entry: new URL(`${STUB.href}?start=fail`) });
    const deps: PollDeps = { store, http, clock, logger: silentLogger, engineVersion: 'v1', digester: broken, policy };
    const source = await store.sources.add({ workspaceId: WS, name: 'Feed', url: FEED_URL, type: 'rss', addedBy: 'admin' }, clock.now().toISOString());
    try {
      expect(await pollSource(deps, source)).toMatchObject({ status: 'ok', added: 3, digested: 0 });
    } finally {
      await broken.close();
    }
    const articles = await store.articles.recent(WS, '2000-01-01T00:00:00Z', 10);
    expect(articles.map((a) => a.digestError)).toEqual([null, null, null]);
    expect(await store.articles.pending(source.id, 10)).toHaveLength(3);

    const working = createWorkerPoolDigester({ workers: 1, entry: STUB });
    try {
      const again = await pollSource({ ...deps, digester: working }, await store.sources.get(source.id) ?? source, { force: true });
      expect(again).toMatchObject({ status: 'ok', digested: 3 });
    } finally {
      await working.close();
    }
  }, 30_000);

  it('given a worker that crashes while digesting one article, then that article fails for good and the others are digested', async () => {
    // The stub worker exits on material named `exit`: story 2's page comes back under that name.
    const pool = createWorkerPoolDigester({ workers: 1, entry: STUB });
    const deps: PollDeps = { store, http: fakeHttp(new Map([[link(2), 'exit']])), clock, logger: silentLogger, engineVersion: 'v1', digester: pool, policy };
    const source = await store.sources.add({ workspaceId: WS, name: 'Feed', url: FEED_URL, type: 'rss', addedBy: 'admin' }, clock.now().toISOString());
    try {
      expect(await pollSource(deps, source)).toMatchObject({ status: 'ok', added: 3, digested: 2 });
    } finally {
      await pool.close();
    }
    const crashed = (await store.articles.recent(WS, '2000-01-01T00:00:00Z', 10)).find((a) => a.link === link(2));
    expect(crashed?.digestError).toContain('stopped its worker');
    expect(await store.articles.pending(source.id, 10)).toEqual([]);
  }, 30_000);

  it('given a full-content feed item without a link postponed as busy, then the next poll digests it from the feed text again (no input/empty)', async () => {
    const para = '<p>Revenue of Example Inc rose 12 percent to $1.5bn in the third quarter, while tariffs remain a risk for exports.</p>';
    const fullFeed = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Full</title>
      <item><title>Long story</title><guid>long-1</guid><content:encoded><![CDATA[${para.repeat(20)}]]></content:encoded></item></channel></rss>`;
    const fetched: string[] = [];
    const feedOnly: HttpClient = {
      get(url) {
        fetched.push(url);
        return Promise.resolve({ status: 'ok', url, bytes: new TextEncoder().encode(fullFeed), contentType: 'application/rss+xml', etag: null, lastModified: null });
      },
    };
    let refusals = 1;
    const names: string[] = [];
    const digester: ArticleDigester = {
      digest(material) {
        names.push(material.name);
        return refusals-- > 0 ? Promise.reject(new DigestError('digest/busy', 'too many articles are waiting')) : inProcessDigester.digest(material);
      },
      close: () => Promise.resolve(),
    };
    const deps: PollDeps = { store, http: feedOnly, clock, logger: silentLogger, engineVersion: 'v1', digester, policy };
    const source = await store.sources.add({ workspaceId: WS, name: 'Full', url: FEED_URL, type: 'rss', addedBy: 'admin' }, clock.now().toISOString());

    expect(await pollSource(deps, source)).toMatchObject({ status: 'ok', added: 1, digested: 0 });
    expect(await pollSource(deps, await store.sources.get(source.id) ?? source, { force: true })).toMatchObject({ status: 'ok', added: 0, digested: 1 });
    const [article] = await store.articles.recent(WS, '2000-01-01T00:00:00Z', 10);
    expect(article).toMatchObject({ link: null, digestError: null });
    expect(article?.digestHash).not.toBeNull();
    expect(names).toEqual(['Long story', 'Long story']);
    expect(fetched).toEqual([FEED_URL, FEED_URL]);
  });
});
