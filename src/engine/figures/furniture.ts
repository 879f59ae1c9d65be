/**
 * Sentences that are page furniture, not the article's statements: price
 * boxes of products ("E-Autos: ab 1 €", "Jetzt nur 9,99 €"), ticker rows
 * ("FACC: 100 %", "DAX 18.234 +0,5 %"). They are fragments (no sentence end),
 * a label and a number with next to no words around. Their numbers are not
 * the article's figures. A text of a few sentences only is taken as it is.
 */
import type { Sentence } from '../types.ts';

/** Articles with fewer sentences are read whole ("Umsatz: 5 Mio. Euro" alone is a statement). */
const MIN_SENTENCES = 4;
const SENTENCE_END = /[.!?…]["'”“»«’)]*$/u;
const LABEL_VALUE = /^[^:]{1,40}:[\s\u00a0]*(?:ab|nur|from|only)?[\s\u00a0]*[-+−]?[\s\u00a0]*[\d€$£]/iu;
const PRICE_CUE = /(?<![\p{L}])(?:ab|statt|nur|uvp|jetzt|from|only|now)[\s\u00a0]+(?:[€$£][\s\u00a0]?)?\d/iu;
const WORD = /\p{L}{3,}/gu;

/** Whether the sentence is furniture of the page (see above). */
export function isFurniture(sentence: Sentence, total: number): boolean {
  if (total < MIN_SENTENCES) return false;
  const text = sentence.text.trim();
  if (SENTENCE_END.test(text)) return false;
  const words = text.match(WORD)?.length ?? 0;
  if (words <= 2) return true;
  if (words > 10) return false;
  return LABEL_VALUE.test(text) || PRICE_CUE.test(text);
}
