/**
 * Compressed time for a whole process: after `installTimeWarp(factor)`, `Date`
 * and `Date.now()` run `factor` times faster than the wall clock (starting at
 * `start`), and `setTimeout`/`setInterval` delays shrink by the same factor.
 * node-cron reads the time through `new Date()` and waits with `setTimeout`,
 * so its tasks fire on every simulated minute while only a second passes.
 * Only for a child process that runs nothing else (schedule-child.ts).
 */

export function installTimeWarp(factor: number, start: Date): void {
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  const origin = realNow();
  const simulatedStart = start.getTime();
  const now = (): number => simulatedStart + Math.floor((realNow() - origin) * factor);
  class WarpedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [number]));
    }
    static override now(): number {
      return now();
    }
  }
  globalThis.Date = WarpedDate as DateConstructor;
  const realSetTimeout = globalThis.setTimeout;
  const realSetInterval = globalThis.setInterval;
  const shrink = (ms: unknown): number => Math.max(0, Math.floor((typeof ms === 'number' && Number.isFinite(ms) ? ms : 0) / factor));
  globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => realSetTimeout(fn, shrink(ms), ...rest)) as typeof setTimeout;
  globalThis.setInterval = ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => realSetInterval(fn, Math.max(1, shrink(ms)), ...rest)) as typeof setInterval;
}
