/**
 * The runs a catch-up posts late for one digest: those missed while the bot was down (since `missedSince`,
 * within the grace window), plus any claimed or failed run in the window (a crash or an outage); per channel
 * only the newest `maxLateRuns` of them, oldest first.
 */
import type { DeliveryLedger } from '../store/port.ts';
import { runsBetween, type ScheduleSpec } from './runs.ts';

export interface DueRunsOptions {
  ledger: DeliveryLedger;
  graceMs: number;
  maxLateRuns: number;
  /** When the bot was last seen running; null for no bound besides the grace window. */
  missedSince: Date | null;
}

export interface DueRuns {
  runs: { scheduledFor: Date; channels: string[] }[];
  /** Runs over the `maxLateRuns` limit, counted over all channels. */
  leftOut: number;
}

export async function dueRuns(digest: ScheduleSpec & { digest: string; channels: string[] }, now: Date, options: DueRunsOptions): Promise<DueRuns> {
  const windowStart = now.getTime() - options.graceMs;
  const from = Math.max(windowStart, options.missedSince?.getTime() ?? -Infinity);
  const perChannel = new Map<string, Set<number>>(digest.channels.map((c) => [c, new Set<number>()]));
  for (const at of runsBetween(digest, new Date(from), now)) for (const set of perChannel.values()) set.add(at.getTime());
  // Unfinished runs in the window are due again; deliverRun's claim skips those already posted.
  for (const row of await options.ledger.since(digest.digest, new Date(windowStart).toISOString())) {
    if (row.status !== 'posted') perChannel.get(row.channel)?.add(Date.parse(row.scheduledFor));
  }
  const runs = new Map<number, string[]>();
  let leftOut = 0;
  for (const [channel, times] of perChannel) {
    const newest = [...times].sort((a, b) => b - a);
    leftOut += Math.max(0, newest.length - options.maxLateRuns);
    for (const at of newest.slice(0, options.maxLateRuns)) runs.set(at, [...(runs.get(at) ?? []), channel]);
  }
  return { runs: [...runs.entries()].sort((a, b) => a[0] - b[0]).map(([at, channels]) => ({ scheduledFor: new Date(at), channels })), leftOut };
}
