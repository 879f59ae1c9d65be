/**
 * When a schedule's runs fall: node-cron decides whether a minute matches
 * the cron expression in the schedule's time zone; this module walks the
 * minutes of a window for catch-up after downtime. A wall-clock time that
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

/** The run times of a schedule after `from` (exclusive) up to `to` (inclusive), oldest first. */
export function runsBetween(spec: Pick<ScheduleSpec, 'cron' | 'timezone'> & Partial<ScheduleSpec>, from: Date, to: Date): Date[] {
  const task = cron.createTask(spec.cron, () => undefined, { timezone: spec.timezone });
  try {
    const start = Math.max(from.getTime(), to.getTime() - MAX_WINDOW_MS);
    const out: Date[] = [];
    for (let t = floorToMinute(new Date(start)).getTime() + MINUTE; t <= to.getTime(); t += MINUTE) {
      const date = new Date(t);
      if (task.match(date) && !isRepeatedWallTime(date, spec.timezone)) out.push(date);
    }
    return out;
  } finally {
    void task.destroy();
  }
}

/** Whether node-cron accepts the expression. */
export function isValidCron(expr: string): boolean {
  return cron.validate(expr);
}
