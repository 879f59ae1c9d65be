/**
 * The scheduler's tick lanes: per digest, one delivery running and at most ONE tick waiting behind it. A
 * newer due tick replaces the waiting one; the ticks of one burst (node-cron reports every slot it missed at
 * once) are gathered before the first starts, so a burst posts only its newest slot. A tick node-cron
 * reports as missed is dropped when older than the grace window. Drops are counted and logged once per burst.
 */
import type { Clock, Logger } from '../ports.ts';

/** One digest's ticks: the delivery running, the one tick waiting, and drops not yet logged. */
interface Lane {
  running: boolean;
  waiting: Date | null;
  pumpQueued: boolean;
  stale: number;
  superseded: number;
}

export interface TickLanesDeps<D extends { digest: string }> {
  clock: Clock;
  logger: Logger;
  graceMs: number;
  isStopped(): boolean;
  /** Delivers one tick of a digest (never throws). */
  run(digest: D, date: Date): Promise<void>;
}

export interface TickLanes<D> {
  /** Takes a due tick: drops it when stale, else makes it the digest's one waiting tick (newest wins). */
  offer(digest: D, date: Date, missed: boolean): void;
  /** Drops every waiting tick (at stop), logging each. */
  dropWaiting(): void;
}

export function createTickLanes<D extends { digest: string }>(deps: TickLanesDeps<D>): TickLanes<D> {
  const lanes = new Map<string, Lane>();
  const laneOf = (digest: D): Lane => {
    let lane = lanes.get(digest.digest);
    if (lane === undefined) {
      lane = { running: false, waiting: null, pumpQueued: false, stale: 0, superseded: 0 };
      lanes.set(digest.digest, lane);
    }
    return lane;
  };

  function reportDrops(digest: D, lane: Lane): void {
    if (lane.stale === 0 && lane.superseded === 0) return;
    deps.logger.warn('scheduled ticks dropped', {
      digest: digest.digest, olderThanGrace: lane.stale, replacedByNewer: lane.superseded, graceMs: deps.graceMs,
    });
    lane.stale = 0;
    lane.superseded = 0;
  }

  async function pump(digest: D, lane: Lane): Promise<void> {
    lane.running = true;
    try {
      while (!deps.isStopped() && lane.waiting !== null) {
        const date = lane.waiting;
        lane.waiting = null;
        await deps.run(digest, date);
      }
    } finally {
      lane.running = false;
    }
  }

  return {
    offer(digest, date, missed) {
      if (deps.isStopped()) return;
      const lane = laneOf(digest);
      if (missed && deps.clock.now().getTime() - date.getTime() > deps.graceMs) lane.stale++;
      else if (lane.waiting === null) lane.waiting = date;
      else {
        lane.superseded++;
        if (date.getTime() > lane.waiting.getTime()) lane.waiting = date;
      }
      if (lane.pumpQueued) return;
      lane.pumpQueued = true;
      // After the current burst of synchronous reports, so the burst is gathered into one waiting tick first.
      queueMicrotask(() => {
        lane.pumpQueued = false;
        reportDrops(digest, lane);
        if (!lane.running) void pump(digest, lane);
      });
    },
    dropWaiting() {
      for (const [digest, lane] of lanes) {
        if (lane.waiting === null) continue;
        lane.waiting = null;
        deps.logger.info('waiting tick dropped at stop', { digest });
      }
    },
  };
}
