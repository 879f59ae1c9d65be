/**
 * Extractive summary: verbatim sentences of the article, in article order,
 * within a word budget; a sentence opening with an agency dateline or with a
 * sub-heading glued to it (summarize/dateline.ts, glued-heading.ts) is
 * quoted from where its own text starts. Sentences are scored by position, centrality, title
 * overlap, numbers/names and length (summarize/score.ts), then picked
 * greedily with a redundancy penalty (maximal marginal relevance); a
 * sentence that would overrun the budget is passed over for one that fits,
 * and a sentence that restates a picked one (summarize/repeat.ts) is never
 * picked. The number of sentences follows the article's length.
 */
import { isRepeat } from './summarize/repeat.ts';
import { scoreCandidates, type Candidate } from './summarize/score.ts';
import { SUMMARY_WORDS } from './summarize/budget.ts';
import { cosine } from './text/terms.ts';
import type { AnalysedArticle } from './types.ts';

export { ENTRY_SUMMARY_WORDS, SUMMARY_WORDS, entrySummary, fitSummary, summaryWords } from './summarize/budget.ts';
export { countWords } from './text/words.ts';

/** Options for the extractive summary. */
export interface SummaryOptions {
  /** Most sentences in the summary. @defaultValue 4 */
  maxSentences?: number;
  /**
   * Most words in the summary, counted by {@link countWords}. Sentences are never cut: fewer or shorter
   * ones are picked. Only when no usable sentence of the article fits is the summary the single shortest one.
   * @defaultValue {@link SUMMARY_WORDS}
   */
  maxWords?: number;
}

/** Weight of the redundancy penalty (similarity to an already picked sentence). */
const REDUNDANCY = 0.9;
/** Similarity above which a sentence counts as a repeat and is never picked. */
const DUPLICATE = 0.8;

/** The first `n` body sentences: the Lead-n baseline. */
export function leadSentences(article: AnalysedArticle, n: number): string[] {
  return article.sentences.filter((s) => !s.heading).slice(0, n).map((s) => s.text);
}

/** Article length (words in usable sentences) from which a summary gets 3 and 4 sentences. */
export const LENGTH_STEPS = { three: 130, four: 260 } as const;

/** How many sentences an article gets (2–max): short articles fewer. */
function targetCount(candidates: readonly Candidate[], max: number): number {
  let words = 0;
  for (const c of candidates) if (c.eligibility === 'good') words += c.words;
  const n = words < LENGTH_STEPS.three ? 2 : words < LENGTH_STEPS.four ? 3 : 4;
  return Math.max(1, Math.min(max, n));
}

/** The next sentence to pick: best score less redundancy, within the words left; -1 when none fits. */
function nextPick(pool: readonly Candidate[], picked: readonly Candidate[], wordsLeft: number): number {
  let best = -1;
  let bestValue = -Infinity;
  for (let i = 0; i < pool.length; i++) {
    const c = pool[i];
    if (c === undefined || c.size > wordsLeft) continue;
    let sim = 0;
    let repeat = false;
    for (const p of picked) {
      sim = Math.max(sim, cosine(c.terms, c.norm, p.terms, p.norm));
      repeat ||= p.text === c.text || isRepeat(c.terms, p.terms);
    }
    if (repeat || sim >= DUPLICATE) continue;
    const value = c.score - REDUNDANCY * sim;
    if (value > bestValue) {
      bestValue = value;
      best = i;
    }
  }
  return best;
}

/** The shortest sentence (the earlier one on a tie): the summary when nothing fits the budget. */
function shortest(candidates: readonly Candidate[]): Candidate | undefined {
  const usable = candidates.some((c) => c.eligibility === 'good') ? candidates.filter((c) => c.eligibility === 'good') : candidates;
  let out: Candidate | undefined;
  for (const c of usable) if (out === undefined || c.size < out.size) out = c;
  return out;
}

/**
 * The summary: verbatim sentences in article order, at most `maxWords` words in all (see
 * {@link SummaryOptions.maxWords} for the one exception), 2–4 sentences when the budget and the article allow.
 */
export function summarize(article: AnalysedArticle, options: SummaryOptions = {}): string[] {
  return pickSummary(scoreCandidates(article), options);
}

/** Summaries of one article at several word budgets, its sentences scored once. */
export function summarizeAt(article: AnalysedArticle, budgets: readonly number[], maxSentences?: number): string[][] {
  const candidates = scoreCandidates(article);
  return budgets.map((maxWords) => pickSummary(candidates, maxSentences === undefined ? { maxWords } : { maxWords, maxSentences }));
}

function pickSummary(candidates: readonly Candidate[], options: SummaryOptions): string[] {
  const max = Math.max(1, options.maxSentences ?? 4);
  const budget = Math.max(1, options.maxWords ?? SUMMARY_WORDS);
  const want = Math.min(targetCount(candidates, max), candidates.length);
  const picked: Candidate[] = [];
  const pool = [...candidates];
  let used = 0;
  while (picked.length < want) {
    const best = nextPick(pool, picked, budget - used);
    if (best === -1) break;
    const [chosen] = pool.splice(best, 1);
    if (chosen === undefined) break;
    picked.push(chosen);
    used += chosen.size;
  }
  if (picked.length === 0) {
    const fallback = shortest(candidates);
    if (fallback !== undefined) picked.push(fallback);
  }
  return picked.sort((a, b) => a.index - b.index).map((c) => c.text);
}

