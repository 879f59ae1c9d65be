/**
 * Cluster poll measurement (issue 15): the scale campaign's 10,000-source mix
 * polled through the job queue by 1, 2 and 3 instances on PostgreSQL, beside
 * one instance on SQLite, in the same run: wall time of a cold and a steady
 * cycle, CPU per instance, database transactions and rows per poll, and what
 * the per-poll cost predicts for 100,000 sources on 10 machines.
 *
 *   npm run campaign:cluster-poll [-- --quick] [--json] [--seed N]
 *
 * The PostgreSQL server is TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres.
 * A measurement, not a pass/fail campaign: it exits 1 only when a cycle left due sources unpolled.
 */
import { parseCampaignFlags, printReport, type ReportRow } from './lib/report.ts';
import { measurePollSetup, type PollSetupResult } from './cluster/poll-measure.ts';

const flags = parseCampaignFlags();
const sources = flags.quick ? 500 : 10_000;
const serverUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const setups: { dialect: 'sqlite' | 'postgres'; instances: number }[] = [
  { dialect: 'sqlite', instances: 1 }, { dialect: 'postgres', instances: 1 }, { dialect: 'postgres', instances: 2 }, { dialect: 'postgres', instances: 3 },
];
const results: PollSetupResult[] = [];
for (const setup of setups) {
  results.push(await measurePollSetup({ serverUrl, ...setup, sources, seed: flags.seed ?? 1 }));
  if (!flags.json) process.stderr.write(`measured ${setup.dialect} x${String(setup.instances)}\n`);
}

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const rows: ReportRow[] = [];
for (const r of results) {
  const label = `${r.dialect} x${String(r.instances)}`;
  for (const [name, c] of [['cold', r.cold], ['steady', r.steady]] as const) {
    rows.push({ figure: `${label} ${name}: wall time (${String(c.polled)} polls)`, value: s(c.wallMs) });
    rows.push({ figure: `${label} ${name}: CPU per instance`, value: c.cpuMs.map(s).join(' / ') });
    if (c.xactsPerPoll !== null) rows.push({ figure: `${label} ${name}: transactions / rows per poll`, value: `${String(c.xactsPerPoll)} / ${String(c.rowsPerPoll)}` });
  }
}
// Prediction from the 3-instance steady cycle: per poll CPU and transactions, 100,000 sources every 15 minutes on 10 machines.
const three = results.find((r) => r.dialect === 'postgres' && r.instances === 3);
const prediction: Record<string, unknown> = {};
if (three !== undefined) {
  for (const [name, c] of [['cold', three.cold], ['steady', three.steady]] as const) {
    const cpuPerPollMs = c.cpuMs.reduce((a, b) => a + b, 0) / Math.max(1, c.polled);
    prediction[`${name}: CPU per poll (ms)`] = Math.round(cpuPerPollMs * 100) / 100;
    prediction[`${name}: 100k sources / 15 min on 10 machines, CPU per machine (% of one core)`] = Math.round(((cpuPerPollMs * 100_000) / 10 / 900_000) * 1000) / 10;
    if (c.xactsPerPoll !== null) prediction[`${name}: database transactions per second for 100k / 15 min`] = Math.round((c.xactsPerPoll * 100_000) / 900);
  }
}
const incomplete = results.some((r) => r.cold.polled === 0 || r.steady.polled === 0);
printReport({
  campaign: 'cluster-poll', command: `npm run campaign:cluster-poll${flags.quick ? ' -- --quick' : ''}`, rows,
  details: { sources, prediction, results },
}, flags);
if (incomplete) process.exitCode = 1;
