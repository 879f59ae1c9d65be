/**
 * Runs digests on their schedules: one node-cron task per digest (its own
 * time zone), each tick with its own catch, plus a catch-up at start-up that
 * delivers, once and marked late, the runs missed while the bot was down
 * within the grace window. A digest's runs are delivered one after another:
 * a tick that falls due while the previous run is still being delivered, or
 * that node-cron reports as missed (event loop busy past its tolerance),
 * waits its turn instead of being dropped.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { toDigestError } from '../errors.ts';
import type { Clock, Logger } from '../ports.ts';
import type { DeliveryLedger } from '../store/port.ts';
import type { DeliveryOutcome, RunKey } from './deliver-run.ts';
import { isRepeatedWallTime, runsBetween, runTimeOf, type ScheduleSpec } from './runs.ts';

export interface ScheduledDigest extends ScheduleSpec {
  channels: string[];
}

export interface SchedulerDeps {
  ledger: DeliveryLedger;
  clock: Clock;
  logger: Logger;
  /** Delivers one run to one channel (deliverRun with its dependencies bound). */
  deliver(run: RunKey): Promise<DeliveryOutcome>;
  /** How far back missed runs are still posted after a restart. @defaultValue 6 hours */
  graceMs?: number;
  /**
   * The earliest time a missed run can be from: when the bot was last seen running. Runs before it were
   * not missed (the bot did not exist yet, or the schedule is new). @defaultValue no bound besides the grace window
   */
  missedSince?: Date | null;
}

export interface Scheduler {
  /** Catches up on missed runs (unless told not to), then starts the cron tasks. Returns the number of late runs posted. */
  start(options?: { catchUp?: boolean }): Promise<number>;
  /** Delivers missed runs within the grace window; returns how many were posted. */
  catchUp(): Promise<number>;
  stop(): Promise<void>;
}

export const DEFAULT_GRACE_MS = 6 * 60 * 60 * 1000;
/** A run delivered more than this after its time is marked late. */
const LATE_AFTER_MS = 60_000;

export function createScheduler(deps: SchedulerDeps, digests: ScheduledDigest[]): Scheduler {
  const tasks: ScheduledTask[] = [];
  const graceMs = deps.graceMs ?? DEFAULT_GRACE_MS;

  /** Runs being delivered by this process, so a tick and the catch-up never post the same run at once. */
  const inFlight = new Set<string>();

  async function deliverOnce(digest: ScheduledDigest, scheduledFor: Date, channel: string, late: boolean): Promise<boolean> {
    const key = `${digest.digest}|${scheduledFor.toISOString()}|${channel}`;
    if (inFlight.has(key)) return false;
    if (deps.ledger.get(digest.digest, scheduledFor.toISOString(), channel)?.status === 'posted') return false;
    inFlight.add(key);
    try {
      return (await deps.deliver({ digest: digest.digest, scheduledFor, channel, late })) === 'posted';
    } finally {
      inFlight.delete(key);
    }
  }

  async function runAll(digest: ScheduledDigest, scheduledFor: Date, late: boolean, channels = digest.channels): Promise<number> {
    let posted = 0;
    for (const channel of channels) if (await deliverOnce(digest, scheduledFor, channel, late)) posted++;
    return posted;
  }

  /** Per digest, the tail of its queue of ticks. */
  const queues = new Map<string, Promise<void>>();

  function enqueue(digest: ScheduledDigest, date: Date): Promise<void> {
    const next = (queues.get(digest.digest) ?? Promise.resolve()).then(() => tick(digest, date));
    queues.set(digest.digest, next);
    return next;
  }

  async function tick(digest: ScheduledDigest, date: Date): Promise<void> {
    try {
      const scheduledFor = runTimeOf(digest.cron, date);
      if (isRepeatedWallTime(scheduledFor, digest.timezone)) return;
      const late = deps.clock.now().getTime() - scheduledFor.getTime() > LATE_AFTER_MS;
      await runAll(digest, scheduledFor, late);
    } catch (err) {
      const error = toDigestError(err);
      deps.logger.error('scheduled run failed', { digest: digest.digest, code: error.code, err: error.message });
    }
  }

  /** Runs to post late: those missed while down, plus any claimed or failed run in the grace window (crash or outage). */
  function dueRuns(digest: ScheduledDigest, now: Date): { scheduledFor: Date; channels: string[] }[] {
    const windowStart = now.getTime() - graceMs;
    const from = Math.max(windowStart, deps.missedSince?.getTime() ?? -Infinity);
    const runs = new Map<number, Set<string>>();
    for (const at of runsBetween(digest, new Date(from), now)) runs.set(at.getTime(), new Set(digest.channels));
    for (const row of deps.ledger.since(digest.digest, new Date(windowStart).toISOString())) {
      if (row.status === 'posted' || !digest.channels.includes(row.channel)) continue;
      const at = Date.parse(row.scheduledFor);
      runs.set(at, (runs.get(at) ?? new Set()).add(row.channel));
    }
    return [...runs.entries()].sort((a, b) => a[0] - b[0]).map(([at, channels]) => ({ scheduledFor: new Date(at), channels: [...channels] }));
  }

  async function catchUp(): Promise<number> {
    const now = deps.clock.now();
    let posted = 0;
    for (const digest of digests) {
      for (const { scheduledFor, channels } of dueRuns(digest, now)) {
        try {
          posted += await runAll(digest, scheduledFor, now.getTime() - scheduledFor.getTime() > LATE_AFTER_MS, channels);
        } catch (err) {
          const error = toDigestError(err);
          deps.logger.error('catch-up run failed', { digest: digest.digest, code: error.code, err: error.message });
        }
      }
    }
    if (posted > 0) deps.logger.info('missed runs posted late', { posted });
    return posted;
  }

  return {
    async start(options = {}) {
      // Tasks first, so a run falling due during a long catch-up is not missed (inFlight keeps them apart).
      for (const digest of digests) {
        const task = cron.schedule(digest.cron, (ctx) => enqueue(digest, ctx.date), { timezone: digest.timezone, name: `digest:${digest.digest}` });
        task.on('execution:missed', (ctx) => {
          deps.logger.warn('scheduled run fired late', { digest: digest.digest, scheduledFor: ctx.date.toISOString() });
          void enqueue(digest, ctx.date);
        });
        tasks.push(task);
      }
      return options.catchUp === false ? 0 : catchUp();
    },
    catchUp,
    async stop() {
      for (const task of tasks.splice(0)) await task.destroy();
    },
  };
}
