/**
 * A progress display for long CLI jobs, without dependencies. On a terminal
 * (`stream.isTTY`) it is one line redrawn with '\r': bar, done/total, percent,
 * rate, ETA and the current item, cut to the terminal width, at most ten
 * redraws a second, ended with a newline. Elsewhere (pipes, log files) it
 * writes plain lines, one per tenth of the way (at most one a second) or every `plainEveryMs`, with
 * no '\r' and no escape codes, so logs stay readable.
 */

/** The part of a writable stream the display uses. */
export interface ProgressStream {
  write(chunk: string): boolean;
  /** True on a terminal. @defaultValue false */
  isTTY?: boolean;
  /** Terminal width in characters. @defaultValue 80 */
  columns?: number;
}

export interface ProgressOptions {
  stream: ProgressStream;
  /** What is being done, shown first on every line. */
  title: string;
  total: number;
  /** Milliseconds since some fixed point. @defaultValue performance.now */
  now?: () => number;
  /** Least time between two redraws of the terminal line. @defaultValue 100 (≤ 10 redraws/s) */
  minRedrawMs?: number;
  /** Plain mode: a line at least this often while something moves. @defaultValue 10000 */
  plainEveryMs?: number;
  /** Plain mode: least time between two lines, so a fast job logs only its start and end. @defaultValue 1000 */
  plainMinGapMs?: number;
  /** Time window of the moving rate. @defaultValue 10000 */
  rateWindowMs?: number;
  /** The rate (and so the ETA) is shown once the window spans this long. @defaultValue 1000 */
  minRateSpanMs?: number;
}

export interface Progress {
  /** Sets how many are done, with the item just handled. */
  update(done: number, label?: string): void;
  /** Ends the display: the final state and a newline (terminal), or a last line (plain). Idempotent. */
  finish(): void;
}

const BAR_WIDTH = 20;

/** Seconds as mm:ss, or h:mm:ss from one hour on. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return hh > 0 ? `${String(hh)}:${two(mm)}:${two(ss)}` : `${two(mm)}:${two(ss)}`;
}

/** Items per second, with one decimal below 100. */
export function formatRate(perSecond: number | null): string {
  if (perSecond === null) return '--/s';
  return perSecond >= 100 ? `${String(Math.round(perSecond))}/s` : `${perSecond.toFixed(1)}/s`;
}

/** Cuts text to `width` characters, ending with '…' when cut. */
export function truncate(text: string, width: number): string {
  const chars = [...text.replace(/\p{Cc}+/gu, ' ')];
  if (chars.length <= width) return chars.join('');
  return width <= 1 ? chars.slice(0, Math.max(0, width)).join('') : `${chars.slice(0, width - 1).join('')}…`;
}

/** Rate over a moving window of (time, done) samples. */
class MovingRate {
  private readonly samples: { t: number; done: number }[] = [];

  constructor(private readonly windowMs: number, private readonly minSpanMs: number) {}

  add(t: number, done: number): void {
    const last = this.samples[this.samples.length - 1];
    // Samples closer than 100 ms are merged, so a fast job keeps about a hundred per window.
    if (last !== undefined && this.samples.length >= 2 && t - (this.samples[this.samples.length - 2]?.t ?? t) < 100) {
      last.t = t;
      last.done = done;
    } else {
      this.samples.push({ t, done });
    }
    // Keep one sample older than the window, so the span covers the whole window.
    while (this.samples.length > 2 && (this.samples[1]?.t ?? t) <= t - this.windowMs) this.samples.shift();
  }

  /** Items per second, or null before the samples span `minSpanMs`. */
  perSecond(): number | null {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (first === undefined || last === undefined || last.t - first.t < this.minSpanMs) return null;
    return ((last.done - first.done) * 1000) / (last.t - first.t);
  }
}

/** Starts a progress display for `total` items on `stream`. */
export function createProgress(options: ProgressOptions): Progress {
  const { stream, title } = options;
  const total = Math.max(0, options.total);
  const now = options.now ?? (() => performance.now());
  const tty = stream.isTTY === true;
  const minRedrawMs = options.minRedrawMs ?? 100;
  const plainEveryMs = options.plainEveryMs ?? 10_000;
  const plainMinGapMs = options.plainMinGapMs ?? 1000;
  const rate = new MovingRate(options.rateWindowMs ?? 10_000, options.minRateSpanMs ?? 1000);
  const startedAt = now();
  rate.add(startedAt, 0);
  let done = 0;
  let label = '';
  let finished = false;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let drawnWidth = 0;
  let lastPlainAt = startedAt;
  let lastPlainTenth = 0;
  let lastPlainDone = 0;

  const percent = (): number => (total === 0 ? 100 : Math.floor((done * 100) / total));
  const eta = (): string => {
    const perSecond = rate.perSecond();
    if (done >= total) return formatDuration(0);
    return perSecond === null || perSecond <= 0 ? '--:--' : formatDuration((total - done) / perSecond);
  };
  const counts = (): string => `${String(done)}/${String(total)}`;

  const ttyLine = (): string => {
    const filled = total === 0 ? BAR_WIDTH : Math.min(BAR_WIDTH, Math.floor((done * BAR_WIDTH) / total));
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
    const fixed = `${title} ${bar} ${counts()} ${String(percent()).padStart(3)}% ${formatRate(rate.perSecond())} ETA ${eta()}`;
    // One column is left free: writing into the last one makes some terminals wrap.
    const width = Math.max(10, (stream.columns ?? 80) - 1);
    const room = width - fixed.length - 1;
    return room >= 4 && label !== '' ? `${fixed} ${truncate(label, room)}` : truncate(fixed, width);
  };
  const draw = (): void => {
    const line = ttyLine();
    const pad = ' '.repeat(Math.max(0, drawnWidth - line.length));
    stream.write(`\r${line}${pad}`);
    drawnWidth = line.length;
    lastDraw = now();
  };
  const plainLine = (): void => {
    stream.write(`${title}: ${counts()} (${String(percent())}%) ${formatRate(rate.perSecond())} ETA ${eta()}\n`);
    lastPlainAt = now();
    lastPlainDone = done;
    lastPlainTenth = Math.floor(percent() / 10);
  };

  if (tty) draw();
  else stream.write(`${title}: ${counts()}\n`);

  return {
    update(value, itemLabel) {
      if (finished) return;
      done = Math.min(total, Math.max(0, value));
      if (itemLabel !== undefined) label = itemLabel;
      const t = now();
      rate.add(t, done);
      if (done >= total) return;
      if (tty) {
        if (t - lastDraw >= minRedrawMs) draw();
      } else if (t - lastPlainAt >= plainMinGapMs
        && (Math.floor(percent() / 10) > lastPlainTenth || (t - lastPlainAt >= plainEveryMs && done > lastPlainDone))) {
        plainLine();
      }
    },
    finish() {
      if (finished) return;
      finished = true;
      const elapsed = formatDuration((now() - startedAt) / 1000);
      if (tty) {
        label = `done in ${elapsed}`;
        draw();
        stream.write('\n');
      } else {
        stream.write(`${title}: ${counts()} (${String(percent())}%) done in ${elapsed}\n`);
      }
    },
  };
}
