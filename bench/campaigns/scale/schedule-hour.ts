/**
 * Part (c) of the scale campaign: the real bot (createBot, node-cron
 * scheduler, delivery ledger in SQLite, buildDigest over a folder source) with
 * `digests` digests due every minute, run for `minutes` simulated minutes in a
 * child process whose clock and timers run `factor` times faster (time-warp.ts).
 * It reports the RSS after a full GC once the first run is posted (start) and
 * at the end, and checks that every run was posted exactly once.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createBot, openSqliteStore, readFolderSource, silentLogger } from '../../../src/index.ts';
import { digestDefinitionSchema } from '../../../src/digests/definition.ts';
import { installTimeWarp } from './time-warp.ts';

export interface ScheduleHourOptions {
  digests: number;
  minutes: number;
  /** Simulated seconds per real second. */
  factor: number;
}

export interface ScheduleHourResult extends ScheduleHourOptions {
  /** Runs due (digests × minutes). */
  expectedRuns: number;
  posted: number;
  /** Runs posted more than once, and runs never posted (both must be 0). */
  duplicates: number;
  misses: number;
  /** The first ten runs never posted (`time|channel`), to tell which were lost. */
  missedRuns: string[];
  /** The first counted run time (the first minute boundary after the bot started). */
  firstRunAt: string;
  /** RSS after GC once the first minute's runs were posted, and after the last, in MiB. */
  rssStartMiB: number;
  rssEndMiB: number;
  /** RSS after GC every 10 simulated minutes. */
  rssTrendMiB: number[];
  /** Heap used after GC, start and end, in MiB. */
  heapStartMiB: number;
  heapEndMiB: number;
  realMs: number;
}

const mib = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

function gcNow(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with node --expose-gc');
  gc();
  gc();
}

/** Runs part (c) in this process (time warped!): only call it in a child process. */
async function runInThisProcess(options: ScheduleHourOptions): Promise<ScheduleHourResult> {
  const start = new Date('2026-12-07T09:00:15.000Z');
  // Modules are loaded before the warp (loading takes real time); node-cron reads `Date` and `setTimeout` at each call.
  installTimeWarp(options.factor, start);
  const dir = mkdtempSync(join(tmpdir(), 'scale-sched-'));
  const store = openSqliteStore(join(dir, 'bot.db'));
  const samples = resolve(fileURLToPath(new URL('../../../digests/samples', import.meta.url)));
  const files = Array.from({ length: options.digests }, (_, i) => ({
    dir: samples,
    def: digestDefinitionSchema.parse({
      name: `every-minute-${i}`, title: `Every minute ${i}`, language: 'en', workspace: 'console:local',
      sources: [{ type: 'folder', name: 'samples', path: samples }],
      schedule: { cron: '* * * * *', timezone: i % 2 === 0 ? 'UTC' : 'Europe/Berlin' }, channels: [`console:ch${i}`],
    }),
  }));
  const posts = new Map<string, number>();
  const realStart = performance.now();
  const bot = createBot({
    store, http: { get: () => Promise.reject(new Error('no HTTP in the schedule campaign')) }, clock: { now: () => new Date() },
    logger: silentLogger, graceMs: 0, files, readFolder: (source) => readFolderSource(source.path),
    policy: { pollIntervalMs: 15 * 60_000, pauseAfterFailures: 5, newSourceItems: 3 }, pollTickMs: 0,
  });
  bot.addPublisher('console', {
    publish(channel, _message, key) {
      posts.set(key, (posts.get(key) ?? 0) + 1);
      return Promise.resolve({ ref: `${channel}:${posts.size}` });
    },
  });
  await bot.start();
  // The first run counted is the first minute boundary after the tasks are running.
  const firstMinute = Math.ceil((Date.now() + 1) / 60_000) * 60_000;
  const minuteStart = (k: number): number => firstMinute + k * 60_000;
  // Only runs from the first counted minute on count towards the wait: a start-up slower than the rest of
  // its minute lets that minute's runs post before `firstMinute`, and counting them ended the wait one
  // minute's posts early, before the last counted minute was posted (50 "misses" on a loaded machine).
  const countedPosts = (): number => [...posts.keys()].filter((key) => Date.parse(key.split('|')[1] ?? '') >= firstMinute).length;
  const waitUntil = async (simulatedMs: number, postsAtLeast: number): Promise<void> => {
    while (Date.now() < simulatedMs || countedPosts() < postsAtLeast) {
      await new Promise((r) => setTimeout(r, 1_000));
      if (Date.now() > simulatedMs + 10 * 60_000) break;
    }
  };
  // Warm-up: the first minute's runs load the engine and fill the digest cache.
  await waitUntil(minuteStart(0) + 30_000, options.digests);
  gcNow();
  const first = process.memoryUsage();
  const trend: number[] = [mib(first.rss)];
  for (let m = 10; m < options.minutes; m += 10) {
    await waitUntil(minuteStart(m) + 30_000, options.digests * (m + 1));
    gcNow();
    trend.push(mib(process.memoryUsage().rss));
  }
  await waitUntil(minuteStart(options.minutes - 1) + 30_000, options.digests * options.minutes);
  await bot.stop();
  gcNow();
  const last = process.memoryUsage();
  trend.push(mib(last.rss));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  let duplicates = 0;
  let misses = 0;
  const byRun = new Map<string, number>();
  for (const [key, count] of posts) {
    const [, at, channel] = key.split('|');
    byRun.set(`${at ?? ''}|${channel ?? ''}`, (byRun.get(`${at ?? ''}|${channel ?? ''}`) ?? 0) + count);
  }
  const missedRuns: string[] = [];
  for (let m = 0; m < options.minutes; m++) {
    for (let i = 0; i < options.digests; i++) {
      const run = `${new Date(minuteStart(m)).toISOString()}|console:ch${String(i)}`;
      const count = byRun.get(run) ?? 0;
      if (count === 0) {
        misses++;
        missedRuns.push(run);
      }
      if (count > 1) duplicates += count - 1;
    }
  }
  return {
    ...options, expectedRuns: options.digests * options.minutes, posted: [...posts.values()].reduce((a, b) => a + b, 0), duplicates, misses,
    missedRuns: missedRuns.slice(0, 10), firstRunAt: new Date(firstMinute).toISOString(),
    rssStartMiB: mib(first.rss), rssEndMiB: mib(last.rss), rssTrendMiB: trend, heapStartMiB: mib(first.heapUsed), heapEndMiB: mib(last.heapUsed),
    realMs: Math.round(performance.now() - realStart),
  };
}

/** Runs part (c) in a child process (node --expose-gc with tsx) and returns its figures. */
export function runScheduleHour(options: ScheduleHourOptions): Promise<ScheduleHourResult> {
  const child = fork(fileURLToPath(import.meta.url), [JSON.stringify(options)], {
    execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolvePromise, reject) => {
    let result: ScheduleHourResult | null = null;
    child.on('message', (m) => {
      const msg = m as { result?: ScheduleHourResult; error?: string };
      if (msg.error !== undefined) reject(new Error(`schedule child failed: ${msg.error}`));
      else if (msg.result !== undefined) result = msg.result;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (result !== null) resolvePromise(result);
      else reject(new Error(`schedule child exited with code ${String(code)} without a result`));
    });
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href && process.send !== undefined) {
  const send = process.send.bind(process);
  try {
    const result = await runInThisProcess(JSON.parse(process.argv[2] ?? '{}') as ScheduleHourOptions);
    send({ result }, () => process.disconnect());
  } catch (err) {
    send({ error: err instanceof Error ? err.stack ?? err.message : String(err) }, () => process.disconnect());
  }
}
