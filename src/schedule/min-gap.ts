/**
 * The shortest time between a schedule's runs, over its next runs in its own time zone (the same node-cron
 * matching the scheduler uses), for refusing schedules set from chat that would post too often.
 */
import { MAX_WINDOW_MS, runsBetween, type ScheduleSpec } from './runs.ts';

/** How many runs the gap is checked over (within the week runsBetween walks). */
const MAX_RUNS = 200;

/** The next runs after `from` (at most 200, within 7 days) and the shortest gap between two of them in minutes (null with fewer than two runs). */
export function shortestGap(spec: Pick<ScheduleSpec, 'cron' | 'timezone'>, from: Date): { runs: Date[]; minutes: number | null } {
  const runs = runsBetween(spec, from, new Date(from.getTime() + MAX_WINDOW_MS), MAX_RUNS);
  let shortest: number | null = null;
  for (let i = 1; i < runs.length; i++) {
    const gap = ((runs[i]?.getTime() ?? 0) - (runs[i - 1]?.getTime() ?? 0)) / 60_000;
    if (shortest === null || gap < shortest) shortest = gap;
  }
  return { runs, minutes: shortest };
}
