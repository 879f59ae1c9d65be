/**
 * `npm run eval` part: ROUGE-1/2/L F1 of our extractive summary against the
 * references, beside Lead-3 from the same run and the same sentence splitter,
 * with the mean length in words of each. Every set is split into folds A and
 * B (bench/lib/folds.ts, by item id): rules are tuned on fold A only, fold B
 * is reported as held out. Two budgets: the summary (`/summarize`, JSON,
 * {@link SUMMARY_WORDS} words) and a digest entry ({@link ENTRY_SUMMARY_WORDS}
 * words, taken as build-digest takes it: `entrySummary` of the two). BBC's references
 * are long extractive selections: a regression check, never a target.
 */
import { pathToFileURL } from 'node:url';
import { analyseArticle } from '../src/engine/analyse.ts';
import { extractFromText } from '../src/engine/extract/text.ts';
import { furnitureKind } from '../src/engine/summarize/furniture.ts';
import { isFurniture } from '../src/engine/text/lines.ts';
import type { AnalysedArticle } from '../src/engine/types.ts';
import { ENTRY_SUMMARY_WORDS, SUMMARY_WORDS, entrySummary, leadSentences, summarizeAt, summaryWords } from '../src/engine/summarize.ts';
import { logOf, passOf, type EvalHooks } from './eval-progress.ts';
import { splitFolds, type Fold } from './lib/folds.ts';
import { meanScores, rouge, type RougeScores } from './lib/rouge.ts';
import { SKIP_MESSAGE, evalPath, readJsonl } from './lib/shared.ts';

interface SummaryItem {
  id?: string;
  text: string;
  /** BBC, CNN/DailyMail: one string; 20 Minuten: bullets. */
  reference: string | string[];
}

/** Scores and mean length in words of one system over some items. */
export interface SystemScores extends RougeScores {
  words: number;
}

/** The systems compared on every set. */
export type SystemName = 'ours' | 'entry' | 'lead3' | 'lead3clean';

/** Scores of one part of a data set (all items, or one fold). */
export interface SummaryPartResult {
  items: number;
  systems: Record<SystemName, SystemScores>;
}

/** Scores of one data set. */
export interface SummarySetResult {
  name: string;
  items: number;
  all: SummaryPartResult;
  folds: Record<Fold, SummaryPartResult>;
  /** Mean number of sentences in our summaries. */
  oursSentences: number;
  /** Milliseconds spent summarizing (both budgets) per article. */
  msPerArticle: number;
  /** Per article: id, fold, and R1 and words of ours and of Lead-3 (printed for small sets, where one article moves the mean). */
  perArticle: { id: string; fold: Fold; ours: SystemScores; lead3: SystemScores }[];
}

const SETS: { name: string; file: string; target: boolean }[] = [
  { name: 'CNN/DailyMail sample (en)', file: 'cnndm-sample.jsonl', target: true },
  { name: '20 Minuten (de)', file: '20min-de.jsonl', target: true },
  { name: 'BBC business (en), regression check only', file: 'bbc-business.jsonl', target: false },
];

interface Scored {
  id: string;
  fold: Fold;
  scores: Record<SystemName, SystemScores>;
}

function scored(summary: string[], reference: string): SystemScores {
  return { ...rouge(summary.join('\n'), reference), words: summaryWords(summary) };
}

function part(rows: readonly Scored[]): SummaryPartResult {
  const mean = (name: SystemName): SystemScores => {
    const s = rows.map((r) => r.scores[name]);
    const words = s.reduce((acc, x) => acc + x.words, 0) / Math.max(1, s.length);
    return { ...meanScores(s), words };
  };
  return { items: rows.length, systems: { ours: mean('ours'), entry: mean('entry'), lead3: mean('lead3'), lead3clean: mean('lead3clean') } };
}

/** For information only: the first three body sentences that are not page furniture by the summarizer's rules. */
function cleanLead3(article: AnalysedArticle): string[] {
  return article.sentences.filter((s) => !s.heading && !isFurniture(s.text) && furnitureKind(s.text) === null).slice(0, 3).map((s) => s.text);
}

