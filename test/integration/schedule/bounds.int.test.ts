/**
 * The scheduler's bounds against the real node-cron (fake timers) and a real
 * SQLite ledger: a burst of ticks node-cron reports as missed (a suspend or a
 * clock jump) posts at most one tick in flight plus one waiting, missed ticks
 * older than the grace window are dropped and counted in a warn line,
 * catch-up posts at most `maxLateRuns` runs per digest and channel, and
 * after `stop()` a waiting tick is not delivered while `stop()` itself
 * resolves only once the delivery in flight has settled.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../src/ports.ts';
import type { DeliveryOutcome, RunKey } from '../../../src/schedule/deliver-run.ts';
import { createScheduler, type ScheduledDigest, type SchedulerDeps } from '../../../src/schedule/scheduler.ts';
import type { Store } from '../../../src/store/port.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';

const EVERY_SECOND: ScheduledDigest = { digest: 'tick', cron: '* * * * * *', timezone: 'UTC', channels: ['console:a', 'console:b'] };
const T0 = Date.parse('2026-11-20T12:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();

let dir: string;
let store: Store;
let delivered: RunKey[];
let warnings: { msg: string; meta: Record<string, unknown> | undefined }[];
/** When set, each delivery waits for this gate before it finishes. */
let gate: Promise<void> | null;

const logger: Logger = { debug() {}, info() {}, error() {}, warn: (msg, meta) => { warnings.push({ msg, meta }); } };

function scheduler(extra: Partial<SchedulerDeps> = {}, digest = EVERY_SECOND): ReturnType<typeof createScheduler> {
  return createScheduler({
    ledger: store.ledger, clock: { now: () => new Date() }, logger,
    async deliver(run): Promise<DeliveryOutcome> {
      delivered.push(run);
      await store.ledger.claim(run.digest, run.scheduledFor.toISOString(), run.channel, new Date().toISOString(), run.late);
      if (gate !== null) await gate;
      await store.ledger.markPosted(run.digest, run.scheduledFor.toISOString(), run.channel, new Date().toISOString(), null);
      return 'posted';
    },
    ...extra,
  }, [digest]);
}

const runTimes = (): string[] => [...new Set(delivered.map((r) => r.scheduledFor.toISOString()))];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'digestbot-bounds-'));
  store = openSqliteStore(join(dir, 'bot.sqlite'));
  delivered = [];
  warnings = [];
  gate = null;
});

