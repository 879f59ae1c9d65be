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

/** What both displays show: done/total, percent, moving rate and ETA, and the current item's label. */
class ProgressState {
  done = 0;
  label = '';

  constructor(readonly title: string, readonly total: number, readonly rate: MovingRate) {}

  percent(): number {
    return this.total === 0 ? 100 : Math.floor((this.done * 100) / this.total);
  }

  eta(): string {
    const perSecond = this.rate.perSecond();
    if (this.done >= this.total) return formatDuration(0);
    return perSecond === null || perSecond <= 0 ? '--:--' : formatDuration((this.total - this.done) / perSecond);
  }

  counts(): string {
    return `${String(this.done)}/${String(this.total)}`;
  }
}

/** One way of showing the state: started once, told of every update (at time `t`), finished once. */
interface Display {
  update(t: number): void;
  finish(elapsed: string): void;
}

/** The terminal display: one line redrawn with '\r', cut to the width, at most one redraw per `minRedrawMs`. */
function terminalDisplay(stream: ProgressStream, state: ProgressState, now: () => number, minRedrawMs: number): Display {
  let lastDraw = Number.NEGATIVE_INFINITY;
  let drawnWidth = 0;
  const line = (): string => {
    const filled = state.total === 0 ? BAR_WIDTH : Math.min(BAR_WIDTH, Math.floor((state.done * BAR_WIDTH) / state.total));
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
    const fixed = `${state.title} ${bar} ${state.counts()} ${String(state.percent()).padStart(3)}% ${formatRate(state.rate.perSecond())} ETA ${state.eta()}`;
    // One column is left free: writing into the last one makes some terminals wrap.
    const width = Math.max(10, (stream.columns ?? 80) - 1);
    const room = width - fixed.length - 1;
    return room >= 4 && state.label !== '' ? `${fixed} ${truncate(state.label, room)}` : truncate(fixed, width);
  };
  const draw = (): void => {
    const text = line();
    stream.write(`\r${text}${' '.repeat(Math.max(0, drawnWidth - text.length))}`);
    drawnWidth = text.length;
    lastDraw = now();
  };
  draw();
  return {
    update(t) {
      if (t - lastDraw >= minRedrawMs) draw();
    },
    finish(elapsed) {
      state.label = `done in ${elapsed}`;
      draw();
      stream.write('\n');
    },
  };
}

/** The plain display: a line per tenth of the way, or every `everyMs` while something moves; never two within `minGapMs`. */
function plainDisplay(
  stream: ProgressStream, state: ProgressState, now: () => number, timing: { startedAt: number; everyMs: number; minGapMs: number },
): Display {
  let lastAt = timing.startedAt;
  let lastTenth = 0;
  let lastDone = 0;
  stream.write(`${state.title}: ${state.counts()}\n`);
  return {
    update(t) {
      if (t - lastAt < timing.minGapMs) return;
      if (Math.floor(state.percent() / 10) > lastTenth || (t - lastAt >= timing.everyMs && state.done > lastDone)) {
        stream.write(`${state.title}: ${state.counts()} (${String(state.percent())}%) ${formatRate(state.rate.perSecond())} ETA ${state.eta()}\n`);
        lastAt = now();
        lastDone = state.done;
        lastTenth = Math.floor(state.percent() / 10);
      }
    },
    finish(elapsed) {
      stream.write(`${state.title}: ${state.counts()} (${String(state.percent())}%) done in ${elapsed}\n`);
    },
  };
}

/** Starts a progress display for `total` items on `stream`. */
export function createProgress(options: ProgressOptions): Progress {
  const { stream } = options;
  const now = options.now ?? (() => performance.now());
  const state = new ProgressState(options.title, Math.max(0, options.total), new MovingRate(options.rateWindowMs ?? 10_000, options.minRateSpanMs ?? 1000));
  const startedAt = now();
  state.rate.add(startedAt, 0);
  const display = stream.isTTY === true
    ? terminalDisplay(stream, state, now, options.minRedrawMs ?? 100)
    : plainDisplay(stream, state, now, { startedAt, everyMs: options.plainEveryMs ?? 10_000, minGapMs: options.plainMinGapMs ?? 1000 });
  let finished = false;
  return {
    update(value, itemLabel) {
      if (finished) return;
      state.done = Math.min(state.total, Math.max(0, value));
      if (itemLabel !== undefined) state.label = itemLabel;
      const t = now();
      state.rate.add(t, state.done);
      if (state.done < state.total) display.update(t);
    },
    finish() {
      if (finished) return;
      finished = true;
      display.finish(formatDuration((now() - startedAt) / 1000));
    },
  };
}
