/**
 * Risk extraction: sentences that state risks, threats, losses, uncertainty
 * or a negative outlook, each with a category and a short statement taken
 * from the sentence, ranked and deduplicated.
 */
import type { Risk, RiskCategory } from '../schema.ts';
import { isFurniture, isQuestion, repeatsTitle, simplify } from '../text/lines.ts';
import { contentTerms, termVector } from '../text/terms.ts';
import type { AnalysedArticle, Sentence } from '../types.ts';
import { riskStatement } from './clause.ts';
import { categorize, findCues, type CueHit } from './detect.ts';
import { rankRisks, riskScore, type ScoredRisk } from './rank.ts';

export { findCues, categorize } from './detect.ts';

/** The cue the statement is built around: the strongest one of the risk's category, else the strongest. */
function mainCue(hits: readonly CueHit[], category: RiskCategory): CueHit | undefined {
  let best: CueHit | undefined;
  const value = (h: CueHit): number => h.cue.weight + (h.cue.category === category ? 10 : 0);
  for (const h of hits) if (best === undefined || value(h) > value(best)) best = h;
  return best;
}

/**
 * The risk one sentence of the article states, with its score, or null when
 * it states none. Ranking and deduplication come after ({@link extractRisks}).
 */
export function detectRisk(s: Sentence, article: AnalysedArticle): ScoredRisk | null {
  if (s.heading || isQuestion(s.text) || isFurniture(s.text)) return null;
  if (repeatsTitle(s.text, simplify(article.title ?? ''))) return null;
  const hits = findCues(s.text, article.rules);
  if (hits.length === 0) return null;
  const category = categorize(s.text, hits);
  const main = mainCue(hits, category);
  if (main === undefined) return null;
  const score = riskScore(s.text, hits, category);
  if (score === null) return null;
  const text = riskStatement(s.text, main.start);
  const { terms, norm } = termVector(contentTerms(s.text, article.rules));
  return { risk: { category, text, sentence: s.text }, score, index: s.index, terms, norm };
}

/** The article's risks, best first, one per distinct risk. */
export function extractRisks(article: AnalysedArticle): Risk[] {
  const scored: ScoredRisk[] = [];
  for (const s of article.sentences) {
    const found = detectRisk(s, article);
    if (found !== null) scored.push(found);
  }
  return rankRisks(scored);
}
