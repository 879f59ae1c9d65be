/**
 * Runs digests on their schedules (the waiting-tick lanes are in tick-lanes.ts,
 * the catch-up's run list in due-runs.ts): one node-cron task per digest (its own
 * time zone), each tick with its own catch, plus a catch-up at start-up that
 * delivers, marked late, runs missed while the bot was down within the
 * grace window.
 *
 * Bounds, so a suspended laptop, a stalled event loop or a clock jump never
 * turns into a flood of late posts:
 * - A digest delivers one tick at a time and keeps at most ONE tick waiting
 *   behind it. A newer due tick replaces the waiting one (the newer run is
 *   the one readers want; the replaced run was never claimed, so the ledger
 *   holds nothing for it and no catch-up posts it later). The ticks of one
 *   burst (node-cron reports every slot it missed at once) are gathered
 *   before the first starts, so a burst posts only its newest slot.
 * - A tick whose beat comes late because the event loop was busy (up to
 *   `LATE_AFTER_MS`, and before the next slot) is an ordinary tick, delivered
 *   late rather than dropped: node-cron's own tolerance (1 s) would report it
 *   as missed, and a missed tick older than a short grace window was lost.
 * - A tick node-cron reports as missed (its beat came after the next slot, or
 *   more than a minute late) is dropped when it is older than the grace
 *   window. Dropped ticks are counted and logged at warn, once per burst.
 * - Catch-up posts at most `maxLateRuns` (default 24) runs per digest and
 *   channel: the newest due ones in the grace window, so every missed run of
 *   a daily, hourly or quarter-hourly digest is still posted once; older
 *   ones are counted in a warn line and left unposted (a claimed or failed
 *   row stays as it is in the ledger; the next catch-up may reach it).
 *
 * `stop()` destroys the tasks, drops waiting ticks, ends a catch-up before
 * its next run and resolves once the deliveries in flight have settled
 * (or after `stopTimeoutMs`, a hung call being left like a crash: its claim
 * is caught up on the next start), so the caller may close the store and
 * digester afterwards.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { toDigestError } from '../errors.ts';
import type { Clock, Logger } from '../ports.ts';
import type { DeliveryLedger } from '../store/port.ts';
import type { DeliveryOutcome, RunKey } from './deliver-run.ts';
import { dueRuns } from './due-runs.ts';
import { isRepeatedWallTime, runTimeOf, type ScheduleSpec } from './runs.ts';
import { createTickLanes, type TickLanes } from './tick-lanes.ts';

export interface ScheduledDigest extends ScheduleSpec {
  channels: string[];
}

export interface SchedulerDeps {
  ledger: DeliveryLedger;
  clock: Clock;
  logger: Logger;
  /** Delivers one run to one channel (deliverRun with its dependencies bound). */
  deliver(run: RunKey): Promise<DeliveryOutcome>;
  /** How far back missed runs (after a restart, or reported missed by node-cron) are still posted. @defaultValue 6 hours */
  graceMs?: number;
  /**
   * The earliest time a missed run can be from: when the bot was last seen running. Runs before it were
   * not missed (the bot did not exist yet, or the schedule is new). @defaultValue no bound besides the grace window
   */
  missedSince?: Date | null;
  /**
   * Most runs per digest and channel one catch-up posts late (the newest due ones). The grace window already
   * bounds daily and hourly digests; this bounds the sub-quarter-hour ones. @defaultValue DEFAULT_MAX_LATE_RUNS (24)
   */
  maxLateRuns?: number;
  /**
   * How long `stop()` waits for deliveries in flight before giving up on them (a hung platform call). A run
   * given up on keeps its ledger claim, so the next start's catch-up posts it, as after a crash. @defaultValue 5000
   */
  stopTimeoutMs?: number;
}

export interface Scheduler {
  /** Catches up on missed runs (unless told not to), then starts the cron tasks. Returns the number of late runs posted. */
  start(options?: { catchUp?: boolean }): Promise<number>;
  /** Delivers missed runs within the grace window (at most `maxLateRuns` per digest and channel); returns how many were posted. */
  catchUp(): Promise<number>;
  /** Stops the tasks, drops waiting ticks and resolves once the deliveries in flight have settled (or `stopTimeoutMs` passed). */
  stop(): Promise<void>;
}

