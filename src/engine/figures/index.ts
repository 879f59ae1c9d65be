/** Key figures of an article, best first: the grammar lives in ../figure-grammar/. */
import { extractKeyFigures } from '../figure-grammar/index.ts';
import type { Figure } from '../schema.ts';
import type { AnalysedArticle } from '../types.ts';

/** Every key figure of the article, deduplicated and in rank order. */
export function extractFigures(article: AnalysedArticle): Figure[] {
  return extractKeyFigures(article);
}
