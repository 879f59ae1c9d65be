/**
 * The abuse campaign (issue #5, campaign 3): SSRF and resource attacks
 * through `/sources add` and `/summarize`, non-admin attempts at admin
 * commands on Discord and Slack, and forged or replayed Slack requests.
 * Shared by the script (bench/campaigns/abuse.ts) and the short version
 * (test/integration/campaigns/abuse.int.test.ts).
 */
import { createHttpClient } from '../../../src/index.ts';
import type { CampaignReport, ReportRow } from '../lib/report.ts';
import { startCoreEnv } from './core-env.ts';
import { runDiscordNonAdmin, runSlackNonAdmin, type AdminAttemptRow } from './platforms.ts';
import { runBudgetProbe, runCpuProbe, type BudgetProbeRow, type CpuProbeRow } from './cpu-probe.ts';
import { runSsrfPhase, type SsrfResult } from './run-ssrf.ts';
import { runSlackAuthenticity, type SlackAuthResult } from './slack-auth.ts';
import { ATTACK_CASES } from './ssrf-cases.ts';

export interface AbuseResult {
  ssrf: SsrfResult;
  nonAdmin: AdminAttemptRow[];
  slackAuth: SlackAuthResult;
  /** `/summarize` of expensive pages under the size cap (1 MiB; 64 KiB in the quick run). */
  cpu: CpuProbeRow[];
  /** `/summarize` of an expensive page with a tiny digest time budget, then of a small page. */
  budget: BudgetProbeRow;
  /** Totals the tests assert on. */
  totals: {
    attacks: number;
    refused: number;
    refusedAsExpected: number;
    ssrfSuccesses: number;
    oracleWorks: boolean;
    /** Slowest refusal of a case that must be refused at once (not a timeout case), ms. */
    slowestPromptMs: number;
    /** Slowest refusal of a timeout case, ms (must be about the total timeout). */
    slowestTimeoutMs: number;
  };
}

export async function runAbuseCampaign(options: { quick: boolean }): Promise<AbuseResult> {
  const ssrf = await runSsrfPhase({ quick: options.quick });
  // The platform phases only need the core's refusals: a default client (nothing private reachable) is enough.
  const env = startCoreEnv(createHttpClient());
  let nonAdmin: AdminAttemptRow[];
  let slackAuth: SlackAuthResult;
  try {
    nonAdmin = [...await runDiscordNonAdmin(env), ...await runSlackNonAdmin(env)];
    slackAuth = await runSlackAuthenticity(env);
  } finally {
    await env.close();
  }
  // Expensive pages are a speed figure: the full run measures 1 MiB pages (seconds of engine work each); the
  // quick run only checks that small ones are digested through the worker pool.
  const cpu = await runCpuProbe(options.quick ? 64 : 1024);
  // The budget must sit far from both pages' needs, or the machine's load decides the outcome. The engine reads at
  // most 200,000 characters, so the 256 KiB figure-rich page costs about 1.3 s of engine time on an idle 2-core
  // machine (more when it is busy) whatever its size; the small page that follows, on a freshly started worker, tens of
  // milliseconds (100 ms failed it twice under load). 300 ms leaves a factor of about four on each side.
  // The full run keeps its 200 ms figure (1 MiB page).
  const budget = await runBudgetProbe(options.quick ? 256 : 1024, options.quick ? 300 : 200);
  const slow = new Set(ATTACK_CASES.filter((c) => c.slow === true).map((c) => c.name));
  const rows = ssrf.rows;
  return {
    ssrf, nonAdmin, slackAuth, cpu, budget,
    totals: {
      attacks: rows.length,
      refused: rows.filter((r) => r.refused).length,
      refusedAsExpected: rows.filter((r) => r.expected).length,
      ssrfSuccesses: rows.reduce((n, r) => n + r.ssrf, 0) + ssrf.internalRequests.length,
      oracleWorks: ssrf.oracleWorks,
      slowestPromptMs: Math.max(0, ...rows.filter((r) => !slow.has(r.case)).map((r) => r.ms)),
      slowestTimeoutMs: Math.max(0, ...rows.filter((r) => slow.has(r.case)).map((r) => r.ms)),
    },
  };
}

const yes = (b: boolean): string => (b ? 'yes' : 'NO');

/** The per-case table: case, command, refused, reason, ms. */
export function formatAttackTable(result: AbuseResult): string {
  const head = ['case', 'command', 'refused', 'ms', 'reason (codes | what the user sees)'];
  const cells = [
    ...result.ssrf.rows.map((r) => [r.case, r.command, yes(r.refused), String(r.ms), r.reason]),
    ...result.nonAdmin.map((r) => [`non-admin on ${r.platform}`, r.command, yes(r.refused && r.audited), String(r.ms), `${r.audited ? 'audited' : 'NOT audited'} | ${r.reason}`]),
    ...result.slackAuth.rows.map((r) => [`slack ${r.kind}`, 'sources list', yes(r.rejected), String(r.ms), `HTTP ${String(r.status)}, dispatched ${String(r.dispatched)}`]),
  ];
  const widths = head.slice(0, 4).map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]): string => c.map((v, i) => (i < 4 ? v.padEnd(widths[i] ?? 0) : v)).join('  ').trimEnd();
  return `${[line(head), line(widths.map((w) => '-'.repeat(w)).concat('-'.repeat(40))), ...cells.map(line)].join('\n')}\n`;
}

