/** Cron expressions in words for the schedule preview; uncommon shapes give null (the preview shows the raw cron). */
import { describe, expect, it } from 'vitest';
import { describeCron } from '../../../src/schedule/describe-cron.ts';

describe('describeCron', () => {
  it.each([
    ['30 7 * * *', 'every day at 07:30'],
    ['0 8 * * 1-5', 'weekdays at 08:00'],
    ['30 7 * * mon-fri', 'weekdays at 07:30'],
    ['0 9 * * 6,0', 'weekends at 09:00'],
    ['0 8,12 * * mon,thu', 'Mondays and Thursdays at 08:00 and 12:00'],
    ['0 7 * * 7', 'Sundays at 07:00'],
    ['*/30 * * * *', 'every 30 minutes'],
    ['* * * * *', 'every minute'],
    ['15 * * * *', 'every hour at :15'],
    ['0 */2 * * *', 'every 2 hours at :00'],
    ['0 6 1,15 * *', 'on day 1 and 15 of every month at 06:00'],
  ])('given "%s", then it reads "%s"', (cron, words) => {
    expect(describeCron(cron)).toBe(words);
  });

  it.each([['0 8 * 1 *'], ['0 8 1 * 1'], ['*/5 8-9 * * *'], ['0 1-12 * * *'], ['0 0 * * * *'], ['L 8 * * *']])('given the uncommon shape "%s", then there are no words', (cron) => {
    expect(describeCron(cron)).toBeNull();
  });
});
