import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigestError } from '../../../src/errors.ts';
import { digestDefinitionSchema, type DigestDefinition } from '../../../src/digests/definition.ts';
import { FILE_SOURCE_OWNER } from '../../../src/digests/definition-sources.ts';
import { silentLogger, type Clock } from '../../../src/ports.ts';
import { backfillItems, backfillSource, nearNames, resolveBackfillSource, type BackfillProgress } from '../../../src/polling/backfill-source.ts';
import type { FeedItem } from '../../../src/sources/content/feed-types.ts';
import type { HttpClient, HttpResult } from '../../../src/sources/http/client.ts';
import { pollSource } from '../../../src/polling/poll-source.ts';
import type { SourceRecord, Store } from '../../../src/store/port.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';

const FEED_URL = 'https://news.example/feed.xml';
const WS = 'console:local';

function page(n: number): string {
  return `<!doctype html><html><head><title>Meldung ${String(n)}</title></head><body><article><h1>Meldung ${String(n)}</h1>
    <p>Der Umsatz der Beispiel ${String(n)} AG stieg im dritten Quartal um ${String(n + 10)} Prozent auf 1,5 Mrd. Euro.</p>
    <p>Das Unternehmen rechnet für das Gesamtjahr mit einem weiteren Wachstum im Geschäft mit Kunden in Europa.</p>
    <p>Analysten sehen jedoch Risiken durch neue Zölle in den USA und eine schwächere Nachfrage in China.</p></article></body></html>`;
}

function feed(ns: number[]): string {
  const items = ns.map((n) => `<item><title>Meldung ${String(n)}</title><link>https://news.example/a/${String(n)}</link><guid>m${String(n)}</guid>`
    + `<pubDate>${new Date(Date.UTC(2026, 10, 20 + n)).toUTCString()}</pubDate></item>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Testfeed</title>${items}</channel></rss>`;
}

/** A scripted HttpClient: path → body (HTML or feed) or an error; counts requests. */
function scriptedHttp(routes: Map<string, string | DigestError>): HttpClient & { requests: string[] } {
  const requests: string[] = [];
  return {
    requests,
    async get(url): Promise<HttpResult> {
      requests.push(url);
      const answer = routes.get(url);
      if (answer === undefined) throw new DigestError('fetch/http-status', 'HTTP 404', { context: { status: 404 } });
      if (answer instanceof DigestError) throw answer;
      const contentType = url.endsWith('.xml') ? 'application/rss+xml' : 'text/html; charset=utf-8';
      return { status: 'ok', url, bytes: new TextEncoder().encode(answer), contentType, etag: null, lastModified: null };
    },
  };
}

const clock: Clock = { now: () => new Date('2026-11-26T12:00:00Z') };
let dir: string;
let store: Store;
let source: SourceRecord;
let routes: Map<string, string | DigestError>;
let http: ReturnType<typeof scriptedHttp>;

const deps = (engineVersion = 'v1') => ({ store, http, clock, logger: silentLogger, engineVersion });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'digestbot-backfill-'));
  store = openSqliteStore(join(dir, 'store.sqlite'));
  source = await store.sources.add({ workspaceId: WS, name: 'Testfeed', url: FEED_URL, type: 'rss', addedBy: 'admin' }, clock.now().toISOString());
  routes = new Map<string, string | DigestError>([[FEED_URL, feed([5, 4, 3, 2, 1])]]);
  for (const n of [1, 2, 4, 5]) routes.set(`https://news.example/a/${String(n)}`, page(n));
  routes.set('https://news.example/a/3', new DigestError('fetch/timeout', 'the page took too long'));
  http = scriptedHttp(routes);
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backfillSource', () => {
  it('given a source whose older items were marked seen on subscribe, then those are digested, counted by outcome, and recent() has them', async () => {
    const policy = { pollIntervalMs: 60_000, pauseAfterFailures: 8, newSourceItems: 2 };
    const polled = await pollSource({ ...deps(), policy }, source);
    expect(polled).toMatchObject({ status: 'ok', added: 2, backfilled: 3, digested: 2 });
    const since = '2000-01-01T00:00:00Z';
    expect(await store.articles.recent(WS, since, 50)).toHaveLength(2);

    const progress: BackfillProgress[] = [];
    const report = await backfillSource(deps(), source, { onProgress: (p) => progress.push(p) });
    expect(report).toMatchObject({ kind: 'rss', listed: 5, considered: 5, added: 0, digested: 2, skipped: 2, failed: 1 });
    expect(report.failures).toEqual({ 'fetch/timeout': 1 });
    expect(report.failedArticles).toEqual([{ article: 'https://news.example/a/3', code: 'fetch/timeout', message: 'the page took too long' }]);
    expect(progress.map((p) => `${String(p.done)}/${String(p.total)} ${p.label}`)).toEqual([
      '0/5 ', '1/5 Meldung 5', '2/5 Meldung 4', '3/5 Meldung 3', '4/5 Meldung 2', '5/5 Meldung 1',
    ]);
    const recent = await store.articles.recent(WS, since, 50);
    expect(recent).toHaveLength(5);
    expect(recent.filter((a) => a.digestHash !== null)).toHaveLength(4);
    expect(recent.find((a) => a.link === 'https://news.example/a/3')?.digestError).toBe('the page took too long');
  });

  it('given a second run, then nothing new is digested and no article page is fetched again', async () => {
    const first = await backfillSource(deps(), source);
    expect(first).toMatchObject({ added: 5, digested: 4, skipped: 0, failed: 1 });
    http.requests.length = 0;
    const second = await backfillSource(deps(), source);
    expect(second).toMatchObject({ added: 0, digested: 0, skipped: 4, failed: 1 });
    // The feed, and the page that failed (tried again); none of the digested ones.
    expect(http.requests).toEqual([FEED_URL, 'https://news.example/a/3']);
  });

  it('given a new engine version, then the articles are digested again', async () => {
    await backfillSource(deps('v1'), source);
    const again = await backfillSource(deps('v2'), source);
    expect(again).toMatchObject({ digested: 4, skipped: 0, failed: 1 });
  });

  it('given --limit and --since, then only the newest matching items are gone through', async () => {
    const report = await backfillSource(deps(), source, { since: new Date('2026-11-23T00:00:00Z'), limit: 2 });
    expect(report).toMatchObject({ listed: 5, considered: 2, added: 2, digested: 2 });
    expect((await store.articles.recent(WS, '2000-01-01T00:00:00Z', 50)).map((a) => a.title)).toEqual(expect.arrayContaining(['Meldung 5', 'Meldung 4']));
  });

  it('given a source that cannot be fetched, then the run fails with the fetch error and the store is unchanged', async () => {
    routes.set(FEED_URL, new DigestError('fetch/blocked-address', 'the address is private'));
    await expect(backfillSource(deps(), source)).rejects.toMatchObject({ code: 'fetch/blocked-address' });
    expect(await store.articles.recent(WS, '2000-01-01T00:00:00Z', 50)).toHaveLength(0);
    expect((await store.sources.get(source.id))?.errorCount).toBe(0);
  });
});