const ratio = (n: number, of: number): string => `${String(n)}/${String(of)}`;

/** Figures for printReport; correctness rows carry a target, timing rows are marked `time` in their name. */
export function abuseReport(result: AbuseResult, command: string): CampaignReport {
  const t = result.totals;
  const timeout = result.ssrf.totalTimeoutMs;
  const rows: ReportRow[] = [
    { figure: 'attacks tried (case × command)', value: t.attacks },
    { figure: 'attacks refused', value: ratio(t.refused, t.attacks), target: 'all', pass: t.refused === t.attacks },
    { figure: 'refused with the expected code', value: ratio(t.refusedAsExpected, t.attacks), target: 'all', pass: t.refusedAsExpected === t.attacks },
    { figure: 'SSRF successes (internal log + connect spy)', value: t.ssrfSuccesses, target: '0', pass: t.ssrfSuccesses === 0 },
    { figure: 'oracle self-check (guard opened on purpose is seen)', value: t.oracleWorks ? 'seen' : 'NOT seen', target: 'seen', pass: t.oracleWorks },
    { figure: 'time to refusal, slowest prompt case (ms)', value: t.slowestPromptMs, target: '<= 1000', pass: t.slowestPromptMs <= 1000 },
    { figure: `time to refusal, slowloris/silent (ms, total timeout ${String(timeout)})`, value: t.slowestTimeoutMs, target: `<= ${String(timeout + 500)}`, pass: t.slowestTimeoutMs <= timeout + 500 },
  ];
  for (const platform of ['discord', 'slack'] as const) {
    const mine = result.nonAdmin.filter((r) => r.platform === platform);
    const refused = mine.filter((r) => r.refused).length;
    const audited = mine.filter((r) => r.audited).length;
    rows.push({ figure: `non-admin refused / audited on ${platform}`, value: `${ratio(refused, mine.length)} / ${ratio(audited, mine.length)}`, target: 'all / all', pass: mine.length > 0 && refused === mine.length && audited === mine.length });
  }
  for (const r of result.slackAuth.rows) {
    rows.push({ figure: `slack rejected: ${r.kind}`, value: `HTTP ${String(r.status)}, dispatched ${String(r.dispatched)}`, target: '401, 0', pass: r.rejected });
  }
  for (const r of result.cpu) {
    rows.push({ figure: `event loop stall, /summarize of ${String(r.kib)} KiB ${r.page} (ms)`, value: `${String(r.stallMs)} (command ${String(r.ms)})`, target: '<= 1000', pass: r.stallMs <= 1000 });
  }
  const digested = result.cpu.filter((r) => r.digested).length;
  rows.push({ figure: 'expensive pages digested by /summarize (worker pool)', value: ratio(digested, result.cpu.length), target: 'all', pass: digested === result.cpu.length });
  const b = result.budget;
  const timedOut = b.codes.includes('extract/timeout');
  rows.push({
    figure: `time budget: /summarize of ${String(b.kib)} KiB with DIGEST_TIMEOUT_MS=${String(b.budgetMs)}, then a small page`,
    value: `${timedOut ? 'extract/timeout' : `codes ${b.codes.join(',') || 'none'}`} in ${String(b.ms)} ms (stall ${String(b.stallMs)}); next digested ${yes(b.nextDigested)}`,
    target: 'extract/timeout; next digested yes', pass: timedOut && b.nextDigested,
  });
  rows.push({ figure: 'slack genuine request (control) accepted', value: yes(result.slackAuth.genuineAccepted), target: 'yes', pass: result.slackAuth.genuineAccepted });
  const byGroup: Record<string, string> = {};
  for (const group of new Set(result.ssrf.rows.map((r) => r.group))) {
    const mine = result.ssrf.rows.filter((r) => r.group === group);
    byGroup[group] = ratio(mine.filter((r) => r.refused).length, mine.length);
  }
  return {
    campaign: 'abuse', command, rows,
    details: {
      'refused by group': byGroup,
      'connection attempts to internal addresses': result.ssrf.attempts.length === 0 ? 'none' : result.ssrf.attempts,
      'not refused': result.ssrf.rows.filter((r) => !r.refused).map((r) => `${r.case} (${r.command}): ${r.reason}`),
    },
  };
}

/** Timing rows are shown as ok/MISSED but do not fail the run. */
export const isCorrectnessRow = (row: ReportRow): boolean => !/^(time to refusal|event loop stall)/u.test(row.figure);
