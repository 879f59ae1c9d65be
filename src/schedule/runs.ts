/**
 * When a schedule's runs fall: node-cron decides whether a minute matches
 * the cron expression in the schedule's time zone; this module walks the
 * minutes of a window for catch-up after downtime (and, for six-field
 * expressions with a seconds field, the seconds of each matching minute,
 * so a run is keyed by its exact second). A wall-clock time that
 * occurs twice when the clocks go back (02:30 in late October in Berlin)
 * counts once: the second occurrence is skipped.
 */
import cron from 'node-cron';

/** A digest's schedule: cron expression in an IANA time zone. */
export interface ScheduleSpec {
  digest: string;
  cron: string;
  timezone: string;
}

const SECOND = 1000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Longest window walked minute by minute (catch-up never looks further back). */
export const MAX_WINDOW_MS = 7 * 24 * HOUR;

function wallClock(date: Date, timezone: string): string {
  return date.toLocaleString('sv-SE', { timeZone: timezone, hour12: false });
}

/** Whether `date` repeats the wall-clock time of one hour earlier (clocks went back). */
export function isRepeatedWallTime(date: Date, timezone: string): boolean {
  return wallClock(new Date(date.getTime() - HOUR), timezone) === wallClock(date, timezone);
}

/** Floors a date to its minute. */
export function floorToMinute(date: Date): Date {
  return new Date(Math.floor(date.getTime() / MINUTE) * MINUTE);
}

/** Whether the expression has node-cron's optional leading seconds field (six fields). */
export function hasSecondsField(expr: string): boolean {
  return expr.trim().split(/\s+/u).length === 6;
}

/** The run time a tick at `date` stands for: its second for six-field expressions, else its minute. */
export function runTimeOf(expr: string, date: Date): Date {
  return hasSecondsField(expr) ? new Date(Math.floor(date.getTime() / SECOND) * SECOND) : floorToMinute(date);
}

/**
 * The run times of a schedule after `from` (exclusive) up to `to` (inclusive), oldest first, at most `limit` of them.
 * Minutes are tested with the expression's minute-and-above fields; only a matching minute's seconds are tested.
 */
export function runsBetween(spec: Pick<ScheduleSpec, 'cron' | 'timezone'> & Partial<ScheduleSpec>, from: Date, to: Date, limit = Infinity): Date[] {
  const seconds = hasSecondsField(spec.cron);
  const full = cron.createTask(spec.cron, () => undefined, { timezone: spec.timezone });
  const minutes = seconds ? cron.createTask(spec.cron.trim().split(/\s+/u).slice(1).join(' '), () => undefined, { timezone: spec.timezone }) : full;
  try {
    const start = Math.max(from.getTime(), to.getTime() - MAX_WINDOW_MS);
    const out: Date[] = [];
    for (let m = floorToMinute(new Date(start)).getTime(); m <= to.getTime() && out.length < limit; m += MINUTE) {
      if (!minutes.match(new Date(m))) continue;
      for (let t = m; t < m + (seconds ? MINUTE : 1) && out.length < limit; t += SECOND) {
        const date = new Date(t);
        if (t > start && t <= to.getTime() && (minutes === full || full.match(date)) && !isRepeatedWallTime(date, spec.timezone)) out.push(date);
      }
    }
    return out;
  } finally {
    void full.destroy();
    if (minutes !== full) void minutes.destroy();
  }
}

/** Whether node-cron accepts the expression. */
export function isValidCron(expr: string): boolean {
  return cron.validate(expr);
}
