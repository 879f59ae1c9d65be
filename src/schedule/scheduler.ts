/**
 * Runs digests on their schedules: one node-cron task per digest (its own
 * time zone, no overlapping runs), each tick with its own catch, plus a
 * catch-up at start-up that delivers, once and marked late, the runs missed
 * while the bot was down within the grace window.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { toDigestError } from '../errors.ts';
import type { Clock, Logger } from '../ports.ts';
import type { DeliveryLedger } from '../store/port.ts';
import type { DeliveryOutcome, RunKey } from './deliver-run.ts';
import { floorToMinute, isRepeatedWallTime, runsBetween, type ScheduleSpec } from './runs.ts';

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

  async function runAll(digest: ScheduledDigest, scheduledFor: Date, late: boolean): Promise<number> {
    let posted = 0;
    for (const channel of digest.channels) {
      const existing = deps.ledger.get(digest.digest, scheduledFor.toISOString(), channel);
      if (existing?.status === 'posted') continue;
      const outcome = await deps.deliver({ digest: digest.digest, scheduledFor, channel, late });
      if (outcome === 'posted') posted++;
    }
    return posted;
  }

  async function tick(digest: ScheduledDigest, date: Date): Promise<void> {
    try {
      const scheduledFor = floorToMinute(date);
      if (isRepeatedWallTime(scheduledFor, digest.timezone)) return;
      const late = deps.clock.now().getTime() - scheduledFor.getTime() > LATE_AFTER_MS;
      await runAll(digest, scheduledFor, late);
    } catch (err) {
      const error = toDigestError(err);
      deps.logger.error('scheduled run failed', { digest: digest.digest, code: error.code, err: error.message });
    }
  }

  async function catchUp(): Promise<number> {
    const now = deps.clock.now();
    let posted = 0;
    for (const digest of digests) {
      const from = Math.max(now.getTime() - graceMs, deps.missedSince?.getTime() ?? -Infinity);
      for (const scheduledFor of runsBetween(digest, new Date(from), now)) {
        try {
          posted += await runAll(digest, scheduledFor, now.getTime() - scheduledFor.getTime() > LATE_AFTER_MS);
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
      const posted = options.catchUp === false ? 0 : await catchUp();
      for (const digest of digests) {
        tasks.push(cron.schedule(digest.cron, (ctx) => tick(digest, ctx.date), {
          timezone: digest.timezone, noOverlap: true, name: `digest:${digest.digest}`,
        }));
      }
      return posted;
    },
    catchUp,
    async stop() {
      for (const task of tasks.splice(0)) await task.destroy();
    },
  };
}
