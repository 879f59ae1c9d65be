import type { AnalysedArticle } from './types.ts';

/** Options for the extractive summary. */
export interface SummaryOptions {
  /** Most sentences in the summary. @defaultValue 4 */
  maxSentences?: number;
}

/** The first `n` body sentences: the Lead-n baseline. */
export function leadSentences(article: AnalysedArticle, n: number): string[] {
  return article.sentences.filter((s) => !s.heading).slice(0, n).map((s) => s.text);
}

/** Placeholder: replaced by the scoring summarizer. */
export function summarize(article: AnalysedArticle, options: SummaryOptions = {}): string[] {
  return leadSentences(article, Math.min(options.maxSentences ?? 4, 3));
}
