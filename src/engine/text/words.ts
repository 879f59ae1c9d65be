/** Counting words: as the summarizer weighs sentences, and as a reader (and a word budget) counts them. */

/** A word: letters (with marks and digits after the first letter), or a number with its separators ("1.250,5"). */
export const WORD_RE = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*|\p{N}+(?:[.,]\p{N}+)*/gu;

/** Number of words ({@link WORD_RE}) in a text. */
export function wordCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD_RE)) n++;
  return n;
}

const SPACE_RE = /\s+/u;
const WORDLIKE_RE = /[\p{L}\p{N}]/u;

/** Words as a reader counts them: white-space separated tokens with a letter or digit ("£20.99", "Eccleston-Todd" are one). */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(SPACE_RE)) if (WORDLIKE_RE.test(token)) n++;
  return n;
}