export const DEFAULT_GRACE_MS = 6 * 60 * 60 * 1000;
/** 24 late runs: every run of a quarter-hourly digest over the default 6-hour grace window, 24 instead of 21,600 for a per-second one. */
export const DEFAULT_MAX_LATE_RUNS = 24;
/** A run delivered more than this after its time is marked late. */
const LATE_AFTER_MS = 60_000;

/**
 * The node-cron task of a digest, offering its ticks to the lanes. A beat up to LATE_AFTER_MS late (a busy event
 * loop) is an ordinary tick; node-cron's own tolerance (1 s) would report it as missed.
 */
function cronTask(digest: ScheduledDigest, lanes: TickLanes<ScheduledDigest>): ScheduledTask {
  const task = cron.schedule(digest.cron, (ctx) => { lanes.offer(digest, ctx.date, false); }, {
    timezone: digest.timezone, name: `digest:${digest.digest}`, missedExecutionTolerance: LATE_AFTER_MS,
  });
  task.on('execution:missed', (ctx) => { lanes.offer(digest, ctx.date, true); });
  return task;
}

/** Whether the promises all settled within `ms` (false when the time ran out first). */
async function settledWithin(promises: Promise<unknown>[], ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const settled = Promise.allSettled(promises).then(() => true);
  const timedOut = new Promise<false>((r) => { timer = setTimeout(() => { r(false); }, ms); });
  const done = await Promise.race([settled, timedOut]);
  clearTimeout(timer);
  return done;
}

export function createScheduler(deps: SchedulerDeps, digests: ScheduledDigest[]): Scheduler {
  const tasks: ScheduledTask[] = [];
  const graceMs = deps.graceMs ?? DEFAULT_GRACE_MS;
  const maxLateRuns = Math.max(1, deps.maxLateRuns ?? DEFAULT_MAX_LATE_RUNS);
  let stopped = false;

  /** Runs being delivered by this process, so a tick and the catch-up never post the same run at once. */
  const inFlight = new Map<string, Promise<DeliveryOutcome>>();

  async function deliverOnce(digest: ScheduledDigest, scheduledFor: Date, channel: string, late: boolean): Promise<boolean> {
    const key = `${digest.digest}|${scheduledFor.toISOString()}|${channel}`;
    // Whether the run was posted already is deliverRun's decision (the ledger claim), not this one's.
    if (stopped || inFlight.has(key)) return false;
    const delivery = deps.deliver({ digest: digest.digest, scheduledFor, channel, late });
    inFlight.set(key, delivery);
    try {
      // A queued run (its post is a job) counts as delivered here: the job posts it.
      const outcome = await delivery;
      return outcome === 'posted' || outcome === 'queued';
    } finally {
      inFlight.delete(key);
    }
  }

  async function runAll(digest: ScheduledDigest, scheduledFor: Date, late: boolean, channels = digest.channels): Promise<number> {
    let posted = 0;
    for (const channel of channels) if (await deliverOnce(digest, scheduledFor, channel, late)) posted++;
    return posted;
  }

  const lanes = createTickLanes<ScheduledDigest>({
    clock: deps.clock, logger: deps.logger, graceMs, isStopped: () => stopped, run: (digest, date) => tick(digest, date),
  });

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

  async function catchUp(): Promise<number> {
    const now = deps.clock.now();
    let posted = 0;
    for (const digest of digests) {
      const { runs, leftOut } = await dueRuns(digest, now, { ledger: deps.ledger, graceMs, maxLateRuns, missedSince: deps.missedSince ?? null });
      if (leftOut > 0) deps.logger.warn('missed runs not posted (over the late-run limit)', { digest: digest.digest, leftOut, maxLateRuns });
      for (const { scheduledFor, channels } of runs) {
        if (stopped) return posted;
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
      for (const digest of digests) tasks.push(cronTask(digest, lanes));
      return options.catchUp === false ? 0 : catchUp();
    },
    catchUp,
    async stop() {
      stopped = true;
      for (const task of tasks.splice(0)) await task.destroy();
      lanes.dropWaiting();
      if (inFlight.size === 0) return;
      if (!await settledWithin([...inFlight.values()], deps.stopTimeoutMs ?? 5000)) deps.logger.warn('deliveries still in flight at stop, left to the next catch-up', { runs: [...inFlight.keys()] });
    },
  };
}
