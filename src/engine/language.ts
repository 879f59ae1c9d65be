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
  /** Set when most letters are not Latin: the script they are written in ("Han", "Cyrillic", …). */
  script?: string;
}

/**
 * Scripts other than Latin, with the language a text in them is written in when the script tells (Han is Chinese,
 * kana Japanese); 'und' where several languages share the script (Cyrillic, Arabic, Devanagari).
 */
const SCRIPTS: readonly (readonly [string, RegExp, string])[] = [
  ['Han', /\p{Script=Han}/gu, 'zh'],
  ['Japanese kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  ['Hangul', /\p{Script=Hangul}/gu, 'ko'],
  ['Cyrillic', /\p{Script=Cyrillic}/gu, 'und'],
  ['Greek', /\p{Script=Greek}/gu, 'el'],
  ['Arabic', /\p{Script=Arabic}/gu, 'und'],
  ['Hebrew', /\p{Script=Hebrew}/gu, 'he'],
  ['Thai', /\p{Script=Thai}/gu, 'th'],
  ['Devanagari', /\p{Script=Devanagari}/gu, 'und'],
];
const LATIN = /\p{Script=Latin}/gu;
const LETTER = /\p{L}/gu;
/** A Han or kana character stands for about as much text as this many Latin letters. */
const CJK_WEIGHT = 3;
/** Japanese writes kana beside Han: kana at least this share of the Han count makes a text Japanese. */
const KANA_SHARE = 0.05;

/** The script of a text whose letters are mostly not Latin, with its language; null for Latin text. */
function nonLatinScript(sample: string): { script: string; language: string } | null {
  const counts = SCRIPTS.map(([script, re, language]) => ({
    script, language, n: (sample.match(re)?.length ?? 0) * (script === 'Han' || script === 'Japanese kana' ? CJK_WEIGHT : 1),
  }));
  const latin = sample.match(LATIN)?.length ?? 0;
  // Letters of scripts not listed (Bengali, Tamil, Georgian …) count too, under a general name.
  const listed = SCRIPTS.reduce((sum, [, re]) => sum + (sample.match(re)?.length ?? 0), 0);
  counts.push({ script: 'a non-Latin', language: 'und', n: (sample.match(LETTER)?.length ?? 0) - latin - listed });
  const other = counts.reduce((sum, c) => sum + c.n, 0);
  if (other <= latin) return null;
  const [han, kana] = counts;
  if (han !== undefined && kana !== undefined && kana.n > 0 && kana.n >= han.n * KANA_SHARE) return { script: kana.script, language: kana.language };
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
  return { script: best.script, language: best.language };
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
/**
 * A text of at least this many words … (news text in a profiled language has a quarter or more of its words in
 * the profile: 0.24 at the lowest in bbc-business, cnndm-sample and ECTSum) …
 */
const DENSE_WORDS = 40;
/** … whose winning profile holds fewer than this share of its words is in some other language (Swedish, Turkish …). */
const MIN_DENSITY = 0.1;

/** Guesses the language of a text. */
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, SAMPLE).toLowerCase();
  const script = nonLatinScript(sample);
  // English words on a Chinese page (names, menus, tickers) must not make it English.
  if (script !== null) return { language: script.language, confidence: 1, script: script.script };
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
  if (words >= DENSE_WORDS && first / words < MIN_DENSITY) return { language: 'und', confidence: 0 };
  return { language: best, confidence: (first - second) / first };
}
