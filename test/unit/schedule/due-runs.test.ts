import { describe, expect, it } from 'vitest';
import { dueRuns } from '../../../src/schedule/due-runs.ts';
import type { Delivery, DeliveryLedger } from '../../../src/store/port.ts';

const HOURLY = { digest: 'hourly', cron: '0 * * * *', timezone: 'UTC', channels: ['console:a', 'console:b'] };
const NOW = new Date('2026-11-20T12:30:00.000Z');

function ledger(rows: Partial<Delivery>[]): DeliveryLedger {
  return { since: () => rows as Delivery[] } as unknown as DeliveryLedger;
}

describe('dueRuns', () => {
  it('given three hours down and a 6-hour window, then the three missed runs are due on both channels, oldest first', async () => {
    const due = await dueRuns(HOURLY, NOW, { ledger: ledger([]), graceMs: 6 * 3_600_000, maxLateRuns: 24, missedSince: new Date('2026-11-20T09:15:00.000Z') });
    expect(due.runs.map((r) => [r.scheduledFor.toISOString(), r.channels])).toEqual([
      ['2026-11-20T10:00:00.000Z', ['console:a', 'console:b']],
      ['2026-11-20T11:00:00.000Z', ['console:a', 'console:b']],
      ['2026-11-20T12:00:00.000Z', ['console:a', 'console:b']],
    ]);
    expect(due.leftOut).toBe(0);
  });

  it('given a failed run before the bot was last alive, then it is due again on its channel only', async () => {
    const due = await dueRuns(HOURLY, NOW, {
      ledger: ledger([{ digest: 'hourly', scheduledFor: '2026-11-20T08:00:00.000Z', channel: 'console:b', status: 'failed' }]),
      graceMs: 6 * 3_600_000, maxLateRuns: 24, missedSince: NOW,
    });
    expect(due.runs.map((r) => [r.scheduledFor.toISOString(), r.channels])).toEqual([['2026-11-20T08:00:00.000Z', ['console:b']]]);
  });

  it('given more missed runs than maxLateRuns, then only the newest are due and the rest are counted per channel', async () => {
    const due = await dueRuns(HOURLY, NOW, { ledger: ledger([]), graceMs: 6 * 3_600_000, maxLateRuns: 2, missedSince: null });
    expect(due.runs.map((r) => r.scheduledFor.toISOString())).toEqual(['2026-11-20T11:00:00.000Z', '2026-11-20T12:00:00.000Z']);
    expect(due.leftOut).toBe(2 * 4); // 07:00 … 10:00 on two channels
  });
});
