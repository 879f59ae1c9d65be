import type { AnalysedArticle, ExtractedArticle } from './types.ts';

/** Placeholder: replaced by teaser/paywall detection. */
export function detectTeaser(extracted: ExtractedArticle, article: AnalysedArticle): string[] {
  if (extracted.paywallHints.length > 0) return ['paywall: only a teaser of the article is available'];
  if (article.sentences.length < 3) return ['teaser: the text is too short to be a full article'];
  return [];
}
