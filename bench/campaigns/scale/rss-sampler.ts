/** Samples this process's resident set size on a timer and keeps the peak. */

export interface RssSampler {
  /** Highest RSS seen so far, in MiB (one decimal). */
  peakMiB(): number;
  /** `process.memoryUsage()` in MiB at the sample with the highest RSS: what the peak was made of. */
  atPeak(): Record<string, number>;
  stop(): number;
}

/** Starts sampling `process.memoryUsage().rss` every `everyMs`. @param everyMs - @defaultValue 50 */
export function sampleRss(everyMs = 50): RssSampler {
  let breakdown = process.memoryUsage();
  let peak = breakdown.rss;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    if (now.rss > peak) {
      peak = now.rss;
      breakdown = now;
    }
  }, everyMs);
  const peakMiB = (): number => Math.round((Math.max(peak, process.memoryUsage().rss) / 1024 / 1024) * 10) / 10;
  return {
    peakMiB,
    atPeak: () => Object.fromEntries(Object.entries(breakdown).map(([k, v]) => [k, Math.round((v / 1024 / 1024) * 10) / 10])),
    stop() {
      clearInterval(timer);
      return peakMiB();
    },
  };
}

/** RSS in MiB after a full collection (needs node --expose-gc; without it, no collection). */
export function rssAfterGcMiB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) {
    gc();
    gc();
  }
  return Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10;
}
