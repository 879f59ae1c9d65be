import type { Risk } from '../schema.ts';
import type { AnalysedArticle } from '../types.ts';

/** Placeholder: replaced by the risk lexicons. */
export function extractRisks(_article: AnalysedArticle): Risk[] {
  return [];
}
