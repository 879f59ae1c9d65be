import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigestError } from '../../../src/errors.ts';
import { silentLogger, type Clock } from '../../../src/ports.ts';
import { inProcessDigester, type ArticleDigester, type Material } from '../../../src/sources/article-digester.ts';
import type { HttpClient } from '../../../src/sources/http/client.ts';
import { pollSource, type PollDeps } from '../../../src/sources/poll-source.ts';
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

const http: HttpClient = {
  get(url) {
    const body = url === FEED_URL ? feed : page(Number(url.split('/').pop()));
    const contentType = url === FEED_URL ? 'application/rss+xml' : 'text/html; charset=utf-8';
    return Promise.resolve({ status: 'ok', url, bytes: new TextEncoder().encode(body), contentType, etag: null, lastModified: null });
  },
};

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

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('digestArticles with an ArticleDigester (through pollSource)', () => {
  it('given one article past its time budget and one refused as busy, then the first is recorded as failed and never retried, the second stays pending and is digested by the next poll', async () => {
    const digester = scriptedDigester(1);
    const deps: PollDeps = { store, http, clock, logger: silentLogger, engineVersion: 'v1', digester, policy: { pollIntervalMs: 60_000, pauseAfterFailures: 8, newSourceItems: 5 } };
    const source = store.sources.add({ workspaceId: WS, name: 'Feed', url: FEED_URL, type: 'rss', addedBy: 'admin' }, clock.now().toISOString());

    expect(await pollSource(deps, source)).toMatchObject({ status: 'ok', added: 3, digested: 1 });
    const byLink = (n: number) => store.articles.recent(WS, '2000-01-01T00:00:00Z', 10).find((a) => a.link === link(n));
    expect(byLink(1)?.digestHash).not.toBeNull();
    expect(byLink(2)).toMatchObject({ digestHash: null, digestError: `digesting ${link(2)} took longer than 10 ms` });
    expect(byLink(3)).toMatchObject({ digestHash: null, digestError: null });
    expect(store.articles.pending(source.id, 10).map((a) => a.link)).toEqual([link(3)]);

    const again = await pollSource(deps, store.sources.get(source.id) ?? source, { force: true });
    expect(again).toMatchObject({ status: 'ok', added: 0, digested: 1 });
    expect(byLink(3)?.digestHash).not.toBeNull();
    expect(store.articles.pending(source.id, 10)).toEqual([]);
    expect(digester.calls.filter((c) => c === link(2))).toHaveLength(1);
    expect(digester.calls.filter((c) => c === link(3))).toHaveLength(2);
  });

  it('given the same bytes digested twice, then the digester runs once and the second comes from the cache', async () => {
    const digester = scriptedDigester(0);
    const deps: PollDeps = { store, http, clock, logger: silentLogger, engineVersion: 'v1', digester, policy: { pollIntervalMs: 60_000, pauseAfterFailures: 8, newSourceItems: 5 } };
    const one = store.sources.add({ workspaceId: WS, name: 'One', url: FEED_URL, type: 'rss', addedBy: 'admin' }, clock.now().toISOString());
    await pollSource(deps, one);
    const other = store.sources.add({ workspaceId: 'console:other', name: 'Other', url: FEED_URL, type: 'rss', addedBy: 'admin' }, clock.now().toISOString());
    expect(await pollSource(deps, other)).toMatchObject({ status: 'ok', added: 3, digested: 2 });
    expect(digester.calls.filter((c) => c === link(1))).toHaveLength(1);
  });
});
