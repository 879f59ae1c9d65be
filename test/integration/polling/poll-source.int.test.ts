import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { digestSchema } from '../../../src/engine/schema.ts';
import { silentLogger } from '../../../src/ports.ts';
import { createHttpClient } from '../../../src/sources/http/client.ts';
import { pollSource, type PollDeps, type PollOutcome } from '../../../src/polling/poll-source.ts';
import type { SourceRecord, Store } from '../../../src/store/port.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';
import { reply, startFixtureServer, trickle, type FixtureServer, type Handler } from '../../fakes/http-fixtures.ts';

const samples = resolve(import.meta.dirname, '..', '..', '..', 'digests', 'samples');
const GERMAN_1252 = readFileSync(join(samples, 'de-halbleiter.html'));
const ENGLISH = readFileSync(join(samples, 'en-harbor-foods.html'));
const WS = 'console:local';

const articlePath = (n: number): string => `/news/2026/11/24/company-${String(n)}-reports-quarterly-results-and-outlook`;

function rss(base: string, ids: number[], stamp: string): string {
  const items = ids.map((n) => `<item><title>Company ${String(n)} reports results</title>
    <link>${base}${articlePath(n)}?utm_source=rss&amp;utm_medium=feed&amp;t=${stamp}</link><guid isPermaLink="false">story-${String(n)}</guid>
    <pubDate>Tue, 24 Nov 2026 0${String(n % 10)}:00:00 GMT</pubDate><description>Short teaser ${String(n)}.</description></item>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Markets feed</title><link>${base}/</link>
    <lastBuildDate>${stamp}</lastBuildDate>${items}</channel></rss>`;
}

const longParagraphs = (topic: string): string => Array.from({ length: 12 }, (_, i) =>
  `<p>${topic} paragraph ${String(i + 1)}: revenue rose 12 % to 3.4 billion euros while the company warned that energy costs could weigh on margins next year, according to the chief financial officer.</p>`).join('');

let server: FixtureServer;
let feedIds = [1, 2, 3, 4, 5, 6];
let feedStamp = 'Tue, 24 Nov 2026 06:00:00 GMT';
let failures = 0;
const routes: Record<string, Handler> = {};

beforeAll(async () => {
  server = await startFixtureServer(routes);
  const base = server.url('');
  for (let n = 1; n <= 8; n++) routes[articlePath(n)] = reply(ENGLISH);
  routes['/feed.xml'] = (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(base, feedIds, feedStamp));
  routes['/etag.xml'] = (req, res) => {
    if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end();
    else res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(rss(base, [1], feedStamp));
  };
  routes['/atom.xml'] = reply(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom full text</title>
    <id>urn:feed</id><updated>2026-11-24T06:00:00Z</updated>
    <entry><title>Full content story</title><id>urn:e1</id><updated>2026-11-24T06:00:00Z</updated><link href="${base}/not-served"/>
    <content type="html">${longParagraphs('Full text').replace(/</gu, '&lt;').replace(/>/gu, '&gt;')}</content></entry></feed>`, { 'content-type': 'application/atom+xml' });
  routes['/feed.json'] = reply(JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1', title: 'JSON news',
    items: [{ id: 'j1', url: `${base}${articlePath(7)}`, title: 'JSON item', content_text: 'short', date_published: '2026-11-24T05:00:00Z' }],
  }), { 'content-type': 'application/feed+json' });
  routes['/artikel.html'] = reply(GERMAN_1252, { 'content-type': 'text/html' });
  routes['/listing'] = reply(`<html><head><title>Latest news</title></head><body><nav><a href="/">Home</a></nav><ul>${[1, 2, 3, 4, 5, 6]
    .map((n) => `<li><a href="${articlePath(n)}">Company ${String(n)} reports results</a></li>`).join('')}</ul></body></html>`);
  routes['/slow'] = trickle(200);
  routes['/huge'] = reply(Buffer.alloc(300_000, 'a'), { 'content-type': 'text/html' });
  routes['/loop-a'] = (_req, res) => res.writeHead(302, { location: '/loop-b' }).end();
  routes['/loop-b'] = (_req, res) => res.writeHead(302, { location: '/loop-a' }).end();
  routes['/forever'] = reply('go away', { 'content-type': 'text/plain', 'retry-after': '99999999999999' }, 429);
  routes['/busy'] = reply('slow down', { 'content-type': 'text/plain', 'retry-after': '120' }, 429);
  routes['/broken.xml'] = reply('<?xml version="1.0"?><rss version="2.0"><channel><title>Broken<item><title>x</channel>', { 'content-type': 'application/rss+xml' });
  routes['/flaky.xml'] = (_req, res) => {
    failures++;
    res.writeHead(503, { 'content-type': 'text/plain' }).end('down');
  };
});
afterAll(() => server.close());

let dir: string;
let store: Store;
let now: Date;
let deps: PollDeps;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'poll-'));
  store = openSqliteStore(join(dir, 'bot.sqlite'));
  now = new Date('2026-11-24T07:00:00.000Z');
  feedIds = [1, 2, 3, 4, 5, 6];
  feedStamp = 'Tue, 24 Nov 2026 06:00:00 GMT';
  deps = {
    store, clock: { now: () => now }, logger: silentLogger, engineVersion: 'test',
    http: createHttpClient({ allowPrivateHosts: ['127.0.0.1'], totalTimeoutMs: 1500, maxBytes: 200_000 }),
    policy: { pollIntervalMs: 15 * 60_000, pauseAfterFailures: 3, newSourceItems: 3 },
  };
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const add = async (path: string): Promise<SourceRecord> => await store.sources.add({ workspaceId: WS, name: path, url: server.url(path), type: 'unknown', addedBy: 'test' }, now.toISOString());
const reload = async (s: SourceRecord): Promise<SourceRecord> => await store.sources.get(s.id) ?? s;
const failed = (o: PollOutcome): Extract<PollOutcome, { status: 'failed' }> => {
  if (o.status !== 'failed') throw new Error(`expected a failure, got ${o.status}`);
  return o;
};
const digestOf = async (hash: string | null): Promise<ReturnType<typeof digestSchema.parse>> => digestSchema.parse(JSON.parse(await store.digestCache.get(hash ?? '', 'test') ?? 'null'));

describe('pollSource against feeds and pages on 127.0.0.1', () => {
  it('given a new RSS source with 6 items, then the newest 3 are new and digested from their pages, the rest marked seen', async () => {
    const source = await add('/feed.xml');
    expect(await pollSource(deps, source)).toEqual({ status: 'ok', kind: 'rss', items: 6, added: 3, backfilled: 3, digested: 3 });
    const recent = await store.articles.recent(WS, '2026-01-01T00:00:00.000Z', 10);
    expect(recent.map((a) => a.guid).sort()).toEqual(['story-4', 'story-5', 'story-6']);
    expect((await digestOf(recent[0]?.digestHash ?? null)).title).toMatch(/Harbor Foods/u);
    expect(server.requests.filter((r) => r.path.startsWith('/news/')).length).toBe(3);
  });

  it('given the feed republished with new timestamps and tracking parameters, then nothing repeats; a new item is added once', async () => {
    let source = await add('/feed.xml');
    await pollSource(deps, source);
    feedStamp = 'Tue, 24 Nov 2026 07:30:00 GMT';
    now = new Date('2026-11-24T08:00:00.000Z');
    source = await reload(source);
    expect(await pollSource(deps, source)).toMatchObject({ status: 'ok', added: 0, backfilled: 0 });
    feedIds = [1, 2, 3, 4, 5, 6, 8];
    now = new Date('2026-11-24T09:00:00.000Z');
    expect(await pollSource(deps, await reload(source))).toMatchObject({ status: 'ok', added: 1, backfilled: 0 });
    expect(await store.articles.recent(WS, '2026-01-01T00:00:00.000Z', 10)).toHaveLength(4);
  });

  it('given more new items than one poll digests, then the rest are digested by the next polls', async () => {
    deps.policy = { ...deps.policy, newSourceItems: 10, maxDigestsPerPoll: 4 };
    const source = await add('/feed.xml');
    expect(await pollSource(deps, source)).toMatchObject({ status: 'ok', added: 6, digested: 4 });
    expect(await pollSource(deps, await reload(source), { force: true })).toMatchObject({ status: 'ok', added: 0, digested: 2 });
    expect(await store.articles.pending(source.id, 10)).toEqual([]);
    expect((await store.articles.recent(WS, '2026-01-01T00:00:00.000Z', 10)).every((a) => a.digestHash !== null)).toBe(true);
  });

  it('given a source polled less than an interval ago, then it is skipped unless forced', async () => {
    const source = await add('/feed.xml');
    await pollSource(deps, source);
    expect(await pollSource(deps, await reload(source))).toEqual({ status: 'skipped', reason: 'not-due' });
    expect((await pollSource(deps, await reload(source), { force: true })).status).toBe('ok');
  });

  it('given an ETag, then the next poll sends If-None-Match and a 304 adds nothing', async () => {
    const source = await add('/etag.xml');
    expect((await pollSource(deps, source)).status).toBe('ok');
    expect((await reload(source)).etag).toBe('"v1"');
    expect(await pollSource(deps, await reload(source), { force: true })).toEqual({ status: 'not-modified' });
    expect(server.requests.filter((r) => r.path === '/etag.xml').at(-1)?.headers['if-none-match']).toBe('"v1"');
  });

  it('given an Atom feed with the full article in its content, then it is digested without fetching the page', async () => {
    const outcome = await pollSource(deps, await add('/atom.xml'));
    expect(outcome).toMatchObject({ status: 'ok', kind: 'atom', added: 1, digested: 1 });
    expect(server.requests.some((r) => r.path === '/not-served')).toBe(false);
    const [article] = await store.articles.recent(WS, '2026-01-01T00:00:00.000Z', 10);
    const digest = await digestOf(article?.digestHash ?? null);
    expect(digest.title).toBe('Full content story');
    expect(digest.figures.some((f) => f.kind === 'percent' && f.value === 12)).toBe(true);
    expect(digest.figures.some((f) => f.kind === 'money' && f.currency === 'EUR' && f.value === 3.4e9)).toBe(true);
  });

  it('given a feed item whose page is gone but which carries a teaser, then the teaser is digested and flagged, not dropped', async () => {
    feedIds = [9];
    expect(await pollSource(deps, await add('/feed.xml'))).toMatchObject({ status: 'ok', added: 1, digested: 1 });
    const [article] = await store.articles.recent(WS, '2026-01-01T00:00:00.000Z', 10);
    expect(article?.digestError).toBeNull();
    expect((await digestOf(article?.digestHash ?? null)).summary.join(' ')).toContain('Short teaser 9');
  });

  it('given a JSON Feed, then its item is stored and digested from the linked page', async () => {
    expect(await pollSource(deps, await add('/feed.json'))).toMatchObject({ status: 'ok', kind: 'json-feed', added: 1, digested: 1 });
  });

  it('given a windows-1252 German article page, then it is one article with correct umlauts', async () => {
    expect(await pollSource(deps, await add('/artikel.html'))).toMatchObject({ status: 'ok', kind: 'article', added: 1, digested: 1 });
    const [article] = await store.articles.recent(WS, '2026-01-01T00:00:00.000Z', 10);
    const digest = await digestOf(article?.digestHash ?? null);
    expect(digest.title).toContain('Nordlicht Halbleiter');
    expect(JSON.stringify(digest)).toMatch(/[äöüß]/u);
    expect(JSON.stringify(digest)).not.toContain('\uFFFD');
  });

  it('given a listing page, then its article links are followed: the newest 3 digested, the rest seen', async () => {
    expect(await pollSource(deps, await add('/listing'))).toMatchObject({ status: 'ok', kind: 'listing', items: 6, added: 3, backfilled: 3, digested: 3 });
  });

  it.each([
    ['/slow', 'fetch/timeout'],
    ['/huge', 'fetch/too-large'],
    ['/loop-a', 'fetch/too-many-redirects'],
    ['/broken.xml', 'feed/malformed'],
  ])('given %s, then the poll fails with %s, counted, with a one-minute backoff', async (path, code) => {
    const source = await add(path);
    const outcome = failed(await pollSource(deps, source));
    expect(outcome.error.code).toBe(code);
    expect(await reload(source)).toMatchObject({ errorCount: 1, failingSince: now.toISOString(), nextAttemptAt: new Date(now.getTime() + 60_000).toISOString() });
    expect(await pollSource(deps, await reload(source))).toEqual({ status: 'skipped', reason: 'backing-off' });
  });

  it('given a 429 with Retry-After 120, then the next attempt waits 120 s, longer than the first backoff', async () => {
    const source = await add('/busy');
    expect(failed(await pollSource(deps, source)).error.code).toBe('fetch/rate-limited');
    expect((await reload(source)).nextAttemptAt).toBe(new Date(now.getTime() + 120_000).toISOString());
  });

  it('given a 429 asking to wait for ages, then the wait is capped at one day and nothing throws', async () => {
    const source = await add('/forever');
    expect(failed(await pollSource(deps, source)).error.code).toBe('fetch/rate-limited');
    expect((await reload(source)).nextAttemptAt).toBe(new Date(now.getTime() + 86_400_000).toISOString());
  });

  it('given a source removed while it is being polled, then the poll reports a failure instead of throwing', async () => {
    const source = await add('/busy');
    await store.sources.remove(WS, source.name);
    expect((await pollSource(deps, source)).status).toBe('failed');
  });

  it('given 3 failures in a row, then backoff doubles and the source is paused with the reason; a paused source is not fetched', async () => {
    const source = await add('/flaky.xml');
    failures = 0;
    failed(await pollSource(deps, source));
    now = new Date(now.getTime() + 61_000);
    expect(failed(await pollSource(deps, await reload(source))).nextAttemptAt).toBe(new Date(now.getTime() + 120_000).toISOString());
    now = new Date(now.getTime() + 121_000);
    const third = failed(await pollSource(deps, await reload(source)));
    expect(third.paused).toBe(true);
    expect((await reload(source)).pausedReason).toMatch(/paused after 3 failures in a row; last: HTTP 503/u);
    expect(await pollSource(deps, await reload(source), { force: true })).toEqual({ status: 'skipped', reason: 'paused' });
    expect(failures).toBe(3);
  });
});
