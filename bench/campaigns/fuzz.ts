/**
 * Campaign 2 of issue #5, "Hostile input": property-based and mutation fuzzing (fast-check) of the feed
 * parser, HTML extraction and the whole engine, the figure grammar, the sentence splitter and command
 * argument parsing, plus fixed hostile inputs (entity bombs, 100,000 nested elements, a 50 MB page, invalid
 * and mixed encodings, zero-width and RTL text, hostile numbers). Counts crashes (anything thrown but a
 * DigestError where rejection is expected, or a broken invariant), hangs (over the time budget) and memory.
 *
 *   npm run campaign:fuzz [-- --quick] [-- --json] [-- --seed N]
 *
 * Runs in a worker thread; a watchdog ends it when one input runs longer than three times the largest budget
 * and reports that input as a hang. Exits 1 on crashes, hangs or a missed memory or input-count target.
 */
import { parseCampaignFlags, printReport } from './lib/report.ts';
import { BUDGET_50MB_MS } from './fuzz/hostile.ts';
import { summarize } from './fuzz/summary.ts';
import { runWatched } from './fuzz/watchdog.ts';

const flags = parseCampaignFlags();
const seed = flags.seed ?? (Date.now() % 2_147_483_647);
const command = `npm run campaign:fuzz --${flags.quick ? ' --quick' : ''} --seed ${String(seed)}`;
const log = (line: string): void => { process.stderr.write(`${line}\n`); };
log(`fuzz campaign, seed ${String(seed)}${flags.quick ? ' (quick)' : ''}`);

const run = await runWatched({ quick: flags.quick, seed, limitMs: 3 * BUDGET_50MB_MS, log });
if ('hang' in run) {
  printReport({
    campaign: 'fuzz: hostile input', command,
    rows: [
      { figure: 'inputs tried before the hang', value: run.hang.inputsBefore },
      { figure: 'hangs (watchdog)', value: 1, target: '0', pass: false },
    ],
    details: { 'hanging input': `${run.hang.description} (no progress for ${String(run.hang.seconds)} s)`, seed: String(seed) },
  }, flags);
} else {
  printReport(summarize(run.result, command), flags);
}
