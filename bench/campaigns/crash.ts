/**
 * Crash campaign (issue #5): the bot as a child process on a real SQLite file,
 * with a digest due every three seconds, local feeds and the fake Discord, is
 * killed with SIGKILL 100 times (inside migrations, start-up, fetches, digest
 * builds, posts sent and posts accepted but not recorded, idle) and restarted;
 * then the ledger is compared with what Discord received.
 *
 *   npm run campaign:crash [-- --quick] [--json] [--seed N]
 *
 * Exits 1 when a run was posted twice or not at all, or the file is damaged.
 */
import { parseCampaignFlags, printReport, round2 } from './lib/report.ts';
import { PHASES, runCrashCampaign } from './crash/run.ts';

const flags = parseCampaignFlags();
const seed = flags.seed ?? Date.now() % 1_000_000;
const result = await runCrashCampaign({
  kills: flags.quick ? 7 : 100, seed, articles: flags.quick ? 40_000 : 150_000,
  ...(flags.json ? {} : { log: (line: string) => void process.stderr.write(`${line}\n`) }),
});
const { verdict } = result;
printReport({
  campaign: 'crash',
  command: `npm run campaign:crash --${flags.quick ? ' --quick' : ''} --seed ${String(seed)}`,
  rows: [
    { figure: 'runs due (run times × channels)', value: verdict.dueRuns },
    { figure: 'kills (SIGKILL)', value: result.kills },
    ...PHASES.map((p) => ({ figure: `  kills in ${p}`, value: result.killsByPhase[p] })),
    { figure: 'restarts', value: result.restarts },
    { figure: 'duplicates', value: verdict.duplicates, target: '0', pass: verdict.duplicates === 0 },
    { figure: 'misses', value: verdict.misses, target: '0', pass: verdict.misses === 0 },
    { figure: 'ledger rows not matching Discord', value: verdict.ledgerMismatches, target: '0', pass: verdict.ledgerMismatches === 0 },
    { figure: 'posts of no scheduled run', value: verdict.strays, target: '0', pass: verdict.strays === 0 },
    { figure: 'posts of runs before the first start', value: verdict.beforeFirstStart, target: '0', pass: verdict.beforeFirstStart === 0 },
    { figure: 'integrity_check', value: result.finalDb.integrity, target: 'ok', pass: result.finalDb.integrity === 'ok' },
    { figure: 'foreign_key_check problems', value: result.finalDb.foreignKeyProblems, target: '0', pass: result.finalDb.foreignKeyProblems === 0 },
    { figure: 'kills leaving quick_check not ok', value: result.damagedAfterKill, target: '0', pass: result.damagedAfterKill === 0 },
    { figure: 'schema version at the end', value: result.finalDb.schemaVersion },
    { figure: 'runs posted late (catch-up > 1 min)', value: verdict.late },
    { figure: 'reposts dropped by Discord nonce', value: result.repeatedNonces },
    { figure: 'duration (s)', value: round2(result.durationMs / 1000) },
  ],
  details: {
    window: `${result.window.from} .. ${result.window.to}`,
    child: result.childMode,
    'migration time (ms)': Math.round(result.migrationMs),
    ...(verdict.examples.length > 0 ? { examples: verdict.examples } : {}),
  },
}, flags);
