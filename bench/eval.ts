/**
 * `npm run eval`: every evaluation in one run, each with its baseline from
 * the same run: extraction (zyte-dev, trafilatura-dev; ours vs Readability.js
 * + linkedom), summaries (bbc-business, 20min-de; ours vs Lead-3), key
 * figures (ECTSum val; ours vs the first ten numbers) and the seed article.
 * Skips, saying so, when ../shared is absent. `digestbot eval` runs the same
 * `runEval` with a progress display.
 */
import { pathToFileURL } from 'node:url';
import { runExtractionEval } from './eval-extraction.ts';
import { runFigureEval } from './eval-figures.ts';
import { runGroundingEval } from './eval-grounding.ts';
import { runRiskEval } from './eval-risks.ts';
import { runLabelEval } from './eval-labels.ts';
import { logOf, type EvalHooks } from './eval-progress.ts';
import { runSeedEval } from './eval-seed.ts';
import { runSummaryEval } from './eval-summaries.ts';
import { SKIP_MESSAGE, sharedDir } from './lib/shared.ts';

export type { EvalHooks, EvalProgress } from './eval-progress.ts';

/** Runs every evaluation; false when ../shared is absent (after saying so). */
export async function runEval(hooks: EvalHooks = {}): Promise<boolean> {
  const log = logOf(hooks);
  log('# digestbot evaluation');
  if (sharedDir() === null) {
    log(SKIP_MESSAGE);
    return false;
  }
  await runSeedEval(hooks);
  await runSummaryEval(hooks);
  await runFigureEval(hooks);
  runRiskEval(hooks);
  runLabelEval(hooks);
  await runExtractionEval(hooks);
  runGroundingEval(hooks);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runEval();
