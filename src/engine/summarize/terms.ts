/**
 * Terms for comparing summary sentences: the shared content terms
 * (text/terms.ts) over text whose figures are written one way, so that the
 * same fact in two wordings yields the same terms.
 */
import { contentTerms } from '../text/terms.ts';
import type { RuleLanguage } from '../types.ts';

/** A digit: every figure pattern below starts with one. */
const DIGIT_RE = /\p{N}/u;
/** A number with its percent sign or word: "13%", "13 per cent", "13 percent", "13 Prozent", "13 pct". */
const PERCENT_RE = /(\p{N})\s*(?:%|per\s?cent\b|percent\b|prozent\b|pct\b\.?)/giu;
/** A number with its scale word: "1.2bn", "1.2 billion", "1,2 Mrd.", "3 Milliarden", "£5m", "5 Mio.", "5 million". */
const BILLION_RE = /(\p{N})\s*(?:bn\b|billions?\b|mrd\b\.?|milliarden?\b)/giu;
const MILLION_RE = /(\p{N})\s*(?:m\b|mn\b|millions?\b|mio\b\.?|millionen\b)/giu;

/**
 * Text with figures written one way: percent signs and words become "pct", scale words the made-up terms
 * "bnx"/"mnx" (three letters, so they count as content terms), so that
 * "13% higher" and "13 per cent higher" yield the same terms.
 */
export function normalizeFigures(text: string): string {
  if (!DIGIT_RE.test(text)) return text;
  return text.replace(PERCENT_RE, '$1 pct ').replace(BILLION_RE, '$1 bnx ').replace(MILLION_RE, '$1 mnx ');
}

/** Content terms for comparing summary sentences: {@link contentTerms} over {@link normalizeFigures}. */
export function summaryTerms(text: string, language: RuleLanguage): string[] {
  return contentTerms(normalizeFigures(text), language);
}
