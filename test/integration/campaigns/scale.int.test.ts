/**
 * The short version of the scale campaign (bench/campaigns/scale.ts): the same
 * code at a small size, asserting correctness only (no timings): every fetch
 * error is the one the served mix calls for, every good feed's items are
 * stored, every command on both platforms is acked and answered, every
 * scheduled run is posted exactly once.
 */
import { describe, expect, it } from 'vitest';
import { errorMismatch, QUICK_SIZES } from '../../../bench/campaigns/scale.ts';
import { runAckBench } from '../../../bench/campaigns/scale/ack-bench.ts';
import { EXPECTED_CODE, ITEMS_PER_FEED } from '../../../bench/campaigns/scale/feed-mix.ts';
import { runPollScale } from '../../../bench/campaigns/scale/poll-cycle.ts';
import { runScheduleHour } from '../../../bench/campaigns/scale/schedule-hour.ts';

describe('scale campaign, short version', () => {
  it('given 300 sources of the served mix, when polled twice, then the errors by code match the mix and every good feed is stored', async () => {
    const sizes = QUICK_SIZES;
    const poll = await runPollScale({ sources: sizes.sources, concurrency: sizes.concurrency, seed: 7, timeoutMs: sizes.timeoutMs, slowMs: sizes.slowMs });
    // Every kind is served at this size, so every error path is exercised.
    for (const kind of Object.keys(EXPECTED_CODE)) expect(poll.served[kind as keyof typeof EXPECTED_CODE], kind).toBeGreaterThan(0);
    expect(poll.second.errors).toEqual(poll.expectedErrors);
    expect(errorMismatch(poll, 'second')).toBe(0);
    expect(poll.feedsMissingItems).toBe(0);
    expect(poll.sourcesInWrongState).toBe(0);
    const good = poll.served['rss-etag'] + poll.served['atom-modified'] + poll.served.slow;
    expect(poll.second.notModified).toBe(good);
    expect(poll.second.articles).toBe((good + poll.served['rss-growing']) * ITEMS_PER_FEED + poll.served['rss-growing']);
    expect(poll.second.digested).toBe(poll.second.articles);
  }, 60_000);

  it('given 20 concurrent slash commands on Discord and on Slack, then every one is acked and answered', async () => {
    for (const platform of ['discord', 'slack'] as const) {
      const result = await runAckBench({ platform, n: QUICK_SIZES.commands });
      expect(result, platform).toMatchObject({ n: 20, acked: 20, replies: 20 });
    }
  }, 60_000);

  it('given 5 digests due every minute, when 3 simulated minutes pass, then each run is posted exactly once', async () => {
    const result = await runScheduleHour({ digests: QUICK_SIZES.digests, minutes: QUICK_SIZES.minutes, factor: QUICK_SIZES.factor });
    expect(result).toMatchObject({ expectedRuns: 15, duplicates: 0, misses: 0 });
    expect(result.posted).toBeGreaterThanOrEqual(15);
  }, 60_000);
});
