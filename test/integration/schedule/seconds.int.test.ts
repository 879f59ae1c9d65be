/**
 * Six-field cron expressions (a leading seconds field, which digest
 * definitions accept) against the real node-cron and a real SQLite ledger:
 * each matching second is its own run (not folded into its minute), catch-up
 * finds the same run times, a run still being delivered when the next falls
 * due delays that run (one tick waits; a newer one replaces it), and a burst
 * of ticks node-cron reports as missed (event loop blocked past its
 * tolerance) is delivered as its newest tick, not dropped altogether.
 * Found by the crash campaign (bench/campaigns/crash.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessagePublisher } from '../../../src/messages/model.ts';
import { silentLogger, type Clock } from '../../../src/ports.ts';
import { deliverRun } from '../../../src/schedule/deliver-run.ts';
import { runsBetween, runTimeOf } from '../../../src/schedule/runs.ts';
import { createScheduler, type ScheduledDigest } from '../../../src/schedule/scheduler.ts';
import type { Store } from '../../../src/store/port.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';

const EVERY_2S: ScheduledDigest = { digest: 'fast', cron: '*/2 * * * * *', timezone: 'Europe/Berlin', channels: ['console:main'] };
const clock: Clock = { now: () => new Date() };
const T0 = '2026-11-20T12:00:00.000Z';
const at = (s: number): string => new Date(Date.parse(T0) + s * 1000).toISOString();

let dir: string;
let store: Store;
let keys: string[];

function scheduler(buildMs: number): ReturnType<typeof createScheduler> {
  const publisher: MessagePublisher = {
    publish(_channel, _message, key) {
      keys.push(key);
      return Promise.resolve({ ref: `m${String(keys.length)}` });
    },
  };
  const deps = {
    ledger: store.ledger, publisher, clock, logger: silentLogger, sleep: () => Promise.resolve(),
    buildMessage: () => new Promise<{ title: string; sections: [] }>((r) => setTimeout(() => r({ title: 'fast', sections: [] }), buildMs)),
  };
  return createScheduler({ ledger: store.ledger, clock, logger: silentLogger, deliver: (run) => deliverRun(deps, run) }, [EVERY_2S]);
}

const posted = async (): Promise<string[]> => (await store.ledger.since('fast', '2000-01-01T00:00:00.000Z')).filter((d) => d.status === 'posted').map((d) => d.scheduledFor);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'digestbot-seconds-'));
  store = openSqliteStore(join(dir, 'bot.sqlite'));
  keys = [];
});

afterEach(async () => {
  vi.useRealTimers();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('six-field (seconds) schedules', () => {
  it('given "*/4 * * * * *", then runsBetween lists each matching second, honours the limit, and keys a tick by its second', () => {
    const runs = runsBetween({ cron: '*/4 * * * * *', timezone: 'UTC' }, new Date(T0), new Date(at(20))).map((d) => d.toISOString());
    expect(runs).toEqual([at(4), at(8), at(12), at(16), at(20)]);
    expect(runsBetween({ cron: '*/4 * * * * *', timezone: 'UTC' }, new Date(T0), new Date(at(20)), 2)).toHaveLength(2);
    expect(runsBetween({ cron: '30 7 * * *', timezone: 'UTC' }, new Date('2026-11-20T00:00:00Z'), new Date('2026-11-21T00:00:00Z')).map((d) => d.toISOString()))
      .toEqual(['2026-11-20T07:30:00.000Z']);
    expect(runTimeOf('*/4 * * * * *', new Date('2026-11-20T12:00:04.250Z')).toISOString()).toBe(at(4));
    expect(runTimeOf('* * * * *', new Date('2026-11-20T12:00:04.250Z')).toISOString()).toBe(T0);
  });

  it('given deliveries slower than the 2 s interval, then runs are posted one after another, each once, a newer tick replacing the waiting one', async () => {
    vi.useFakeTimers({ now: new Date(T0) });
    const s = scheduler(3000);
    await s.start({ catchUp: false });
    await vi.advanceTimersByTimeAsync(21_000);
    const stopping = s.stop(); // waits for the delivery in flight (its build is on the fake timers)
    await vi.advanceTimersByTimeAsync(60_000); // nothing waiting is delivered after stop
    await stopping;
    const due = runsBetween(EVERY_2S, new Date(T0), new Date(at(20))).map((d) => d.toISOString());
    const got = await posted();
    // 3 s per delivery over ~19 s of ticks: about six runs; the rest were replaced while waiting.
    expect(got.length).toBeGreaterThanOrEqual(5);
    expect(got.length).toBeLessThan(due.length);
    expect(got.every((t) => due.includes(t))).toBe(true);
    expect(got[0]).toBe(at(2));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('given the clock jumping 9 s past due ticks (a blocked event loop), then the newest reported tick is posted, the older ones dropped', async () => {
    vi.useFakeTimers({ now: new Date(T0) });
    const s = scheduler(10);
    await s.start({ catchUp: false });
    await vi.advanceTimersByTimeAsync(2500);
    vi.setSystemTime(new Date(Date.parse(T0) + 11_500)); // 12:00:02.5 → 12:00:11.5 with no timer firing in between
    await vi.advanceTimersByTimeAsync(2000); // node-cron's next beat (due for 12:00:04) now finds 4…12 s missed
    await s.stop();
    await vi.advanceTimersByTimeAsync(1000);
    const got = await posted();
    expect(got[0]).toBe(at(2));
    expect(got).toContain(at(12)); // the newest due tick of the burst
    expect(got.length).toBeLessThanOrEqual(3); // the run before the jump, at most one in flight and one waiting
    expect(new Set(keys).size).toBe(keys.length);
  });
});
