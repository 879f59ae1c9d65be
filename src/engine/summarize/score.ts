/**
 * Sentence features for the extractive summary: position in the article,
 * centrality (cosine to the article's content-term profile), overlap with
 * the title, numbers and names, and a length prior.
 */
import { simplify, repeatsTitle } from '../text/lines.ts';
import { cosine, termVector, vectorNorm } from '../text/terms.ts';
import { countWords, wordCount } from '../text/words.ts';
import type { AnalysedArticle } from '../types.ts';
import { eligibility, type Eligibility } from './candidates.ts';
import { withoutDateline } from './dateline.ts';
import { withoutGluedHeading } from './glued-heading.ts';
import { summaryTerms } from './terms.ts';

/** A sentence under consideration, with its features. */
export interface Candidate {
  /** Index into article.sentences. */
  index: number;
  text: string;
  eligibility: Eligibility;
  /** Distinct stemmed content terms with their counts in this sentence. */
  terms: Map<string, number>;
  /** Euclidean norm of `terms`. */
  norm: number;
  words: number;
  /** Words as the summary's word budget counts them ({@link countWords}). */
  size: number;
  score: number;
}

/** Weights of the features (documented in one place so they can be reasoned about). */
export const WEIGHTS = {
  /** Prior for the first body sentence; later sentences decay towards `positionFloor`. */
  position: 1.0,
  positionDecay: 0.35,
  positionFloor: 0.15,
  centrality: 1.6,
  title: 0.6,
  number: 0.12,
  names: 0.04,
  length: 0.25,
  /** Similarity to the first body sentence (the lead usually states the story). */
  lead: 0.5,
  fragmentPenalty: 1.5,
} as const;

const DIGIT_RE = /\p{N}/u;
/** Capitalized word not at the start of the sentence (a name, in English). */
const NAME_RE = /(?<=\s)\p{Lu}[\p{L}\p{M}]+/gu;

/** Length prior: sentences of about 15–40 words are best; very short or very long ones less so. */
function lengthPrior(words: number): number {
  if (words < 8) return words / 8 - 0.5;
  if (words < 15) return 0.5 + (words - 8) / 14;
  if (words <= 40) return 1;
  return Math.max(0, 1 - (words - 40) / 40);
}

/** Scores every sentence that may appear in a summary. */
export function scoreCandidates(article: AnalysedArticle): Candidate[] {
  const lang = article.rules;
  const candidates: Candidate[] = [];
  const title = simplify(article.title ?? '');
  for (const sentence of article.sentences) {
    if (sentence.heading) continue;
    const text = withoutGluedHeading(withoutDateline(sentence.text), lang);
    const words = wordCount(text);
    const e = eligibility(text === sentence.text ? sentence : { ...sentence, text }, words);
    if (e === 'never') continue;
    // A line that repeats the title adds nothing to it.
    if (repeatsTitle(text, title)) continue;
    const { terms, norm } = termVector(summaryTerms(text, lang));
    candidates.push({
      index: sentence.index, text, eligibility: e, terms, norm, words, size: countWords(text), score: 0,
    });
  }
  // Document profile: in how many sentences each term occurs (repeats inside one sentence count once).
  const profile = new Map<string, number>();
  for (const c of candidates) for (const t of c.terms.keys()) profile.set(t, (profile.get(t) ?? 0) + 1);
  for (const [t, v] of profile) if (v < 2) profile.delete(t);
  const profileNorm = vectorNorm(profile);
  const titleTerms = new Set(summaryTerms(article.title ?? '', lang));
  const lead = candidates.find((c) => c.eligibility === 'good');
  let rank = 0;
  for (const c of candidates) {
    const position = Math.max(WEIGHTS.positionFloor, 1 / (1 + WEIGHTS.positionDecay * rank));
    if (c.eligibility === 'good') rank++;
    const centrality = cosine(c.terms, c.norm, profile, profileNorm);
    const leadSim = lead === undefined || lead === c ? 0 : cosine(c.terms, c.norm, lead.terms, lead.norm);
    let titleHits = 0;
    for (const t of titleTerms) if (c.terms.has(t)) titleHits++;
    const title = titleTerms.size === 0 ? 0 : titleHits / titleTerms.size;
    const names = lang === 'en' ? Math.min(3, (c.text.match(NAME_RE) ?? []).length) : 0;
    c.score = WEIGHTS.position * position
      + WEIGHTS.centrality * centrality
      + WEIGHTS.title * title
      + (DIGIT_RE.test(c.text) ? WEIGHTS.number : 0)
      + WEIGHTS.names * names
      + WEIGHTS.length * lengthPrior(c.words)
      + WEIGHTS.lead * leadSim
      - (c.eligibility === 'fragment' ? WEIGHTS.fragmentPenalty : 0);
  }
  return candidates;
}
