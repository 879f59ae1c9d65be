/**
 * Grounding of plain texts, as `digestbot ground` and the evaluation use it:
 * the article text goes through the engine's own extraction, language
 * detection and sentence split; the summary is split into sentences in its
 * own language and, citing no ids, each sentence is checked against the whole
 * article.
 */
import { analyseArticle } from '../analyse.ts';
import { extractFromText } from '../extract/text.ts';
import { detectLanguage } from '../language.ts';
import { splitSentences } from '../sentences.ts';
import type { RuleLanguage } from '../types.ts';
import { groundSentence, prepareSource, type GroundedSentence, type PreparedSource, type SummaryClaim } from './index.ts';

const GERMAN_HINTS = /(?<![\p{L}])(?:der|die|das|und|ist|nicht|mit|von|den|dem|im|wurde|hat|sind|auf|für|ein|eine)(?![\p{L}])|[äöüß]/giu;
const ENGLISH_HINTS = /(?<![\p{L}])(?:the|and|of|to|was|is|with|has|have|said|says|by|for|a|an|were|are|on|its|that|will|from|at)(?![\p{L}])|\p{L}['’]s(?![\p{L}])/giu;

/** The rules of a short text's language (German or, for anything else, English); a sentence or two decides by its function words. */
export function rulesOf(text: string, fallback: RuleLanguage = 'en'): RuleLanguage {
  const guess = detectLanguage(text);
  if (guess.language !== 'und') return guess.language === 'de' ? 'de' : 'en';
  const de = text.match(GERMAN_HINTS)?.length ?? 0;
  const en = text.match(ENGLISH_HINTS)?.length ?? 0;
  return de === en ? fallback : de > en ? 'de' : 'en';
}

/** An article text read for grounding. */
export function prepareText(source: string): PreparedSource {
  const { article } = analyseArticle(extractFromText(source));
  return prepareSource({ title: article.title, rules: article.rules, sentences: article.sentences });
}

/** Checks each sentence of `summary` (any text) against the whole of `source` (article text). */
export function groundText(source: string, summary: string | readonly string[]): GroundedSentence[] {
  const prepared = prepareText(source);
  const joined = typeof summary === 'string' ? summary : summary.join(' ');
  const language = rulesOf(joined, prepared.rules);
  const sentences = typeof summary === 'string'
    ? summary.split(/\n+/u).flatMap((p) => splitSentences(p, language))
    : summary.map((s) => s.trim()).filter((s) => s !== '');
  return sentences.map((text) => groundSentence(prepared, { text }, language));
}

/** Checks sentences that cite ids of `source`'s sentences (the engine's split, 0-based), as the LLM path does. */
export function groundClaims(source: string, claims: readonly SummaryClaim[]): GroundedSentence[] {
  const prepared = prepareText(source);
  const language = rulesOf(claims.map((c) => c.text).join(' '), prepared.rules);
  return claims.map((c) => groundSentence(prepared, c, language));
}
