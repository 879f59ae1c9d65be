/**
 * Extractive summary: 2–4 verbatim sentences of the article, in article
 * order. Sentences are scored by position, centrality, title overlap,
 * numbers/names and length (summarize/score.ts), then picked greedily with a
 * redundancy penalty (maximal marginal relevance). The number of sentences
 * follows the article's length.
 */
import { cosine, scoreCandidates, type Candidate } from './summarize/score.ts';
import type { AnalysedArticle } from './types.ts';

/** Options for the extractive summary. */
export interface SummaryOptions {
  /** Most sentences in the summary. @defaultValue 4 */
  maxSentences?: number;
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
function targetCount(candidates: Candidate[], max: number): number {
  let words = 0;
  for (const c of candidates) if (c.eligibility === 'good') words += c.words;
  const n = words < LENGTH_STEPS.three ? 2 : words < LENGTH_STEPS.four ? 3 : 4;
  return Math.max(1, Math.min(max, n));
}

/** The summary: 2–4 verbatim sentences in article order (fewer only when the article has fewer). */
export function summarize(article: AnalysedArticle, options: SummaryOptions = {}): string[] {
  const max = Math.max(1, options.maxSentences ?? 4);
  const candidates = scoreCandidates(article);
  const want = Math.min(targetCount(candidates, max), candidates.length);
  const picked: Candidate[] = [];
  const seen = new Set<string>();
  const pool = [...candidates];
  while (picked.length < want && pool.length > 0) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      const c = pool[i];
      if (c === undefined) continue;
      let sim = 0;
      for (const p of picked) sim = Math.max(sim, cosine(c.terms, c.norm, p.terms, p.norm));
      if (sim >= DUPLICATE || seen.has(c.text)) continue;
      const value = c.score - REDUNDANCY * sim;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best === -1) break;
    const [chosen] = pool.splice(best, 1);
    if (chosen === undefined) break;
    picked.push(chosen);
    seen.add(chosen.text);
  }
  return picked.sort((a, b) => a.index - b.index).map((c) => c.text);
}
