/**
 * Says when the text is not a full article: only a teaser, a paywall notice
 * or a truncated preview. The digest then carries a warning instead of
 * presenting the fragment as the article.
 */
import type { AnalysedArticle, ExtractedArticle } from './types.ts';

/** Body words below which a text is too short to be a full article. */
export const TEASER_MAX_WORDS = 80;
/** Body words below which a page with paywall evidence is treated as its teaser only. */
export const PAYWALL_MAX_WORDS = 300;
/** Fewest body sentences of a full article. */
const MIN_SENTENCES = 3;

const WORD = /[\p{L}\p{N}]+/gu;
/** A paragraph cut off mid-sentence: "…", "...", "[…]" at its end. */
const TRUNCATED = /(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$/u;

/** Warnings about teaser or paywalled text; empty for a full article. */
export function detectTeaser(extracted: ExtractedArticle, article: AnalysedArticle): string[] {
  const body = article.sentences.filter((s) => !s.heading);
  let words = 0;
  for (const s of body) words += s.text.match(WORD)?.length ?? 0;
  const last = article.paragraphs[article.paragraphs.length - 1] ?? '';
  if (extracted.paywallHints.length > 0 && words < PAYWALL_MAX_WORDS) {
    return [`paywall: only a teaser of ${String(words)} words is readable (${extracted.paywallHints[0] ?? 'paywall'}); the digest covers the teaser only`];
  }
  if (words < PAYWALL_MAX_WORDS && TRUNCATED.test(last)) {
    return [`teaser: the text breaks off after ${String(words)} words; it looks like a preview, not the full article`];
  }
  if (words < TEASER_MAX_WORDS || body.length < MIN_SENTENCES) {
    return [`teaser: the text has only ${String(words)} words in ${String(body.length)} sentences; it looks like a teaser, not a full article`];
  }
  return [];
}