afterEach(async () => {
  vi.useRealTimers();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('scheduler bounds', () => {
  it('given a 100 s clock jump (100 ticks reported missed at once), then at most two of them are delivered, the newest among them', async () => {
    vi.useFakeTimers({ now: new Date(T0) });
    const s = scheduler();
    await s.start({ catchUp: false });
    await vi.advanceTimersByTimeAsync(1500); // the tick at T0+1 s is delivered normally
    const before = runTimes().length;
    vi.setSystemTime(new Date(T0 + 101_500));
    await vi.advanceTimersByTimeAsync(600); // node-cron's next beat finds T0+2 s … T0+101 s missed
    await s.stop();
    const after = runTimes().slice(before);
    expect(before).toBeGreaterThanOrEqual(1);
    expect(after.length).toBeGreaterThanOrEqual(1);
    expect(after.length).toBeLessThanOrEqual(2);
    expect(after).toContain(iso(T0 + 101_000));
    const dropped = warnings.find((w) => w.msg === 'scheduled ticks dropped');
    expect(Number(dropped?.meta?.replacedByNewer)).toBeGreaterThanOrEqual(95);
  });

  it('given ticks reported missed that are older than the grace window, then they are dropped and counted, only recent ones delivered', async () => {
    vi.useFakeTimers({ now: new Date(T0) });
    const s = scheduler({ graceMs: 10_000 });
    await s.start({ catchUp: false });
    await vi.advanceTimersByTimeAsync(1500);
    const before = delivered.length;
    vi.setSystemTime(new Date(T0 + 60_500));
    await vi.advanceTimersByTimeAsync(600);
    await s.stop();
    const late = delivered.slice(before);
    expect(late.length).toBeGreaterThan(0);
    for (const run of late) expect(T0 + 61_000 - run.scheduledFor.getTime()).toBeLessThanOrEqual(10_000);
    const dropped = warnings.find((w) => w.msg === 'scheduled ticks dropped');
    // Slots T0+2 s … T0+50 s are more than 10 s old at T0+60.5 s.
    expect(Number(dropped?.meta?.olderThanGrace)).toBeGreaterThanOrEqual(45);
  });

  it('given a catch-up over an hour of a once-a-second schedule, then only the newest maxLateRuns runs per channel are posted', async () => {
    vi.useFakeTimers({ now: new Date(T0 + 3_600_000) });
    const s = scheduler({ missedSince: new Date(T0), maxLateRuns: 2 });
    expect(await s.catchUp()).toBe(4);
    expect(runTimes()).toEqual([iso(T0 + 3_599_000), iso(T0 + 3_600_000)]);
    expect(warnings.find((w) => w.msg.startsWith('missed runs not posted'))?.meta?.leftOut).toBe(2 * (3600 - 2));
  });

  it('given a daily run missed while down, then the default limit still posts it once', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-20T09:00:00Z') });
    const daily: ScheduledDigest = { digest: 'daily', cron: '30 7 * * *', timezone: 'UTC', channels: ['console:a'] };
    expect(await scheduler({}, daily).catchUp()).toBe(1);
    expect(runTimes()).toEqual(['2026-11-20T07:30:00.000Z']);
  });

  it('given a tick waiting behind a delivery in flight, then stop() drops the waiting tick and resolves only after the one in flight', async () => {
    vi.useFakeTimers({ now: new Date(T0) });
    let open = (): void => undefined;
    gate = new Promise<void>((r) => { open = r; });
    const s = scheduler({}, { ...EVERY_SECOND, channels: ['console:a'] });
    await s.start({ catchUp: false });
    await vi.advanceTimersByTimeAsync(2500); // T0+1 s in flight (gated), T0+2 s waiting
    expect(runTimes()).toEqual([iso(T0 + 1000)]);
    let stopped = false;
    const stopping = s.stop().then(() => { stopped = true; });
    await vi.advanceTimersByTimeAsync(100);
    expect(stopped).toBe(false);
    open();
    await stopping;
    expect((await store.ledger.get('tick', iso(T0 + 1000), 'console:a'))?.status).toBe('posted');
    await vi.advanceTimersByTimeAsync(5000);
    expect(runTimes()).toEqual([iso(T0 + 1000)]);
  });

  it('given a delivery that never settles, then stop() gives up after stopTimeoutMs and names the run in a warning', async () => {
    vi.useFakeTimers({ now: new Date(T0) });
    gate = new Promise<void>(() => undefined);
    const s = scheduler({ stopTimeoutMs: 1000 }, { ...EVERY_SECOND, channels: ['console:a'] });
    await s.start({ catchUp: false });
    await vi.advanceTimersByTimeAsync(1500);
    let stopped = false;
    const stopping = s.stop().then(() => { stopped = true; });
    await vi.advanceTimersByTimeAsync(900);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    await stopping;
    expect(warnings.find((w) => w.msg.startsWith('deliveries still in flight'))?.meta?.runs).toEqual([`tick|${iso(T0 + 1000)}|console:a`]);
    expect((await store.ledger.get('tick', iso(T0 + 1000), 'console:a'))?.status).toBe('claimed');
  });

  it('given stop() during a catch-up, then the catch-up ends after the run in flight', async () => {
    vi.useFakeTimers({ now: new Date(T0 + 10_000) });
    let open = (): void => undefined;
    gate = new Promise<void>((r) => { open = r; });
    const s = scheduler({ missedSince: new Date(T0) });
    const catching = s.catchUp();
    await vi.advanceTimersByTimeAsync(10);
    const stopping = s.stop();
    open();
    await stopping;
    expect(await catching).toBe(1);
    expect(delivered).toHaveLength(1);
  });
});
