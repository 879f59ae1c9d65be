/**
 * The scheduler against the real node-cron on fake timers, with an in-memory
 * ledger: a tick whose beat comes a little late because the event loop was
 * busy (what lost 3 of 3,000 runs in the scale campaign, whose bot runs with a
 * grace window of 0) is delivered, not dropped.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../src/ports.ts';
import type { DeliveryOutcome, RunKey } from '../../../src/schedule/deliver-run.ts';
import { createScheduler, type ScheduledDigest } from '../../../src/schedule/scheduler.ts';
import type { DeliveryLedger } from '../../../src/store/port.ts';

const EVERY_MINUTE: ScheduledDigest = { digest: 'minutely', cron: '* * * * *', timezone: 'UTC', channels: ['console:a'] };
const T0 = Date.parse('2026-11-20T12:00:30.000Z');

/** A ledger that knows nothing (every run is new): the scheduler only asks it whether a run was posted. */
const emptyLedger = { get: () => undefined, since: () => [] } as unknown as DeliveryLedger;

function harness(graceMs: number) {
  const delivered: RunKey[] = [];
  const warnings: { msg: string; meta: Record<string, unknown> | undefined }[] = [];
  const logger: Logger = { debug() {}, info() {}, error() {}, warn: (msg, meta) => { warnings.push({ msg, meta }); } };
  const scheduler = createScheduler({
    ledger: emptyLedger, clock: { now: () => new Date() }, logger, graceMs,
    deliver(run): Promise<DeliveryOutcome> {
      delivered.push(run);
      return Promise.resolve('posted');
    },
  }, [EVERY_MINUTE]);
  return { scheduler, delivered, warnings };
}

/**
 * Lets node-cron's beat for `slot` fire `lateMs` after it: the clock runs to one second before the slot, then
 * jumps by `lateMs` with no timer firing on the way (an event loop blocked by GC or other work), then the
 * pending beat (one second away on the timer queue) fires.
 */
async function beatLate(slot: number, lateMs: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(slot - 1_000 - Date.now());
  vi.setSystemTime(new Date(slot - 1_000 + lateMs));
  await vi.advanceTimersByTimeAsync(1_010);
}
const at = (hhmm: string): number => Date.parse(`2026-11-20T${hhmm}:00.000Z`);

afterEach(() => {
  vi.useRealTimers();
});

describe('createScheduler under a busy event loop', () => {
  it('given a beat 2.5 s late and a grace window of 0, then the run is delivered once, on time, and nothing is counted as dropped', async () => {
    vi.useFakeTimers({ now: new Date(T0) });
    const { scheduler, delivered, warnings } = harness(0);
    await scheduler.start({ catchUp: false });
    await beatLate(at('12:01'), 2_500);
    await scheduler.stop();
    expect(delivered.map((r) => r.scheduledFor.toISOString())).toEqual(['2026-11-20T12:01:00.000Z']);
    expect(delivered[0]?.late).toBe(false);
    expect(warnings.filter((w) => w.msg === 'scheduled ticks dropped')).toEqual([]);
  });

  it('given every beat of ten minutes 0.5 to 45.5 s late, then each of the ten runs is delivered exactly once', async () => {
    vi.useFakeTimers({ now: new Date(T0) });
    const { scheduler, delivered } = harness(0);
    await scheduler.start({ catchUp: false });
    for (let minute = 1; minute <= 10; minute++) await beatLate(at('12:00') + minute * 60_000, minute * 5_000 - 4_500); // 0.5 … 45.5 s late
    await scheduler.stop();
    const times = delivered.map((r) => r.scheduledFor.toISOString());
    expect(times).toHaveLength(10);
    expect(new Set(times).size).toBe(10);
    expect(times[9]).toBe('2026-11-20T12:10:00.000Z');
  });

  it('given a beat later than the next slot (a real stall) and a grace window of 0, then the older slot is dropped and counted', async () => {
    vi.useFakeTimers({ now: new Date(T0) });
    const { scheduler, delivered, warnings } = harness(0);
    await scheduler.start({ catchUp: false });
    await beatLate(at('12:01'), 60_500); // 12:01 and 12:02 both passed when the beat comes
    await scheduler.stop();
    expect(delivered.map((r) => r.scheduledFor.toISOString())).toEqual(['2026-11-20T12:02:00.000Z']);
    expect(warnings.find((w) => w.msg === 'scheduled ticks dropped')?.meta?.olderThanGrace).toBe(1);
  });
});