describe('backfillItems', () => {
  const item = (published: string | null, n: number): FeedItem => ({ guid: String(n), url: null, title: `t${String(n)}`, published, summary: null, contentHtml: null, author: null });
  it('given since, then items published before it are dropped and undated ones kept; limit keeps the first N', () => {
    const items = [item('2026-11-25T00:00:00.000Z', 1), item(null, 2), item('2026-11-01T00:00:00.000Z', 3), item('2026-11-24T00:00:00.000Z', 4)];
    expect(backfillItems(items, { since: new Date('2026-11-20T00:00:00Z') }).map((i) => i.guid)).toEqual(['1', '2', '4']);
    expect(backfillItems(items, { limit: 2 }).map((i) => i.guid)).toEqual(['1', '2']);
    expect(backfillItems(items, {}).map((i) => i.guid)).toEqual(['1', '2', '3', '4']);
  });
});

describe('resolveBackfillSource', () => {
  const def: DigestDefinition = digestDefinitionSchema.parse({
    name: 'markets', title: 'Markets', workspace: 'discord:42',
    sources: [{ type: 'url', name: 'Börse', url: 'https://boerse.example/rss' }, { type: 'folder', name: 'local', path: 'x' }],
  });
  const at = '2026-11-26T12:00:00.000Z';

  it('given an id, a name (any case) or a URL, then that stored source', async () => {
    expect((await resolveBackfillSource(store, [], String(source.id), at)).id).toBe(source.id);
    expect((await resolveBackfillSource(store, [], 'Testfeed', at)).id).toBe(source.id);
    expect((await resolveBackfillSource(store, [], 'testfeed', at)).id).toBe(source.id);
    expect((await resolveBackfillSource(store, [], FEED_URL, at)).id).toBe(source.id);
  });

  it('given an unknown name, then source/not-found naming the near matches', async () => {
    await expect(resolveBackfillSource(store, [def], 'Testfed', at)).rejects.toThrow(/no source "Testfed" \(did you mean "Testfeed"\?\)/u);
    await expect(resolveBackfillSource(store, [def], 'zzz', at)).rejects.toThrow(expect.objectContaining({ code: 'source/not-found' }));
    await expect(resolveBackfillSource(store, [def], 'local', at)).rejects.toThrow(expect.objectContaining({ code: 'source/not-found' }));
  });

  it('given a name in two workspaces, then command/invalid until --workspace narrows it', async () => {
    const other = await store.sources.add({ workspaceId: 'slack:T1', name: 'Testfeed', url: FEED_URL, type: 'rss', addedBy: 'admin' }, at);
    await expect(resolveBackfillSource(store, [], 'Testfeed', at)).rejects.toThrow(expect.objectContaining({ code: 'command/invalid' }));
    expect((await resolveBackfillSource(store, [], 'Testfeed', at, 'slack:T1')).id).toBe(other.id);
    await expect(resolveBackfillSource(store, [], 'Testfeed', at, 'discord:9')).rejects.toThrow(expect.objectContaining({ code: 'source/not-found' }));
  });

  it('given the name of a digest file url source not stored yet, then it is registered as digest building would, once', async () => {
    const first = await resolveBackfillSource(store, [def], 'Börse', at);
    expect(first).toMatchObject({ workspaceId: 'discord:42', name: 'Börse', url: 'https://boerse.example/rss', addedBy: FILE_SOURCE_OWNER });
    expect((await resolveBackfillSource(store, [def], 'Börse', at)).id).toBe(first.id);
    expect(await store.sources.list('discord:42')).toHaveLength(1);
  });
});

describe('nearNames', () => {
  it('given names, then those containing the wanted one or a few edits away, best first', () => {
    expect(nearNames('heise', ['Heise online', 'heisse', 'Spiegel', 'FAZ'])).toEqual(['Heise online', 'heisse']);
    expect(nearNames('xyz', ['Heise online'])).toEqual([]);
  });
});
