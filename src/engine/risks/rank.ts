/**
 * Scores risk sentences (strength of evidence, specificity, finance
 * relevance), merges near-duplicates and orders them so that one category
 * does not crowd out the others.
 */
import type { Risk, RiskCategory } from '../schema.ts';
import { cosine } from '../text/terms.ts';
import { FINANCE_TERMS } from './categories.ts';
import { countMatches } from '../text/quick-regex.ts';
import type { CueHit } from './detect.ts';

/** A risk with what ranking needs. */
export interface ScoredRisk {
  risk: Risk;
  score: number;
  /** Sentence position, for stable order. */
  index: number;
  terms: Map<string, number>;
  norm: number;
}

export const RANK_WEIGHTS = {
  /** Evidence needed to call a sentence a risk. */
  threshold: 0.8,
  /** Later cues of the same sentence add this share of their weight. */
  extraCue: 0.4,
  maxStrength: 3,
  hedge: 0.2,
  number: 0.3,
  categorized: 0.3,
  name: 0.1,
  finance: 0.15,
  /** Factor for a sentence without end punctuation (a heading or teaser line). */
  fragment: 0.6,
  /** Factor per risk of the same category already ranked above. */
  sameCategory: 0.85,
  /** Cosine similarity from which two risks count as the same. */
  duplicate: 0.5,
} as const;

/** Conditionals and modals of a forward-looking risk ("May" the month is not one, hence case-sensitive). */
const HEDGE_RE = /(?<![\p{L}])(?:[Ww]enn|[Ff]alls|[Ss]ollten?|[Kk]önnten?|[Dd]roh(?:t|en)|[Ii]f|[Uu]nless|[Cc]ould|[Mm]ight|may)(?![\p{L}])/u;
const DIGIT_RE = /\p{N}/u;
/** Acronyms, CamelCase and mixed letter/digit words ("PDD", "GPT-5", "iPhone"). */
const NAME_RE = /(?<![\p{L}])(?:\p{Lu}{2,}[\p{L}\p{N}]*|\p{Ll}+\p{Lu}[\p{L}]*|\p{L}+-?\p{N}[\p{L}\p{N}.]*)/gu;
const TERMINAL_RE = /[.!…]["'”“’»«)]*$/u;

/** Evidence from the cues: the strongest counts fully, further distinct cues partly. */
export function cueStrength(hits: readonly CueHit[]): number {
  const weights = [...new Set(hits.map((h) => h.cue))].map((c) => c.weight).sort((a, b) => b - a);
  const [first = 0, ...rest] = weights;
  const total = first + RANK_WEIGHTS.extraCue * rest.reduce((a, b) => a + b, 0);
  return Math.min(RANK_WEIGHTS.maxStrength, total);
}

/** Score of a risk sentence, or null when the evidence is too weak. */
export function riskScore(sentence: string, hits: readonly CueHit[], category: RiskCategory): number | null {
  const finance = Math.min(3, countMatches(FINANCE_TERMS, sentence));
  const strength = cueStrength(hits);
  if (strength + 0.2 * finance < RANK_WEIGHTS.threshold) return null;
  const names = Math.min(3, (sentence.match(NAME_RE) ?? []).length);
  let score = strength
    + (HEDGE_RE.test(sentence) ? RANK_WEIGHTS.hedge : 0)
    + (DIGIT_RE.test(sentence) ? RANK_WEIGHTS.number : 0)
    + (category === 'other' ? 0 : RANK_WEIGHTS.categorized)
    + RANK_WEIGHTS.name * names
    + RANK_WEIGHTS.finance * finance;
  if (!TERMINAL_RE.test(sentence.trim())) score *= RANK_WEIGHTS.fragment;
  return score;
}

/** Most candidates ranked (best scores first); keeps ranking linear-ish on very long texts. */
export const MAX_RANKED = 60;

/** Best first, near-duplicates merged into the higher-ranked one, categories interleaved. */
export function rankRisks(candidates: ScoredRisk[]): Risk[] {
  const pool = [...candidates].sort((a, b) => b.score - a.score || a.index - b.index).slice(0, MAX_RANKED);
  const kept: ScoredRisk[] = [];
  for (const c of pool) {
    const dup = kept.some((k) => k.risk.sentence === c.risk.sentence
      || cosine(k.terms, k.norm, c.terms, c.norm) >= RANK_WEIGHTS.duplicate);
    if (!dup) kept.push(c);
  }
  const out: Risk[] = [];
  const perCategory = new Map<RiskCategory, number>();
  while (kept.length > 0) {
    let best = 0;
    let bestValue = -Infinity;
    kept.forEach((k, i) => {
      const v = k.score * RANK_WEIGHTS.sameCategory ** (perCategory.get(k.risk.category) ?? 0);
      if (v > bestValue) {
        bestValue = v;
        best = i;
      }
    });
    const [chosen] = kept.splice(best, 1);
    if (chosen === undefined) break;
    out.push(chosen.risk);
    perCategory.set(chosen.risk.category, (perCategory.get(chosen.risk.category) ?? 0) + 1);
  }
  return out;
}
