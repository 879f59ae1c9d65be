/**
 * `npm run eval`: every evaluation in one run, each with its baseline from
 * the same run: extraction (zyte-dev, trafilatura-dev; ours vs Readability.js
 * + linkedom), summaries (bbc-business, 20min-de; ours vs Lead-3), key
 * figures (ECTSum val; ours vs the first ten numbers) and the seed article.
 * Skips, saying so, when ../shared is absent.
 */
import { runExtractionEval } from './eval-extraction.ts';
import { runFigureEval } from './eval-figures.ts';
import { runSeedEval } from './eval-seed.ts';
import { runSummaryEval } from './eval-summaries.ts';
import { SKIP_MESSAGE, sharedDir } from './lib/shared.ts';

console.log('# digestbot evaluation');
if (sharedDir() === null) {
  console.log(SKIP_MESSAGE);
} else {
  await runSeedEval();
  await runSummaryEval();
  await runFigureEval();
  await runExtractionEval();
}
