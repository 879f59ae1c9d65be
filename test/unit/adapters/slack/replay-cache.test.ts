import { describe, expect, it } from 'vitest';
import { createReplayCache, SLACK_REPLAY_WINDOW_MS } from '../../../../adapters/slack/replay-guard.ts';

describe('Slack replay cache', () => {
  it('given a signature seen once, then a second sighting inside the window is a replay and after the window it is not', () => {
    let now = 1_000_000;
    const cache = createReplayCache({ now: () => now });
    expect(cache.seen('v0=a', now)).toBe(false);
    now += SLACK_REPLAY_WINDOW_MS - 1;
    expect(cache.seen('v0=a', 1_000_000)).toBe(true);
    now += 2;
    expect(cache.seen('v0=a', 1_000_000)).toBe(false);
  });

  it('given different signatures, then none counts as a replay of another', () => {
    const cache = createReplayCache({ now: () => 0 });
    expect(['v0=a', 'v0=b', 'v0=c'].map((s) => cache.seen(s, 0))).toEqual([false, false, false]);
    expect(cache.seen('v0=b', 0)).toBe(true);
  });

  it('given a request stamped in the future, then it is remembered until the window after its timestamp', () => {
    let now = 0;
    const cache = createReplayCache({ now: () => now, windowMs: 100 });
    expect(cache.seen('v0=future', 1_000)).toBe(false);
    now = 1_050;
    expect(cache.seen('v0=future', 1_000)).toBe(true);
  });

  it('given more signatures than the cap, then the oldest are dropped and the size stays bounded', () => {
    const cache = createReplayCache({ now: () => 0, maxEntries: 3 });
    for (const s of ['1', '2', '3', '4', '5']) cache.seen(s, 0);
    expect(cache.size).toBeLessThanOrEqual(3);
    expect(cache.seen('5', 0)).toBe(true);
  });
});
