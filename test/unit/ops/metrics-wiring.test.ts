/**
 * The core reports to the metrics port at its boundaries: a source fetch
 * (pollSource), a scheduled post and each failed attempt (deliverRun), and
 * each chat command (createBot's core.run). A recording fake stands in for
 * Prometheus; the store is SQLite in memory; HTTP is a hand-written client.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../../src/bot/create-bot.ts';
import { DigestError } from '../../../src/errors.ts';
import { countSourceStates, elapsedMs, noopMetrics, sourceState } from '../../../src/metrics.ts';
import { silentLogger, type Clock } from '../../../src/ports.ts';
import { deliverRun, type DeliverDeps, type RunKey } from '../../../src/schedule/deliver-run.ts';
import type { HttpClient, HttpResult } from '../../../src/sources/http/client.ts';
import { pollSource, type PollDeps } from '../../../src/polling/poll-source.ts';
import type { Delivery, DeliveryLedger, SourceRecord, Store } from '../../../src/store/port.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';
import { RecordingMetrics } from '../../fakes/recording-metrics.ts';

const RSS = (items: number): Uint8Array => Buffer.from(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${
  Array.from({ length: items }, (_, i) => `<item><title>Item ${String(i)}</title><guid>g${String(i)}</guid></item>`).join('')}</channel></rss>`);

/** A clock that moves only when told to. */
class StepClock implements Clock {
  constructor(private at: number) {}
  now(): Date {
    return new Date(this.at);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

/** An HttpClient whose next answers are scripted; each request "takes" `tookMs` on the clock. */
function scriptedHttp(clock: StepClock, tookMs: number, answers: (HttpResult | DigestError)[]): HttpClient {
  return {
    get() {
      clock.advance(tookMs);
      const next = answers.shift();
      if (next === undefined) throw new Error('no scripted answer left');
      return next instanceof DigestError ? Promise.reject(next) : Promise.resolve(next);
    },
  };
}

describe('metrics helpers', () => {
  it('given sources healthy, failing and paused, then each is counted in its one state', () => {
    const sources = [
      { pausedReason: null, errorCount: 0 }, { pausedReason: null, errorCount: 2 },
      { pausedReason: 'paused after 8 failures', errorCount: 8 }, { pausedReason: null, errorCount: 0 },
    ];
    expect(sources.map(sourceState)).toEqual(['ok', 'failing', 'paused', 'ok']);
    expect(countSourceStates(sources)).toEqual({ ok: 2, failing: 1, paused: 1 });
    expect(countSourceStates([])).toEqual({ ok: 0, failing: 0, paused: 0 });
  });

  it('given a clock that stepped back, then the elapsed time is 0, never negative', () => {
    const clock = new StepClock(10_000);
    expect(elapsedMs(clock, new Date(9_250))).toBe(750);
    expect(elapsedMs(clock, new Date(12_000))).toBe(0);
  });
});

describe('pollSource reports each fetch', () => {
  let store: Store;
  let clock: StepClock;
  let metrics: RecordingMetrics;
  let source: SourceRecord;
  const deps = (http: HttpClient): PollDeps => ({
    store, http, clock, logger: silentLogger, engineVersion: 't', metrics,
    policy: { pollIntervalMs: 60_000, pauseAfterFailures: 2, newSourceItems: 0 },
  });

  beforeEach(async () => {
    store = openSqliteStore(':memory:');
    clock = new StepClock(Date.parse('2026-11-24T07:00:00Z'));
    metrics = new RecordingMetrics();
    source = await store.sources.add({ workspaceId: 'console:local', name: 'Feed', url: 'http://feed.test/rss', type: 'rss', addedBy: 'u' }, clock.now().toISOString());
  });
  afterEach(() => store.close());

  it('given a feed, then 304, then an HTTP error and a rate limit, then each fetch is reported once with its time and outcome', async () => {
    const ok: HttpResult = { status: 'ok', url: source.url, bytes: RSS(2), contentType: 'application/rss+xml', etag: '"v1"', lastModified: null };
    const http = scriptedHttp(clock, 1500, [
      ok, { status: 'not-modified' },
      new DigestError('fetch/http-status', 'HTTP 500', { context: { status: 500 } }),
      new DigestError('fetch/rate-limited', 'HTTP 429'),
    ]);
    const reload = async (): Promise<SourceRecord> => await store.sources.get(source.id) ?? source;
    expect((await pollSource(deps(http), source)).status).toBe('ok');
    expect((await pollSource(deps(http), await reload(), { force: true })).status).toBe('not-modified');
    expect((await pollSource(deps(http), await reload(), { force: true })).status).toBe('failed');
    clock.advance(24 * 3600_000);
    expect(await pollSource(deps(http), await reload())).toMatchObject({ status: 'failed', paused: true });
    expect(metrics.events).toEqual([
      { event: 'fetch', sourceType: 'rss', durationMs: 1500, outcome: 'ok' },
      { event: 'fetch', sourceType: 'rss', durationMs: 1500, outcome: 'not-modified' },
      { event: 'fetch', sourceType: 'rss', durationMs: 1500, outcome: 'error', code: 'fetch/http-status' },
      { event: 'fetch', sourceType: 'rss', durationMs: 1500, outcome: 'error', code: 'fetch/rate-limited' },
    ]);
    // Paused: no fetch, so nothing to report.
    expect((await pollSource(deps(http), await reload(), { force: true })).status).toBe('skipped');
    expect(metrics.events).toHaveLength(4);
  });

  it('given a body that is not a feed, then the fetch is reported as an error with the reading error code', async () => {
    const http = scriptedHttp(clock, 20, [{ status: 'ok', url: source.url, bytes: Buffer.from([0, 1, 2, 3]), contentType: 'application/octet-stream', etag: null, lastModified: null }]);
    expect(await pollSource(deps(http), source)).toMatchObject({ status: 'failed', error: { code: 'fetch/unsupported-type' } });
    expect(metrics.of('fetch')).toEqual([{ event: 'fetch', sourceType: 'rss', durationMs: 20, outcome: 'error', code: 'fetch/unsupported-type' }]);
  });

  it('given no metrics in the deps, then polling works as before', async () => {
    const http = scriptedHttp(clock, 5, [{ status: 'ok', url: source.url, bytes: RSS(1), contentType: 'application/rss+xml', etag: null, lastModified: null }]);
    const { metrics: _unused, ...without } = deps(http);
    expect((await pollSource(without, source)).status).toBe('ok');
    expect(metrics.events).toEqual([]);
  });
});

/** A ledger in a Map: enough of the DeliveryLedger contract for deliverRun. */
function memoryLedger(): DeliveryLedger {
  const rows = new Map<string, Delivery>();
  const key = (d: string, s: string, c: string): string => `${d}|${s}|${c}`;
  const update = (d: string, s: string, c: string, patch: Partial<Delivery>): void => {
    const row = rows.get(key(d, s, c));
    if (row !== undefined) rows.set(key(d, s, c), { ...row, ...patch });
  };
  return {
    async claim(digest, scheduledFor, channel, at, late) {
      const existing = rows.get(key(digest, scheduledFor, channel));
      if (existing !== undefined) return existing;
      const row: Delivery = { digest, scheduledFor, channel, status: 'claimed', attempts: 0, late, messageRef: null, lastError: null, claimedAt: at, postedAt: null, messageJson: null };
      rows.set(key(digest, scheduledFor, channel), row);
      return row;
    },
    async storeMessage(d, s, c, messageJson) {
      const row = rows.get(key(d, s, c));
      if (row?.messageJson == null) update(d, s, c, { messageJson });
      return rows.get(key(d, s, c))?.messageJson ?? messageJson;
    },
    markPosted: async (d, s, c, at, messageRef) => update(d, s, c, { status: 'posted', postedAt: at, messageRef }),
    markFailed: async (d, s, c, _at, lastError) => update(d, s, c, { status: 'failed', lastError }),
    get: async (d, s, c) => rows.get(key(d, s, c)) ?? null,
    since: async (d) => [...rows.values()].filter((r) => r.digest === d),
  };
}

describe('deliverRun reports posts and failed attempts', () => {
  const run = (channel: string, late = false): RunKey => ({ digest: 'morning', scheduledFor: new Date('2026-11-24T06:30:00Z'), channel, late });

  function deliverDeps(metrics: RecordingMetrics, failures: DigestError[]): DeliverDeps {
    return {
      ledger: memoryLedger(), clock: new StepClock(0), logger: silentLogger, sleep: () => Promise.resolve(), metrics,
      retry: { attempts: 3, baseDelayMs: 1 },
      buildMessage: () => Promise.resolve({ title: 'Morning', sections: [] }),
      publisher: {
        publish() {
          const failure = failures.shift();
          return failure === undefined ? Promise.resolve({ ref: 'm1' }) : Promise.reject(failure);
        },
      },
    };
  }

  it('given a late run posted on the second attempt, then one retryable failure and one late post are reported', async () => {
    const metrics = new RecordingMetrics();
    const deps = deliverDeps(metrics, [new DigestError('publish/failed', 'HTTP 503')]);
    expect(await deliverRun(deps, run('slack:C1', true))).toBe('posted');
    expect(metrics.events).toEqual([
      { event: 'delivery-failed', platform: 'slack', kind: 'retryable', code: 'publish/failed' },
      { event: 'posted', platform: 'slack', late: true },
    ]);
    // A repeat of a posted run reports nothing new.
    expect(await deliverRun(deps, run('slack:C1', true))).toBe('already-posted');
    expect(metrics.events).toHaveLength(2);
  });

  it('given a channel that is gone, then one permanent failure is reported and nothing is retried', async () => {
    const metrics = new RecordingMetrics();
    const deps = deliverDeps(metrics, [new DigestError('publish/channel-missing', 'Unknown Channel'), new DigestError('publish/failed', 'never reached')]);
    expect(await deliverRun(deps, run('discord:gone'))).toBe('failed');
    expect(metrics.events).toEqual([{ event: 'delivery-failed', platform: 'discord', kind: 'permanent', code: 'publish/channel-missing' }]);
  });

  it('given every attempt failing, then each attempt is reported and no post', async () => {
    const metrics = new RecordingMetrics();
    const deps = deliverDeps(metrics, [1, 2, 3].map((n) => new DigestError('publish/failed', `HTTP 50${String(n)}`)));
    expect(await deliverRun(deps, run('console:main'))).toBe('failed');
    expect(metrics.of('delivery-failed').map((e) => e.kind)).toEqual(['retryable', 'retryable', 'retryable']);
    expect(metrics.of('posted')).toEqual([]);
  });

  it('given the no-op metrics, then delivery works as before', async () => {
    const deps = { ...deliverDeps(new RecordingMetrics(), []), metrics: noopMetrics };
    expect(await deliverRun(deps, run('console:main'))).toBe('posted');
  });
});

describe('core.run reports each command with a bounded name and its outcome', () => {
  let store: Store;
  let bot: Bot;
  let metrics: RecordingMetrics;
  const clock = new StepClock(Date.parse('2026-11-24T07:00:00Z'));
  const FEED_URL = 'http://feed.test/rss';
  const ask = (command: string, args: string[], isAdmin = true): Promise<unknown> =>
    bot.core.run({ workspaceId: 'console:local', userId: 'console:u', isAdmin, channelId: 'console:main', command, args });

  beforeEach(() => {
    store = openSqliteStore(':memory:');
    metrics = new RecordingMetrics();
    bot = createBot({
      store, clock, logger: silentLogger, metrics, graceMs: 0, pollTickMs: 0, files: [],
      http: {
        get(url) {
          // Every request takes 300 ms on the bot's clock.
          clock.advance(300);
          return url === FEED_URL
            ? Promise.resolve({ status: 'ok', url, bytes: RSS(3), contentType: 'application/rss+xml', etag: null, lastModified: null })
            : Promise.reject(new DigestError('fetch/network', 'offline'));
        },
      },
      policy: { pollIntervalMs: 60_000, pauseAfterFailures: 3, newSourceItems: 1 },
      readFolder: () => Promise.resolve([]),
    });
  });
  afterEach(async () => {
    await bot.stop();
    await store.close();
  });

  it('given ok, refused, invalid, failing and unknown commands, then each outcome is told apart', async () => {
    await ask('help', []);
    await ask('Sources', ['LIST']);
    await ask('sources', ['add', 'http://feed.test/rss'], false);
    await ask('sources', ['remove', 'nothing-by-that-name']);
    await ask('sources', ['frobnicate']);
    await ask('summarize', ['not a url']);
    await ask('drop table users; --', ['x']);
    expect(metrics.of('command').map(({ command, outcome }) => [command, outcome])).toEqual([
      ['help', 'ok'], ['sources list', 'ok'], ['sources add', 'refused'], ['sources remove', 'error'],
      ['sources', 'invalid'], ['summarize', 'invalid'], ['unknown', 'invalid'],
    ]);
    for (const e of metrics.of('command')) expect(e.durationMs).toBe(0);
  });

  it('given sources add, then the first poll of the new source is a reported fetch, inside the command\'s time', async () => {
    await ask('sources', ['add', FEED_URL]);
    // Two requests of 300 ms each: the preview (not a poll, not reported) and the first poll.
    expect(metrics.events).toEqual([
      { event: 'fetch', sourceType: 'rss', durationMs: 300, outcome: 'ok' },
      { event: 'command', command: 'sources add', durationMs: 600, outcome: 'ok' },
    ]);
    expect(await store.sources.all()).toHaveLength(1);
  });

  it('given start and stop, then isRunning follows', async () => {
    expect(bot.isRunning()).toBe(false);
    await bot.start();
    expect(bot.isRunning()).toBe(true);
    await bot.stop();
    expect(bot.isRunning()).toBe(false);
  });
});
