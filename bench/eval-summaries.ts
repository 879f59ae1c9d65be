/**
 * `npm run eval` part: ROUGE-1/2/L F1 of our extractive summary against the
 * references, beside Lead-3 from the same run and the same sentence splitter.
 */
import { pathToFileURL } from 'node:url';
import { analyseArticle } from '../src/engine/analyse.ts';
import { extractFromText } from '../src/engine/extract/text.ts';
import { leadSentences, summarize } from '../src/engine/summarize.ts';
import { logOf, passOf, type EvalHooks } from './eval-progress.ts';
import { meanScores, rouge, type RougeScores } from './lib/rouge.ts';
import { SKIP_MESSAGE, evalPath, readJsonl } from './lib/shared.ts';

interface SummaryItem {
  id: string;
  text: string;
  /** BBC: one string; 20 Minuten: bullets. */
  reference: string | string[];
}

/** Scores of one data set. */
export interface SummarySetResult {
  name: string;
  items: number;
  ours: RougeScores;
  lead3: RougeScores;
  /** Mean number of sentences in our summaries. */
  oursSentences: number;
  /** Milliseconds spent in summarize() per article. */
  msPerArticle: number;
}

const SETS: { name: string; file: string }[] = [
  { name: 'BBC business (en)', file: 'bbc-business.jsonl' },
  { name: '20 Minuten (de)', file: '20min-de.jsonl' },
];

/** Scores one data set; null when its file is absent. */
export function evalSummarySet(name: string, file: string, hooks: EvalHooks = {}): SummarySetResult | null {
  const path = evalPath('summaries', file);
  if (path === null) return null;
  const items = readJsonl<SummaryItem>(path);
  const ours: RougeScores[] = [];
  const lead: RougeScores[] = [];
  let sentences = 0;
  let ms = 0;
  const pass = passOf(hooks, `summaries: ${name}`, items.length);
  for (const item of items) {
    const reference = Array.isArray(item.reference) ? item.reference.join('\n') : item.reference;
    const { article } = analyseArticle(extractFromText(item.text));
    const t0 = performance.now();
    const summary = summarize(article);
    ms += performance.now() - t0;
    sentences += summary.length;
    ours.push(rouge(summary.join('\n'), reference));
    lead.push(rouge(leadSentences(article, 3).join('\n'), reference));
    pass.step(item.id);
  }
  const n = Math.max(1, items.length);
  return { name, items: items.length, ours: meanScores(ours), lead3: meanScores(lead), oursSentences: sentences / n, msPerArticle: ms / n };
}

const fmt = (s: RougeScores): string => `R1 ${s.r1.toFixed(2)}  R2 ${s.r2.toFixed(2)}  RL ${s.rl.toFixed(2)}`;

export async function runSummaryEval(hooks: EvalHooks = {}): Promise<void> {
  const log = logOf(hooks);
  log('\n## Summaries (ROUGE F1 ×100; Lead-3 from the same run and splitter)');
  let any = false;
  for (const set of SETS) {
    const result = evalSummarySet(set.name, set.file, hooks);
    if (result === null) continue;
    any = true;
    const d = result.ours.r1 - result.lead3.r1;
    log(`${result.name}, ${result.items} articles:`);
    log(`  ours   ${fmt(result.ours)}  (${result.oursSentences.toFixed(2)} sentences, ${result.msPerArticle.toFixed(2)} ms/article)`);
    log(`  Lead-3 ${fmt(result.lead3)}`);
    log(`  R1 difference ${d >= 0 ? '+' : ''}${d.toFixed(2)}`);
  }
  if (!any) log(SKIP_MESSAGE);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runSummaryEval();
