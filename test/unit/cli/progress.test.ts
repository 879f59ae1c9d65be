import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, formatRate, truncate, type ProgressStream } from '../../../adapters/cli/progress.ts';

/** A stream that records what is written, with a settable TTY flag and width. */
function fakeStream(isTTY: boolean, columns?: number): ProgressStream & { out: string } {
  const stream = {
    out: '',
    isTTY,
    write(chunk: string): boolean {
      stream.out += chunk;
      return true;
    },
    ...(columns === undefined ? {} : { columns }),
  };
  return stream;
}

/** A clock the test moves by hand (milliseconds). */
function fakeClock(): { now: () => number; set: (ms: number) => void } {
  let t = 0;
  return { now: () => t, set: (ms) => { t = ms; } };
}

/** The lines a TTY display drew, in order ('\r' starts each). */
const frames = (out: string): string[] => out.split('\r').filter((f) => f !== '');

describe('formatting helpers', () => {
  it('given seconds, then mm:ss below an hour and h:mm:ss from an hour on', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(59.6)).toBe('01:00');
    expect(formatDuration(605)).toBe('10:05');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(36_000)).toBe('10:00:00');
  });

  it('given a rate, then one decimal below 100/s, whole numbers above, "--/s" without one', () => {
    expect(formatRate(null)).toBe('--/s');
    expect(formatRate(2.345)).toBe('2.3/s');
    expect(formatRate(250.4)).toBe('250/s');
  });

  it('given text longer than the room, then it is cut with an ellipsis; control characters become spaces', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
    expect(truncate('a\rb\u001b[2Kc', 10)).toBe('a b [2Kc');
    expect(truncate('äöüß€', 3)).toBe('äö…');
  });
});

describe('createProgress on a terminal', () => {
  it('given updates over time, then one line redrawn with \\r: bar, counts, percent, rate, ETA and item, ended by a newline', () => {
    const stream = fakeStream(true, 80);
    const clock = fakeClock();
    const p = createProgress({ stream, title: 'job', total: 4, now: clock.now });
    clock.set(50);
    p.update(1, 'first');
    clock.set(1000);
    p.update(2, 'second');
    clock.set(2000);
    p.update(4, 'fourth');
    p.finish();
    expect(frames(stream.out)).toEqual([
      'job [--------------------] 0/4   0% --/s ETA --:--',
      'job [##########----------] 2/4  50% 2.0/s ETA 00:01 second',
      'job [####################] 4/4 100% 2.0/s ETA 00:00 done in 00:02\n',
    ]);
    expect(stream.out.endsWith('\n')).toBe(true);
    expect(stream.out.split('\n')).toHaveLength(2);
  });

  it('given a narrow terminal, then every drawn line fits in columns - 1 and a long item label is cut with …', () => {
    const stream = fakeStream(true, 70);
    const clock = fakeClock();
    const p = createProgress({ stream, title: 'backfill', total: 10, now: clock.now });
    clock.set(2000);
    p.update(3, 'A very long article title that certainly does not fit into seventy columns');
    clock.set(2500);
    stream.columns = 60; // the terminal was made narrower: no room left for the label
    p.update(4, 'Another long title');
    const drawn = frames(stream.out);
    expect(drawn).toHaveLength(3);
    for (const line of drawn) expect([...line.trimEnd()].length).toBeLessThanOrEqual(69);
    expect(drawn[1]).toBe('backfill [######--------------] 3/10  30% 1.5/s ETA 00:05 A very lon…');
    expect(drawn[2]?.trimEnd()).toBe('backfill [########------------] 4/10  40% 1.6/s ETA 00:04');
  });

  it('given a terminal too narrow for the fixed part, then the line itself is cut to the width', () => {
    const stream = fakeStream(true, 30);
    createProgress({ stream, title: 'a rather long title', total: 5, now: () => 0 });
    const [line] = frames(stream.out);
    expect(line).toBe('a rather long title [-------…');
    expect([...(line ?? '')].length).toBe(29);
  });

  it('given a shorter line after a longer one, then it is padded with spaces so nothing of the old line is left', () => {
    const stream = fakeStream(true, 120);
    const clock = fakeClock();
    const p = createProgress({ stream, title: 'job', total: 100, now: clock.now });
    clock.set(200);
    p.update(1, 'a long label here');
    clock.set(400);
    p.update(2, 'x');
    const [, long, short] = frames(stream.out);
    expect(short?.length).toBe(long?.length);
    expect(short?.trimEnd().endsWith(' x')).toBe(true);
  });

  it('given many updates within a second, then at most 10 redraws a second', () => {
    const stream = fakeStream(true, 100);
    const clock = fakeClock();
    const p = createProgress({ stream, title: 'job', total: 10_000, now: clock.now });
    for (let i = 1; i <= 1000; i++) {
      clock.set(i); // one update per millisecond, 1000 ms in all
      p.update(i, `item ${String(i)}`);
    }
    // The first draw at 0 ms, then one per 100 ms: 100, 200, …, 1000.
    expect(frames(stream.out)).toHaveLength(11);
  });

  it('given a rate that changes, then the ETA follows the recent (moving) rate, not the average since the start', () => {
    const stream = fakeStream(true, 120);
    const clock = fakeClock();
    const p = createProgress({ stream, title: 'job', total: 200, now: clock.now, minRedrawMs: 0 });
    for (let i = 1; i <= 20; i++) {
      clock.set(i * 1000); // 1 item/s for 20 s
      p.update(i);
    }
    for (let i = 1; i <= 100; i++) {
      clock.set(20_000 + i * 100); // then 10 items/s for 10 s
      p.update(20 + i);
    }
    const last = frames(stream.out).at(-1) ?? '';
    // 80 left at 10/s: 8 s (the average since the start, 4/s, would say 20 s).
    expect(last).toContain('120/200  60% 10.0/s ETA 00:08');
  });

  it('given finish twice or updates after finish, then nothing more is written', () => {
    const stream = fakeStream(true, 80);
    const p = createProgress({ stream, title: 'job', total: 2, now: () => 0 });
    p.finish();
    const out = stream.out;
    p.finish();
    p.update(1, 'late');
    expect(stream.out).toBe(out);
  });
});

