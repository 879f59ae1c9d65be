/**
 * The abuse campaign's short version: a representative subset of the SSRF and
 * resource attacks through the real core and guarded client, non-admin
 * attempts on Discord and Slack, and forged Slack requests. Correctness only
 * (timings are in `npm run campaign:abuse`).
 */
import { describe, expect, it } from 'vitest';
import { abuseReport, formatAttackTable, isCorrectnessRow, runAbuseCampaign, type AbuseResult } from '../../../bench/campaigns/abuse/campaign.ts';

describe('abuse campaign (short)', () => {
  let result: AbuseResult;

  it('given the quick attack set, then every attack is refused with its expected code and nothing reaches an internal address', async () => {
    result = await runAbuseCampaign({ quick: true });
    const notRefused = result.ssrf.rows.filter((r) => !r.refused || !r.expected).map((r) => `${r.case} (${r.command}): ${r.reason}`);
    expect(notRefused).toEqual([]);
    expect(result.totals.attacks).toBeGreaterThanOrEqual(40);
    expect(result.totals.ssrfSuccesses).toBe(0);
    expect(result.ssrf.attempts).toEqual([]);
    expect(result.ssrf.internalRequests).toEqual([]);
    // The oracle must notice a guard that is open on purpose, or the zero above proves nothing.
    expect(result.totals.oracleWorks).toBe(true);
    const groups = new Set(result.ssrf.rows.map((r) => r.group));
    expect([...groups].sort()).toEqual(['announced', 'dns', 'literal', 'redirect', 'resource', 'scheme']);
  }, 60_000);

  it('given non-admins on Discord and Slack, then all six admin commands are refused and audited on both (and in a Discord DM)', () => {
    for (const platform of ['discord', 'slack'] as const) {
      const rows = result.nonAdmin.filter((r) => r.platform === platform);
      const expected = ['sources add', 'sources remove', 'sources list', 'schedule set', 'schedule off', 'schedule show'];
      expect(rows.map((r) => r.command)).toEqual(platform === 'discord' ? [...expected, 'sources add (in a DM)'] : expected);
      expect(rows.filter((r) => !r.refused || !r.audited)).toEqual([]);
    }
  });

  it('given forged, stale, tampered and replayed Slack requests, then each gets 401 and none is dispatched, while the genuine one is', () => {
    expect(result.slackAuth.rows.map((r) => [r.kind, r.status, r.dispatched])).toEqual([
      ['unsigned', 401, 0], ['wrong secret', 401, 0], ['stale timestamp (6 min)', 401, 0], ['body modified after signing', 401, 0], ['replay within 5 min', 401, 0],
    ]);
    expect(result.slackAuth.genuineAccepted).toBe(true);
  });

  it('given /summarize of expensive pages on the production digester, then they are digested, and one over its time budget fails with extract/timeout while the next is digested', () => {
    expect(result.cpu.map((r) => [r.page, r.digested])).toEqual([['number-dense text', true], ['figure-rich prose', true]]);
    expect(result.budget.codes).toContain('extract/timeout');
    // The over-budget command ends by its budget (not by finishing): it takes at least the budget.
    expect(result.budget.ms).toBeGreaterThanOrEqual(result.budget.budgetMs - 5);
    expect(result.budget.nextDigested).toBe(true);
  });

  it('given the result, then the report passes every correctness row and the table lists every case', () => {
    const report = abuseReport(result, 'test');
    expect(report.rows.filter((r) => r.pass === false && isCorrectnessRow(r)).map((r) => r.figure)).toEqual([]);
    expect(formatAttackTable(result).trim().split('\n')).toHaveLength(2 + result.ssrf.rows.length + result.nonAdmin.length + result.slackAuth.rows.length);
  });
});
