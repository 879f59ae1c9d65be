/**
 * Which sentences may stand in a summary: not headings, not questions, not
 * page furniture (here and in furniture.ts: bylines, stamps, captions, calls
 * to action), not a bare quotation, and long enough to say something.
 */
import { isFurniture, isQuestion, withoutClosers } from '../text/lines.ts';
import { wordCount } from '../text/words.ts';
import type { Sentence } from '../types.ts';
import { furnitureKind } from './furniture.ts';

/** How usable a sentence is as a summary sentence. */
export type Eligibility = 'good' | 'fragment' | 'never';

const TERMINAL_RE = /[.!…]$/u;
const OPEN_QUOTE_RE = /^["'„“‚‘»«›‹]/u;
const CLOSE_QUOTE_END_RE = /["'“”‘’«»‹›][.!…]?$/u;
const QUOTE_CHAR_RE = /["„“”‚‘’»«›‹]/gu;

/** Fewest words a good summary sentence has. */
export const MIN_WORDS = 4;

/** Classifies one sentence; `words` is its {@link wordCount}, when the caller has it. */
export function eligibility(sentence: Sentence, words = wordCount(sentence.text)): Eligibility {
  if (sentence.heading) return 'never';
  const text = sentence.text.trim();
  if (words < 3) return 'never';
  const bare = withoutClosers(text);
  if (isQuestion(text) || isFurniture(text) || furnitureKind(text) !== null) return 'never';
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
