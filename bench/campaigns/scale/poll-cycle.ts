/**
 * Part (a) of the scale campaign: `sources` feeds on the local feed server
 * (a child process), all added to one workspace in a real SQLite store, then
 * polled by the real bot (`createBot(...).pollDue()`, i.e. pollSource with the
 * guarded HTTP client) in two cycles: the first (cold: every feed new, its
 * items stored and digested) and, one poll interval later on the fake clock,
 * the second (steady state: conditional GETs answered 304, one new item on the
 * growing feeds, failing hosts retried). Host names `sN.feeds.test` resolve to
 * 127.0.0.1 through the client's injected `lookup`, and 127.0.0.1 is
 * allow-listed, so the per-host limit applies per source as in production.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBot, createConfiguredDigester, loadConfig, openSqliteStore, silentLogger, type Store } from '../../../src/index.ts';
import type { BotMetrics, FetchFinished } from '../../../src/metrics.ts';
import { createHttpClient } from '../../../src/sources/http/client.ts';
import { EXPECTED_CODE, hostOf, ITEMS_PER_FEED, kindOf, type SourceKind } from './feed-mix.ts';
import { startFeedServerProcess } from './feed-server.ts';
import { sampleRss } from './rss-sampler.ts';

export interface PollScaleOptions {
  sources: number;
  /** Sources polled at once (POLL_CONCURRENCY). */
  concurrency: number;
  seed: number;
  /** Fetch timeout (FETCH_TIMEOUT_MS); the `hang` hosts answer later than this. */
  timeoutMs: number;
  /** Delay of the `slow` hosts. */
  slowMs: number;
}

export interface CycleFigures {
  wallMs: number;
  /** CPU time (user + system) of the bot process during the cycle: wall time well above it means waiting (I/O, or a busy machine). */
  cpuMs: number;
  /** Peak RSS of the bot process (this one; the feed server is a child process) during the cycle, MiB. */
  peakRssMiB: number;
  /** process.memoryUsage() at the peak, MiB. */
  memoryAtPeak: Record<string, number>;
  fetches: number;
  ok: number;
  notModified: number;
  /** Failed fetches by error code. */
  errors: Record<string, number>;
  /** Articles in the store after the cycle. */
  articles: number;
  /** Articles with a digest after the cycle. */
  digested: number;
}

export interface PollScaleResult {
  sources: number;
  concurrency: number;
  served: Record<SourceKind, number>;
  /** Failures expected from the served mix, by error code (each failing host fails every cycle). */
  expectedErrors: Record<string, number>;
  first: CycleFigures;
  second: CycleFigures;
  /** Good feeds whose items are not all in the store after the second cycle (must be 0). */
  feedsMissingItems: number;
  /** Sources whose state after the second cycle disagrees with their kind (must be 0). */
  sourcesInWrongState: number;
}

class CountingMetrics implements BotMetrics {
  fetches: FetchFinished[] = [];
  fetchFinished(event: FetchFinished): void {
    this.fetches.push({ ...event });
  }
  digestPosted(): void {}
  deliveryFailed(): void {}
  commandFinished(): void {}
}

async function countArticles(store: Store, sourceIds: readonly number[]): Promise<{ articles: number; digested: number; perSource: Map<number, number> }> {
  const perSource = new Map<number, number>();
  let articles = 0;
  let digested = 0;
  for (const id of sourceIds) {
    const list = await store.articles.recent('scale:ws', '1970-01-01T00:00:00.000Z', 1000, [id]);
    perSource.set(id, list.length);
    articles += list.length;
    digested += list.filter((a) => a.digestHash !== null).length;
  }
  return { articles, digested, perSource };
}