/** Scores one data set; null when its file is absent. */
export function evalSummarySet(name: string, file: string, hooks: EvalHooks = {}): SummarySetResult | null {
  const path = evalPath('summaries', file);
  if (path === null) return null;
  const items = readJsonl<SummaryItem>(path);
  const folds = splitFolds(items.map((item, i) => ({ item, id: item.id ?? `line-${String(i)}` })), (x) => x.id);
  const foldOfId = new Map<string, Fold>([...folds.A.map((x) => [x.id, 'A'] as const), ...folds.B.map((x) => [x.id, 'B'] as const)]);
  const rows: Scored[] = [];
  let sentences = 0;
  let ms = 0;
  const pass = passOf(hooks, `summaries: ${name}`, items.length);
  items.forEach((item, i) => {
    const id = item.id ?? `line-${String(i)}`;
    const reference = Array.isArray(item.reference) ? item.reference.join('\n') : item.reference;
    // One extraction for all systems: Lead-3 sees the raw text through the same splitter, without the summarizer's furniture rules.
    const { article } = analyseArticle(extractFromText(item.text));
    const t0 = performance.now();
    const [summary = [], entry = []] = summarizeAt(article, [SUMMARY_WORDS, ENTRY_SUMMARY_WORDS]);
    ms += performance.now() - t0;
    sentences += summary.length;
    rows.push({
      id,
      fold: foldOfId.get(id) ?? 'A',
      scores: {
        ours: scored(summary, reference),
        entry: scored(entrySummary(summary, entry, ENTRY_SUMMARY_WORDS), reference),
        lead3: scored(leadSentences(article, 3), reference),
        lead3clean: scored(cleanLead3(article), reference),
      },
    });
    pass.step(id);
  });
  const n = Math.max(1, items.length);
  return {
    name, items: items.length, all: part(rows),
    folds: { A: part(rows.filter((r) => r.fold === 'A')), B: part(rows.filter((r) => r.fold === 'B')) },
    oursSentences: sentences / n, msPerArticle: ms / n,
    perArticle: rows.map((r) => ({ id: r.id, fold: r.fold, ours: r.scores.ours, lead3: r.scores.lead3 })),
  };
}

const fmt = (s: SystemScores): string =>
  `R1 ${s.r1.toFixed(2)}  R2 ${s.r2.toFixed(2)}  RL ${s.rl.toFixed(2)}  ${s.words.toFixed(1).padStart(5)} words`;
const signed = (d: number): string => `${d >= 0 ? '+' : ''}${d.toFixed(2)}`;

const LABELS: Record<SystemName, string> = {
  ours: `ours, ${String(SUMMARY_WORDS)}-word budget    `,
  entry: `digest entry, ${String(ENTRY_SUMMARY_WORDS)} words   `,
  lead3: 'Lead-3 (plain baseline)  ',
  lead3clean: 'Lead-3, furniture skipped',
};

function logPart(log: (line: string) => void, label: string, p: SummaryPartResult): void {
  log(`  ${label}, ${String(p.items)} articles:`);
  for (const name of ['ours', 'entry', 'lead3', 'lead3clean'] as const) log(`    ${LABELS[name]} ${fmt(p.systems[name])}`);
  const { ours, entry, lead3 } = p.systems;
  log(`    R1 vs Lead-3: ours ${signed(ours.r1 - lead3.r1)}, digest entry ${signed(entry.r1 - lead3.r1)}`);
}

/** Sets up to this size also get one line per article: with ten articles, one article moves the mean by points. */
const PER_ARTICLE_MAX = 20;

function logPerArticle(log: (line: string) => void, result: SummarySetResult): void {
  if (result.items > PER_ARTICLE_MAX) return;
  log('  per article (R1, words): ours vs Lead-3');
  for (const a of result.perArticle) {
    const cell = (s: SystemScores): string => `${s.r1.toFixed(1).padStart(5)} (${String(s.words).padStart(2)} w)`;
    log(`    ${a.fold} ${a.id.padEnd(20)} ours ${cell(a.ours)}  Lead-3 ${cell(a.lead3)}  ${signed(a.ours.r1 - a.lead3.r1)}`);
  }
}

export async function runSummaryEval(hooks: EvalHooks = {}): Promise<void> {
  const log = logOf(hooks);
  log('\n## Summaries (ROUGE F1 ×100, mean length in words; Lead-3 from the same run and splitter)');
  log('Lead-3: the first three sentences of the same extracted text, split by the same splitter; the summarizer\'s');
  log('sentence-level furniture rules (bylines, stamps, captions) are NOT applied to it: it is the plain baseline.');
  log('"Lead-3, furniture skipped" (the first three sentences those rules keep) is printed for information only.');
  log('Tuning uses fold A only; fold B is held out. BBC rewards length: a regression check, never a target.');
  let any = false;
  for (const set of SETS) {
    const result = evalSummarySet(set.name, set.file, hooks);
    if (result === null) continue;
    any = true;
    log(`${result.name}: ${String(result.items)} articles, ${result.oursSentences.toFixed(2)} sentences, ${result.msPerArticle.toFixed(2)} ms/article`);
    logPart(log, 'all', result.all);
    logPart(log, 'fold A (tuning)', result.folds.A);
    logPart(log, 'fold B (held out)', result.folds.B);
    logPerArticle(log, result);
  }
  if (!any) log(SKIP_MESSAGE);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runSummaryEval();
