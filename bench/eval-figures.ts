/**
 * `npm run eval` part: ECTSum validation set. Share of the numbers in the
 * journalists' key-figure bullets found among our top-10 figures (compatible
 * kind, value or valueMax within 0.5 %), over all transcripts and per fold
 * (A: tuned on, B: held out; bench/lib/folds.ts), with the average number of
 * figures the engine returns per transcript, beside two baselines from the
 * same run: the first ten numbers of each transcript, and every number in it.
 */
import { pathToFileURL } from 'node:url';
import { analyseArticle } from '../src/engine/analyse.ts';
import { extractFromText } from '../src/engine/extract/text.ts';
import { extractFigures } from '../src/engine/figures/index.ts';
import { logOf, passOf, type EvalHooks } from './eval-progress.ts';
import { foldOf, type Fold } from './lib/folds.ts';
import { matches, referenceNumbers, type Candidate, type ReferenceNumber } from './lib/reference-numbers.ts';
import { SKIP_MESSAGE, evalPath, readJsonl } from './lib/shared.ts';

interface Transcript {
  id: string;
  text: string;
  reference: string[];
}

export interface FigureEvalResult {
  transcripts: number;
  referenceNumbers: number;
  ours: number;
  firstTen: number;
  allNumbers: number;
  msPerTranscript: number;
  /** Figures returned per transcript, on average (all of them, not only the top 10). */
  figuresPerTranscript: number;
  /** Reference numbers and those found in the top 10, per fold. */
  folds: Record<Fold, { referenceNumbers: number; ours: number }>;
}

const TOP = 10;

function found(refs: ReferenceNumber[], candidates: Candidate[]): number {
  return refs.filter((r) => candidates.some((c) => matches(c, r))).length;
}

const asCandidates = (refs: ReferenceNumber[]): Candidate[] => refs.map((r) => ({ kind: r.kind === 'percent' ? 'percent' : 'count', value: r.value }));

/** Scores the ECTSum validation set; null when it is absent. */
export function evalFigures(hooks: EvalHooks = {}): FigureEvalResult | null {
  const path = evalPath('figures', 'ectsum-val.jsonl');
  if (path === null) return null;
  const items = readJsonl<Transcript>(path);
  const result: FigureEvalResult = {
    transcripts: items.length, referenceNumbers: 0, ours: 0, firstTen: 0, allNumbers: 0, msPerTranscript: 0,
    figuresPerTranscript: 0, folds: { A: { referenceNumbers: 0, ours: 0 }, B: { referenceNumbers: 0, ours: 0 } },
  };
  let ms = 0;
  let figureCount = 0;
  const pass = passOf(hooks, 'figures: ECTSum val', items.length);
  for (const item of items) {
    const refs = item.reference.flatMap((bullet) => referenceNumbers(bullet));
    const t0 = performance.now();
    const { article } = analyseArticle(extractFromText(item.text));
    const all = extractFigures(article);
    ms += performance.now() - t0;
    figureCount += all.length;
    const figures = all.slice(0, TOP);
    const inText = referenceNumbers(item.text);
    const ours = found(refs, figures);
    const fold = result.folds[foldOf(item.id)];
    fold.referenceNumbers += refs.length;
    fold.ours += ours;
    result.referenceNumbers += refs.length;
    result.ours += ours;
    result.firstTen += found(refs, asCandidates(inText.slice(0, TOP)));
    result.allNumbers += found(refs, asCandidates(inText));
    pass.step(item.id);
  }
  result.msPerTranscript = ms / Math.max(1, items.length);
  result.figuresPerTranscript = figureCount / Math.max(1, items.length);
  return result;
}

export async function runFigureEval(hooks: EvalHooks = {}): Promise<void> {
  const log = logOf(hooks);
  log('\n## Key figures: ECTSum val (reference numbers found among the top 10 figures)');
  const r = evalFigures(hooks);
  if (r === null) {
    log(SKIP_MESSAGE);
    return;
  }
  const share = (n: number, of = r.referenceNumbers): string => `${(n / Math.max(1, of)).toFixed(3)} (${String(n)}/${String(of)})`;
  log(`${String(r.transcripts)} transcripts, ${String(r.referenceNumbers)} reference numbers`);
  log(`  ours, top 10             ${share(r.ours)}  (${r.msPerTranscript.toFixed(2)} ms/transcript, extraction included)`);
  log(`    fold A (tuned on)      ${share(r.folds.A.ours, r.folds.A.referenceNumbers)}`);
  log(`    fold B (held out)      ${share(r.folds.B.ours, r.folds.B.referenceNumbers)}`);
  log(`  figures returned         ${r.figuresPerTranscript.toFixed(1)} per transcript (all, ranked)`);
  log(`  first 10 numbers         ${share(r.firstTen)}`);
  log(`  all numbers in the text  ${share(r.allNumbers)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runFigureEval();
