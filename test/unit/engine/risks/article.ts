/** Builds a small analysed article from sentences, one paragraph each. */
import type { AnalysedArticle, RuleLanguage } from '../../../../src/engine/types.ts';

export function articleOf(sentences: string[], rules: RuleLanguage, title: string | null = null): AnalysedArticle {
  return {
    title,
    language: rules,
    rules,
    paragraphs: sentences,
    sentences: sentences.map((text, i) => ({ text, paragraph: i, index: i, heading: false })),
  };
}