/** Runs part (a); see the module comment. */
export async function runPollScale(options: PollScaleOptions): Promise<PollScaleResult> {
  const server = await startFeedServerProcess({ seed: options.seed, slowMs: options.slowMs, hangMs: options.timeoutMs + 2_000 });
  const dir = mkdtempSync(join(tmpdir(), 'scale-poll-'));
  const store = openSqliteStore(join(dir, 'bot.db'));
  // The production digester (worker pool with its defaults), as the runtime wires it.
  const digester = createConfiguredDigester(loadConfig({}).digest, silentLogger);
  try {
    let now = Date.parse('2026-12-07T08:00:00.000Z');
    const clock = { now: () => new Date(now) };
    const http = createHttpClient({
      totalTimeoutMs: options.timeoutMs,
      connectTimeoutMs: Math.min(5_000, options.timeoutMs),
      allowPrivateHosts: ['127.0.0.1'],
      lookup: (hostname) => (hostname.endsWith('.feeds.test')
        ? Promise.resolve([{ address: '127.0.0.1', family: 4 }])
        : Promise.reject(Object.assign(new Error(`no such host ${hostname}`), { code: 'ENOTFOUND' }))),
    });
    const metrics = new CountingMetrics();
    const pollIntervalMs = 15 * 60_000;
    const bot = createBot({
      store, http, clock, logger: silentLogger, metrics, digester, graceMs: 0, files: [], readFolder: () => Promise.resolve([]),
      policy: { pollIntervalMs, pauseAfterFailures: 5, newSourceItems: ITEMS_PER_FEED },
      pollTickMs: 0, pollConcurrency: options.concurrency,
    });
    await store.workspaces.upsert({ id: 'scale:ws', name: 'scale' }, clock.now().toISOString());
    const served = Object.fromEntries(Object.keys(EXPECTED_CODE).map((k) => [k, 0])) as Record<SourceKind, number>;
    const expectedErrors: Record<string, number> = {};
    const kinds = new Map<number, SourceKind>();
    for (let n = 0; n < options.sources; n++) {
      const kind = kindOf(n, options.seed);
      served[kind]++;
      const code = EXPECTED_CODE[kind];
      if (code !== null) expectedErrors[code] = (expectedErrors[code] ?? 0) + 1;
      const port = server.ports[n % server.ports.length] ?? 0;
      const record = await store.sources.add({ workspaceId: 'scale:ws', name: `source ${n}`, url: `http://${hostOf(n)}:${port}/feed`, type: 'rss', addedBy: 'scale' }, clock.now().toISOString());
      kinds.set(record.id, kind);
    }
    const cycle = async (): Promise<CycleFigures> => {
      metrics.fetches = [];
      const rss = sampleRss(50);
      const started = performance.now();
      const cpu = process.cpuUsage();
      await bot.pollDue();
      const wallMs = Math.round(performance.now() - started);
      const used = process.cpuUsage(cpu);
      const cpuMs = Math.round((used.user + used.system) / 1000);
      const peakRssMiB = rss.stop();
      const memoryAtPeak = rss.atPeak();
      const errors: Record<string, number> = {};
      for (const f of metrics.fetches) if (f.outcome === 'error') errors[f.code ?? 'unknown'] = (errors[f.code ?? 'unknown'] ?? 0) + 1;
      const counted = await countArticles(store, [...kinds.keys()]);
      return {
        wallMs, cpuMs, peakRssMiB, memoryAtPeak, fetches: metrics.fetches.length,
        ok: metrics.fetches.filter((f) => f.outcome === 'ok').length,
        notModified: metrics.fetches.filter((f) => f.outcome === 'not-modified').length,
        errors, articles: counted.articles, digested: counted.digested,
      };
    };
    const first = await cycle();
    now += pollIntervalMs + 60_000;
    const second = await cycle();
    const { perSource } = await countArticles(store, [...kinds.keys()]);
    let feedsMissingItems = 0;
    let sourcesInWrongState = 0;
    for (const source of await store.sources.all()) {
      const kind = kinds.get(source.id);
      if (kind === undefined) continue;
      const failing = EXPECTED_CODE[kind] !== null;
      if (failing !== (source.errorCount === 2) || failing === (source.lastSuccessAt !== null)) sourcesInWrongState++;
      const want = failing ? 0 : kind === 'rss-growing' ? ITEMS_PER_FEED + 1 : ITEMS_PER_FEED;
      if (!failing && (perSource.get(source.id) ?? 0) !== want) feedsMissingItems++;
    }
    return { sources: options.sources, concurrency: options.concurrency, served, expectedErrors, first, second, feedsMissingItems, sourcesInWrongState };
  } finally {
    await digester.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
}
