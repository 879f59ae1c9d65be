/**
 * Which sentences may stand in a summary: not headings, not questions, not
 * page furniture (here and in furniture.ts: bylines, stamps, captions, calls
 * to action), not a bare quotation, and long enough to say something.
 */
import type { Sentence } from '../types.ts';
import { furnitureKind } from './furniture.ts';
import { wordCount } from './terms.ts';

/** How usable a sentence is as a summary sentence. */
export type Eligibility = 'good' | 'fragment' | 'never';

const TRAILING_CLOSERS_RE = /["'”“’‘»«)\]›‹\s]+$/u;
const TERMINAL_RE = /[.!…]$/u;
const QUESTION_RE = /\?$/u;
const OPEN_QUOTE_RE = /^["'„“‚‘»«›‹]/u;
const CLOSE_QUOTE_END_RE = /["'“”‘’«»‹›][.!…]?$/u;
const QUOTE_CHAR_RE = /["„“”‚‘’»«›‹]/gu;
const FURNITURE_RE = new RegExp(
  [
    '[|➤✓✔►▶•©®]', 'https?://', 'www\\.', '@\\w+\\.\\w',
    '\\b(?:lesen sie (?:auch|mehr)|mehr zum thema|jetzt (?:abonnieren|anmelden|lesen|kaufen)|zum artikel|newsletter|anzeige|werbung|cookie)',
    '\\b(?:read more|click here|sign up|subscribe|advertisement|all rights reserved|follow us|share this)',
  ].join('|'),
  'iu',
);
const LOWER_RE = /\p{Ll}/u;

/** Fewest words a good summary sentence has. */
export const MIN_WORDS = 4;

/** Whether a sentence is a question (closing quotes and brackets aside). */
export function isQuestion(text: string): boolean {
  return QUESTION_RE.test(text.trim().replace(TRAILING_CLOSERS_RE, ''));
}

/** Whether a line looks like page furniture: separators, tick marks, links, promos, or no lower-case letter. */
export function isFurniture(text: string): boolean {
  return FURNITURE_RE.test(text) || !LOWER_RE.test(text);
}

/** Classifies one sentence. */
export function eligibility(sentence: Sentence): Eligibility {
  if (sentence.heading) return 'never';
  const text = sentence.text.trim();
  const bare = text.replace(TRAILING_CLOSERS_RE, '');
  if (isQuestion(text) || isFurniture(text) || furnitureKind(text) !== null) return 'never';
  const words = wordCount(text);
  if (words < 3) return 'never';
  if (isQuoteOnly(text)) return 'never';
  if (!TERMINAL_RE.test(bare) || words < MIN_WORDS) return 'fragment';
  return 'good';
}

/** A sentence that is a quotation with nothing around it (no speaker, no context). */
function isQuoteOnly(text: string): boolean {
  if (!OPEN_QUOTE_RE.test(text) || !CLOSE_QUOTE_END_RE.test(text)) return false;
  const quotes = text.match(QUOTE_CHAR_RE) ?? [];
  return quotes.length <= 2;
}
