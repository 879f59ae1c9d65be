/**
 * The fuzz campaign's result as report rows (bench/campaigns/lib/report.ts) with its targets: inputs tried,
 * rejections by code, crashes and hangs (0), slowest input, peak RSS and heap growth after GC.
 */
import { round2, type CampaignReport, type ReportRow } from '../lib/report.ts';
import type { FuzzResult } from './campaign.ts';

/** Inputs the full run must try. */
export const FULL_MIN_INPUTS = 100_000;
/** Heap growth after GC, first plan to end, above which memory is leaking. */
export const HEAP_GROWTH_BUDGET_MIB = 64;
/** Peak RSS budgets (the full run holds the 50 MB page as bytes, UTF-16 text and parse tree). */
export const RSS_BUDGET_MIB = { full: 2048, quick: 1024 } as const;

const mib = (n: number): string => `${String(Math.round(n))} MiB`;
const size = (n: number): string => (n >= 1e6 ? `${String(round2(n / 1e6))} MB` : n >= 1e3 ? `${String(round2(n / 1e3))} kB` : `${String(n)} B`);

export function summarize(result: FuzzResult, command: string): CampaignReport {
  const targets = Object.entries(result.targets);
  const total = (pick: (t: FuzzResult['targets'][string]) => number): number => targets.reduce((n, [, t]) => n + pick(t), 0);
  const tried = total((t) => t.tried);
  const rejected = total((t) => Object.values(t.rejected).reduce((a, b) => a + b, 0));
  const crashes = total((t) => t.crashes);
  const hangs = total((t) => t.hangs);
  const byCode: Record<string, number> = {};
  for (const [, t] of targets) for (const [code, n] of Object.entries(t.rejected)) byCode[code] = (byCode[code] ?? 0) + n;
  const slowest = result.slowest[0];
  const heapGrowth = result.heapEndMiB - result.heapBaselineMiB;
  const rssBudget = result.quick ? RSS_BUDGET_MIB.quick : RSS_BUDGET_MIB.full;
  const big = result.hostile.find((h) => h.name === '50 MB page');
  const rows: ReportRow[] = [
    { figure: 'inputs tried', value: tried, ...(result.quick ? {} : { target: `>= ${String(FULL_MIN_INPUTS)}`, pass: tried >= FULL_MIN_INPUTS }) },
    ...targets.map(([name, t]) => ({ figure: `  ${name}`, value: `${String(t.tried)} (ok ${String(t.ok)}, rejected ${String(t.tried - t.ok - t.crashes)})` })),
    { figure: 'rejected with a clear error', value: rejected },
    { figure: 'crashes', value: crashes, target: '0', pass: crashes === 0 },
    { figure: 'hangs (over time budget)', value: hangs, target: '0', pass: hangs === 0 },
    { figure: 'slowest input', value: slowest === undefined ? '-' : `${String(Math.round(slowest.ms))} ms (${slowest.target}, ${size(slowest.size)})` },
    ...(big === undefined ? [] : [{ figure: '50 MB page', value: `${String(Math.round(big.ms))} ms (${big.outcome})`, target: `<= ${String(big.budgetMs / 1000)} s`, pass: big.ms <= big.budgetMs }]),
    { figure: 'peak RSS', value: mib(result.peakRssMiB), target: `<= ${String(rssBudget)} MiB`, pass: result.peakRssMiB <= rssBudget },
    { figure: 'heap growth after GC', value: mib(heapGrowth), target: `<= ${String(HEAP_GROWTH_BUDGET_MIB)} MiB`, pass: heapGrowth <= HEAP_GROWTH_BUDGET_MIB },
    { figure: 'wall time', value: `${String(round2(result.wallMs / 1000))} s` },
  ];
  const details: Record<string, unknown> = {
    seed: `${String(result.seed)} (rerun: npm run campaign:fuzz -- --seed ${String(result.seed)}${result.quick ? ' --quick' : ''})`,
    corpus: `${String(result.corpusEntries)} entries${result.seedsSkipped === null ? '' : `; ${result.seedsSkipped}`}`,
    'rejected by code': byCode,
    'slowest inputs': result.slowest.map((s) => `${String(Math.round(s.ms))} ms ${s.target} / ${s.generator} ${size(s.size)}: ${s.description.slice(0, 100)}`),
    'time budget': '2 s per input below 1 MiB, 2 s + 3 s per MiB above, 60 s for the 50 MB page; watchdog ends the run after 180 s on one input',
  };
  for (const [i, f] of result.failures.slice(0, 10).entries()) {
    details[`failure ${String(i + 1)}`] = `${f.kind} in ${f.target} / ${f.generator} (${size(f.size)}, ${String(Math.round(f.ms))} ms): ${f.error}; input ${f.description.slice(0, 200)}`
      + (f.seed === undefined ? '' : `; fast-check seed ${String(f.seed)} path "${f.path ?? ''}", shrunk to ${f.counterexample ?? '?'}${f.counterexampleError === undefined ? '' : ` → ${f.counterexampleError}`}`);
  }
  return { campaign: 'fuzz: hostile input', command, rows, details };
}
