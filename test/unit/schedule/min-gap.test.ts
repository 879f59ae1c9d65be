/** The shortest gap between a schedule's next runs, in its own time zone, over more than the first two runs. */
import { describe, expect, it } from 'vitest';
import { shortestGap } from '../../../src/schedule/min-gap.ts';

const friday0805 = new Date('2026-12-04T07:05:00Z'); // 08:05 in Berlin

describe('shortestGap', () => {
  it('given every five minutes, then the gap is 5', () => {
    expect(shortestGap({ cron: '*/5 * * * *', timezone: 'UTC' }, friday0805).minutes).toBe(5);
  });

  it('given runs whose first two are days apart but later ones ten minutes apart, then the gap is 10', () => {
    const { runs, minutes } = shortestGap({ cron: '0,10 8 * * 1-5', timezone: 'Europe/Berlin' }, friday0805);
    // Friday 08:10, then Monday 08:00 and 08:10.
    expect(runs.slice(0, 3).map((d) => d.toISOString())).toEqual(['2026-12-04T07:10:00.000Z', '2026-12-07T07:00:00.000Z', '2026-12-07T07:10:00.000Z']);
    expect(minutes).toBe(10);
  });

  it('given a daily run, then the gap is a day; given one run a week, then there is no gap to measure', () => {
    expect(shortestGap({ cron: '30 7 * * *', timezone: 'Europe/Berlin' }, friday0805).minutes).toBe(1440);
    expect(shortestGap({ cron: '0 6 * * 1', timezone: 'Europe/Berlin' }, friday0805).minutes).toBeNull();
  });
});