describe('createProgress when not a terminal', () => {
  it('given steady progress, then a start line, a line per 10 % and a last line; never \\r or escape codes', () => {
    const stream = fakeStream(false);
    const clock = fakeClock();
    const p = createProgress({ stream, title: 'job', total: 20, now: clock.now });
    for (let i = 1; i <= 20; i++) {
      clock.set(i * 1000);
      p.update(i, `item ${String(i)}`);
    }
    p.finish();
    const lines = stream.out.trimEnd().split('\n');
    expect(lines[0]).toBe('job: 0/20');
    expect(lines[1]).toBe('job: 2/20 (10%) 1.0/s ETA 00:18');
    expect(lines[9]).toBe('job: 18/20 (90%) 1.0/s ETA 00:02');
    expect(lines[10]).toBe('job: 20/20 (100%) done in 00:20');
    expect(lines).toHaveLength(11);
    expect(stream.out).not.toMatch(/[^\P{Cc}\n]/u); // no \r, no escape codes
  });

  it('given slow progress, then a line every plainEveryMs while something moves, and none while nothing does', () => {
    const stream = fakeStream(false);
    const clock = fakeClock();
    const p = createProgress({ stream, title: 'slow', total: 1000, now: clock.now });
    for (let i = 1; i <= 8; i++) {
      clock.set(i * 3000);
      p.update(i);
    }
    clock.set(60_000);
    p.update(8); // nothing moved since the last line
    const lines = stream.out.trimEnd().split('\n');
    // Lines at 12 s (4 done, 4 in 12 s) and 24 s (8 done; over the last 10 s window 4 in 12 s); none at 60 s.
    expect(lines).toEqual(['slow: 0/1000', 'slow: 4/1000 (0%) 0.3/s ETA 49:48', 'slow: 8/1000 (0%) 0.3/s ETA 49:36']);
  });

  it('given a fast job (all within a second), then only the start line and the done line', () => {
    const stream = fakeStream(false);
    const clock = fakeClock();
    const p = createProgress({ stream, title: 'fast', total: 10, now: clock.now });
    for (let i = 1; i <= 10; i++) {
      clock.set(i * 50);
      p.update(i);
    }
    p.finish();
    expect(stream.out).toBe('fast: 0/10\nfast: 10/10 (100%) done in 00:01\n');
  });

  it('given nothing to do, then a start line and a done line', () => {
    const stream = fakeStream(false);
    const p = createProgress({ stream, title: 'empty', total: 0, now: () => 0 });
    p.finish();
    expect(stream.out).toBe('empty: 0/0\nempty: 0/0 (100%) done in 00:00\n');
  });
});
