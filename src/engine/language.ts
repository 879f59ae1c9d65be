/**
 * Language detection by function-word profiles (language-profiles.ts):
 * every word of the sample that is in a language's profile is a vote; letters
 * particular to a language add a smaller vote. Reliable for news paragraphs
 * in de/en/fr/es/it/nl/pt/pl; short or mixed texts come back with low
 * confidence or 'und'.
 */
import { LETTERS, NEWS_WORDS, PROFILES } from './language-profiles.ts';

/** Result of language detection. */
export interface LanguageGuess {
  /** ISO 639-1 code, or 'und' when undetermined. */
  language: string;
  /** 0..1: how far the winner is ahead of the runner-up. */
  confidence: number;
}

const SETS: readonly (readonly [string, ReadonlySet<string>])[] = Object.entries(PROFILES)
  .map(([lang, words]) => [lang, new Set([...words.split(' '), ...(NEWS_WORDS[lang]?.split(' ') ?? [])])] as const);
const WORD = /\p{L}+/gu;
/** Characters read at most. */
const SAMPLE = 20_000;
/** Fewer votes than this: undetermined. */
const MIN_VOTES = 3;
/** A text of at most this many words is short: … */
const SHORT_WORDS = 12;
/** … and is decided by this many votes when no other language has any. */
const MIN_VOTES_SHORT = 2;
/** Weight of one language-specific letter against one function word. */
const LETTER_WEIGHT = 0.25;

/** Guesses the language of a text. */
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, SAMPLE).toLowerCase();
  const votes = new Map<string, number>();
  let words = 0;
  for (const match of sample.matchAll(WORD)) {
    const word = match[0];
    words++;
    for (const [lang, set] of SETS) if (set.has(word)) votes.set(lang, (votes.get(lang) ?? 0) + 1);
  }
  for (const [lang, re] of Object.entries(LETTERS)) {
    const n = sample.match(re)?.length ?? 0;
    if (n > 0) votes.set(lang, (votes.get(lang) ?? 0) + n * LETTER_WEIGHT);
  }
  let best = 'und';
  let first = 0;
  let second = 0;
  for (const [lang, n] of votes) {
    if (n > first) {
      second = first;
      first = n;
      best = lang;
    } else if (n > second) second = n;
  }
  const shortAndClear = words <= SHORT_WORDS && second === 0 && first >= MIN_VOTES_SHORT;
  if (first < MIN_VOTES && !shortAndClear) return { language: 'und', confidence: 0 };
  return { language: best, confidence: (first - second) / first };
}
