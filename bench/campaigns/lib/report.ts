/**
 * Shared by the campaign scripts in bench/campaigns/: command-line flags,
 * quantiles and the printed report (an aligned table, or one JSON object with
 * `--json`). A campaign exits 1 when one of its correctness targets fails.
 */

export interface CampaignFlags {
  /** `--quick`: the short version that `npm test` runs. */
  quick: boolean;
  /** `--json`: print one JSON object instead of the table. */
  json: boolean;
  /** `--seed N`: the random seed (for reruns of a failure). */
  seed: number | undefined;
}

/** Reads `--quick`, `--json` and `--seed N` from `argv` (defaults to process.argv without node and script). */
export function parseCampaignFlags(argv: readonly string[] = process.argv.slice(2)): CampaignFlags {
  const seedAt = argv.indexOf('--seed');
  const seedText = seedAt >= 0 ? argv[seedAt + 1] : undefined;
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`--seed needs an integer, got ${String(seedText)}`);
  return { quick: argv.includes('--quick'), json: argv.includes('--json'), seed };
}

/** The value at quantile q (0..1) of ascending `sorted` (nearest rank); NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/** Rounds to two decimals. */
export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Resident set size in MiB, rounded to one decimal. */
export const rssMiB = (): number => Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10;

export interface ReportRow {
  /** What was measured. */
  figure: string;
  /** The measured value, already formatted or a number. */
  value: string | number;
  /** The target, when the issue sets one (e.g. "0", "<= 60 s"). */
  target?: string;
  /** Whether the target was met; omitted when there is no target. */
  pass?: boolean;
}

export interface CampaignReport {
  campaign: string;
  command: string;
  rows: ReportRow[];
  /** Anything else worth printing (slowest input, errors by kind…), shown after the table. */
  details?: Record<string, unknown>;
}

/** Formats the report as an aligned plain-text table. */
export function formatReport(report: CampaignReport): string {
  const cells = report.rows.map((r) => [r.figure, String(r.value), r.target ?? '', r.pass === undefined ? '' : r.pass ? 'ok' : 'MISSED']);
  const header = ['figure', 'value', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) => c.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const out = [`${report.campaign} (${report.command})`, line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
  for (const [k, v] of Object.entries(report.details ?? {})) out.push(`${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return `${out.join('\n')}\n`;
}

/**
 * Prints the report (table or JSON) and sets the exit code to 1 when a row
 * with a target failed and `failOn` says that row is a correctness target.
 * @param failOn - which failed rows fail the run. @defaultValue every failed row
 */
export function printReport(report: CampaignReport, flags: Pick<CampaignFlags, 'json'>, failOn: (row: ReportRow) => boolean = () => true): void {
  process.stdout.write(flags.json ? `${JSON.stringify(report)}\n` : formatReport(report));
  if (report.rows.some((r) => r.pass === false && failOn(r))) process.exitCode = 1;
}
