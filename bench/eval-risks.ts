/**
 * `npm run eval` part: risk detection on the hand-labelled sentences of
 * bench/labels/risks.json. Each labelled sentence is found again in its DEV
 * article (same splitter, matched by hash) and judged by the engine's
 * per-sentence risk decision; precision, recall and category accuracy are
 * printed per language and per fold (folds by article id, bench/lib/folds.ts).
 * `--errors A` lists the misjudged sentences of fold A (for tuning on A only).
 */
import { pathToFileURL } from 'node:url';
import { detectRisk } from '../src/engine/risks/index.ts';
import type { RiskCategory } from '../src/engine/schema.ts';
import { logOf, passOf, type EvalHooks } from './eval-progress.ts';
import { foldOf, type Fold } from './lib/folds.ts';
import { loadLabelledArticles, readRiskLabels, sentenceHash, type RiskLabel } from './lib/risk-labels.ts';
import { SKIP_MESSAGE, sharedDir } from './lib/shared.ts';

/** One labelled sentence with the engine's decision. */
export interface JudgedSentence {
  label: RiskLabel;
  text: string;
  fold: Fold;
  predicted: RiskCategory | null;
}

export interface RiskEvalResult {
  judged: JudgedSentence[];
  unmatched: RiskLabel[];
}

/** Judges every labelled sentence; null when ../shared is absent. */
export function evalRisks(hooks: EvalHooks = {}): RiskEvalResult | null {
  const shared = sharedDir();
  if (shared === null) return null;
  const labels = readRiskLabels();
  const articles = loadLabelledArticles(shared, labels);
  const pass = passOf(hooks, 'risks: labelled sentences', labels.length);
  const judged: JudgedSentence[] = [];
  const unmatched: RiskLabel[] = [];
  for (const label of labels) {
    const article = articles.get(`${label.set}:${label.id}`);
    const sentence = article?.sentences.find((s) => sentenceHash(s.text) === label.hash);
    pass.step(`${label.set}:${label.id}`);
    if (article === undefined || sentence === undefined) {
      unmatched.push(label);
      continue;
    }
    const found = detectRisk(sentence, article);
    judged.push({ label, text: sentence.text, fold: foldOf(`${label.set}:${label.id}`), predicted: found?.risk.category ?? null });
  }
  return { judged, unmatched };
}

interface Scores { tp: number; fp: number; fn: number; tn: number; categoryRight: number }

export function scoreJudged(items: readonly JudgedSentence[]): Scores {
  const s: Scores = { tp: 0, fp: 0, fn: 0, tn: 0, categoryRight: 0 };
  for (const j of items) {
    const said = j.predicted !== null;
    if (said && j.label.risk) {
      s.tp++;
      if (j.predicted === j.label.category) s.categoryRight++;
    } else if (said) s.fp++;
    else if (j.label.risk) s.fn++;
    else s.tn++;
  }
  return s;
}

const ratio = (a: number, b: number): string => (b === 0 ? '  -  ' : (a / b).toFixed(3));

function line(name: string, items: readonly JudgedSentence[]): string {
  const s = scoreJudged(items);
  const risks = s.tp + s.fn;
  return `  ${name.padEnd(10)} n=${String(items.length).padStart(3)} (risks ${String(risks).padStart(3)})  `
    + `P ${ratio(s.tp, s.tp + s.fp)}  R ${ratio(s.tp, risks)}  category ${ratio(s.categoryRight, s.tp)}  (tp ${s.tp} fp ${s.fp} fn ${s.fn})`;
}

/** Prints the scores (and, with `errorsOf`, the misjudged sentences of that fold). */
export function runRiskEval(hooks: EvalHooks = {}, errorsOf: Fold | null = null): void {
  const log = logOf(hooks);
  log('\n## Risks: hand-labelled sentences (bench/labels/risks.json), per-sentence decision');
  const result = evalRisks(hooks);
  if (result === null) {
    log(SKIP_MESSAGE);
    return;
  }
  const { judged, unmatched } = result;
  log(`${judged.length} sentences matched, ${unmatched.length} labels unmatched${unmatched.length > 0 ? ` (${unmatched.slice(0, 5).map((u) => `${u.set}:${u.id}#${u.hash}`).join(', ')}${unmatched.length > 5 ? ' …' : ''})` : ''}`);
  for (const lang of ['de', 'en']) {
    for (const fold of ['A', 'B'] as const) log(line(`${lang} ${fold}`, judged.filter((j) => j.label.lang === lang && j.fold === fold)));
    log(line(`${lang} all`, judged.filter((j) => j.label.lang === lang)));
  }
  log(line('all', judged));
  if (errorsOf === null) return;
  for (const j of judged.filter((x) => x.fold === errorsOf && (x.predicted !== null) !== x.label.risk)) {
    log(`  ${j.label.risk ? 'MISSED' : 'FALSE '} [${j.label.lang}] ${j.predicted ?? j.label.category ?? ''}: ${j.text}`);
  }
  for (const j of judged.filter((x) => x.fold === errorsOf && x.label.risk && x.predicted !== null && x.predicted !== x.label.category)) {
    log(`  CATEGORY [${j.label.lang}] ${j.predicted ?? ''} (label ${j.label.category ?? ''}): ${j.text}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--errors');
  const fold = at === -1 ? null : process.argv[at + 1] === 'B' ? 'B' : 'A';
  runRiskEval({}, fold);
}
