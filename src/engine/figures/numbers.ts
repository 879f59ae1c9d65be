/**
 * Reading a written number by the conventions of the article's language:
 * German "1.234,5" and "3,5", English "1,234.5" and "3.5". A single
 * separator followed by exactly three digits is a thousands separator
 * ("1.234" in German, "1,234" in English); otherwise it is the decimal mark.
 * Spaces (plain, no-break, narrow no-break) and apostrophes group thousands in both ("12 500", "1'000").
 */
import type { RuleLanguage } from '../types.ts';

const GROUPED_DE = /^\d{1,3}(?:[.' \u202f\u00a0]\d{3})+(?:,\d+)?$/u;
const GROUPED_EN = /^\d{1,3}(?:[,' \u202f\u00a0]\d{3})+(?:\.\d+)?$/u;
const GROUP_SEPARATORS = /[.,' \u202f\u00a0]/gu;

/** The value of a digit string such as "1.234,5" or "1,234.5"; NaN when it is not a number. */
export function parseNumber(raw: string, language: RuleLanguage): number {
  if (language === 'de') {
    if (GROUPED_DE.test(raw)) return Number(raw.replace(/[.' \u202f\u00a0]/gu, '').replace(',', '.'));
    if (raw.includes(',') && !raw.includes('.')) return Number(raw.replace(',', '.'));
    // "3.5" in German text: a decimal point written the English way (no group of three).
    if (/^\d+\.\d+$/u.test(raw)) return Number(raw);
  } else {
    if (GROUPED_EN.test(raw)) return Number(raw.replace(/[,' \u202f\u00a0]/gu, ''));
    if (/^\d+\.\d+$/u.test(raw)) return Number(raw);
    // "1,5" in English text: a decimal comma (the group of three was handled above).
    if (/^\d+,\d+$/u.test(raw)) return Number(raw.replace(',', '.'));
  }
  if (/^\d+$/u.test(raw)) return Number(raw);
  return Number(raw.replace(GROUP_SEPARATORS, ''));
}

/** Rounds away binary noise from scaling ("3.5 × 1e9" → 3500000000). */
export function scaled(value: number, scale: number): number {
  return Number((value * scale).toPrecision(12));
}
