import type { RuleLanguage } from './types.ts';

/**
 * Splits one paragraph into sentences. Placeholder rules; replaced by the
 * abbreviation-aware segmenter.
 */
export function splitSentences(paragraph: string, _language: RuleLanguage): string[] {
  return paragraph
    .split(/(?<=[.!?])\s+(?=[A-ZÄÖÜ„"])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
