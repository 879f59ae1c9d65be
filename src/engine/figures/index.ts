import type { Figure } from '../schema.ts';
import type { AnalysedArticle } from '../types.ts';

/** Placeholder: replaced by the table-driven figure grammar. */
export function extractFigures(_article: AnalysedArticle): Figure[] {
  return [];
}
