/** Samples this process's resident set size on a timer and keeps the peak. */

export interface RssSampler {
  /** Highest RSS seen so far, in MiB (one decimal). */
  peakMiB(): number;
  stop(): number;
}

/** Starts sampling `process.memoryUsage().rss` every `everyMs`. @param everyMs - @defaultValue 50 */
export function sampleRss(everyMs = 50): RssSampler {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  const peakMiB = (): number => Math.round((Math.max(peak, process.memoryUsage().rss) / 1024 / 1024) * 10) / 10;
  return {
    peakMiB,
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
