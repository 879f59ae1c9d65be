/**
 * Scheduling against a real SQLite ledger: the Berlin morning digest fires
 * at 07:30 local time on both sides of the DST changes (fake timers driving
 * the real node-cron), missed runs are posted once and marked late after a
 * restart, a repeated wall-clock time counts once, and failed posts are
 * retried with backoff.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DigestError } from '../../../src/errors.ts';
import type { Message, MessagePublisher } from '../../../src/messages/model.ts';
import { silentLogger, type Clock } from '../../../src/ports.ts';
import { deliverRun, type RunKey } from '../../../src/schedule/deliver-run.ts';
import { runsBetween } from '../../../src/schedule/runs.ts';
import { createScheduler, type ScheduledDigest } from '../../../src/schedule/scheduler.ts';
import type { Store } from '../../../src/store/port.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';

const MORNING: ScheduledDigest = { digest: 'morning', cron: '30 7 * * 1-5', timezone: 'Europe/Berlin', channels: ['console:main'] };
const clock: Clock = { now: () => new Date() };

class RecordingPublisher implements MessagePublisher {
  readonly posts: { channel: string; key: string; title: string }[] = [];
  failuresLeft = 0;

  publish(channel: string, message: Message, key: string): Promise<{ ref: string | null }> {
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      return Promise.reject(new DigestError('publish/failed', 'platform said 503'));
    }
    this.posts.push({ channel, key, title: message.title });
    return Promise.resolve({ ref: `m${String(this.posts.length)}` });
  }
}

let dir: string;
let store: Store;
let publisher: RecordingPublisher;
const sleeps: number[] = [];

function deps(): Parameters<typeof deliverRun>[0] {
  return {
    ledger: store.ledger, publisher, clock, logger: silentLogger,
    buildMessage: (run: RunKey) => Promise.resolve({ title: `${run.digest} ${run.late ? '(late)' : ''}`.trim(), sections: [] }),
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    retry: { attempts: 3, baseDelayMs: 1000 },
  };
}

function scheduler(graceMs?: number, missedSince?: Date): ReturnType<typeof createScheduler> {
  const d = deps();
  return createScheduler({
    ledger: store.ledger, clock, logger: silentLogger, deliver: (run) => deliverRun(d, run),
    ...(graceMs === undefined ? {} : { graceMs }), ...(missedSince === undefined ? {} : { missedSince }),
  }, [MORNING]);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'digestbot-sched-'));
  store = openSqliteStore(join(dir, 'bot.sqlite'));
  publisher = new RecordingPublisher();
  sleeps.length = 0;
});

afterEach(async () => {
  vi.useRealTimers();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const postedTimes = async (): Promise<string[]> => (await store.ledger.since('morning', '2000-01-01T00:00:00.000Z')).filter((d) => d.status === 'posted').map((d) => d.scheduledFor);

describe('scheduler', () => {
  it('given the spring DST change in Berlin, then the weekday digest fires at 07:30 local before and after it', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-26T14:00:00Z') }); // after the grace window of Thursday's run
    const s = scheduler();
    await s.start();
    await vi.advanceTimersByTimeAsync(5 * 24 * 60 * 60 * 1000);
    await s.stop();
    // Fri 27 Mar 07:30 CET = 06:30Z; Mon 30 and Tue 31 Mar 07:30 CEST = 05:30Z; no weekend runs.
    expect(await postedTimes()).toEqual(['2026-03-27T06:30:00.000Z', '2026-03-30T05:30:00.000Z', '2026-03-31T05:30:00.000Z']);
  });

  it('given the autumn DST change in Berlin, then the weekday digest fires at 07:30 local before and after it', async () => {
    vi.useFakeTimers({ now: new Date('2026-10-22T12:00:00Z') });
    const s = scheduler();
    await s.start();
    await vi.advanceTimersByTimeAsync(5 * 24 * 60 * 60 * 1000);
    await s.stop();
    expect(await postedTimes()).toEqual(['2026-10-23T05:30:00.000Z', '2026-10-26T06:30:00.000Z', '2026-10-27T06:30:00.000Z']);
  });

  it('given a run missed while the bot was down, then it is posted once, marked late, and not again on the next start', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-20T09:00:00Z') }); // Fri 10:00 Berlin, 07:30 run was 06:30Z
    expect(await scheduler().catchUp()).toBe(1);
    expect(await scheduler().catchUp()).toBe(0);
    expect(publisher.posts.map((p) => p.title)).toEqual(['morning (late)']);
    expect(await store.ledger.get('morning', '2026-11-20T06:30:00.000Z', 'console:main')).toMatchObject({ status: 'posted', late: true });
  });

  it('given downtime longer than the grace window, then the old run is not posted', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-20T16:00:00Z') });
    expect(await scheduler(6 * 60 * 60 * 1000).catchUp()).toBe(0);
    expect(publisher.posts).toEqual([]);
  });

  it('given a post that fails twice, then it is retried with doubling backoff and posted once', async () => {
    publisher.failuresLeft = 2;
    const outcome = await deliverRun(deps(), { digest: 'morning', scheduledFor: new Date('2026-11-20T06:30:00Z'), channel: 'console:main', late: false });
    expect({ outcome, sleeps, posts: publisher.posts.length }).toEqual({ outcome: 'posted', sleeps: [1000, 2000], posts: 1 });
  });

  it('given a post that always fails, then the run is recorded as failed and posted by the next catch-up', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-20T07:00:00Z') });
    publisher.failuresLeft = 3;
    expect(await scheduler().catchUp()).toBe(0);
    expect((await store.ledger.get('morning', '2026-11-20T06:30:00.000Z', 'console:main'))?.status).toBe('failed');
    expect(await scheduler().catchUp()).toBe(1);
    expect(publisher.posts).toHaveLength(1);
  });

  it('given a run that failed or was cut off before the bot was last seen alive, then catch-up still posts it once within the grace window', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-20T08:00:00Z') });
    await store.ledger.claim('morning', '2026-11-20T06:30:00.000Z', 'console:main', '2026-11-20T06:30:01.000Z', false);
    // Alive at 07:55: the 06:30 run is not "missed while down", but its claim was never completed.
    expect(await scheduler(undefined, new Date('2026-11-20T07:55:00Z')).catchUp()).toBe(1);
    expect(await scheduler(undefined, new Date('2026-11-20T07:55:00Z')).catchUp()).toBe(0);
    expect(publisher.posts).toHaveLength(1);
  });

  it('given a run before the bot was last alive and never claimed, then it is not posted', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-20T08:00:00Z') });
    expect(await scheduler(undefined, new Date('2026-11-20T07:55:00Z')).catchUp()).toBe(0);
    expect(publisher.posts).toHaveLength(0);
  });

  it('given a daily 02:30 run on the night the clocks go back, then the repeated 02:30 counts once', () => {
    const runs = runsBetween({ digest: 'night', cron: '30 2 * * *', timezone: 'Europe/Berlin' }, new Date('2026-10-24T12:00:00Z'), new Date('2026-10-25T12:00:00Z'));
    expect(runs.map((d) => d.toISOString())).toEqual(['2026-10-25T00:30:00.000Z']);
  });

  it('given a daily 02:30 run on the night the clocks go forward, then the missing 02:30 is skipped', () => {
    const runs = runsBetween({ digest: 'night', cron: '30 2 * * *', timezone: 'Europe/Berlin' }, new Date('2026-03-28T12:00:00Z'), new Date('2026-03-30T12:00:00Z'));
    expect(runs.map((d) => d.toISOString())).toEqual(['2026-03-30T00:30:00.000Z']);
  });
});
