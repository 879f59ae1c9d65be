/**
 * Content terms of a sentence for the summarizer: lower-case words without
 * stop words, reduced by a light stemmer (suffix stripping plus a prefix
 * cut, which also lets German compounds sharing a first part meet).
 */
import type { RuleLanguage } from '../types.ts';
import { STOP_WORDS } from './stop-words.ts';

const WORD_RE = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*|\p{N}+(?:[.,]\p{N}+)*/gu;
const DIGIT_RE = /\p{N}/u;
const EN_SUFFIX_RE = /(?:ings?|edly|ed|ly|ies|es|s)$/u;
const DE_SUFFIX_RE = /(?:ungen|ern|en|er|es|em|e|n|s)$/u;

/** Longest stem kept: longer words are cut to this prefix. */
const PREFIX = 7;

/** Light stem of a lower-case word. */
export function stem(word: string, language: RuleLanguage): string {
  if (DIGIT_RE.test(word)) return word;
  const stripped = word.length > 4 ? word.replace(language === 'de' ? DE_SUFFIX_RE : EN_SUFFIX_RE, '') : word;
  const base = stripped.length >= 3 ? stripped : word;
  return base.length > PREFIX ? base.slice(0, PREFIX) : base;
}

/** German words from this length on also yield their first part (compounds: "Sturmtief" → "sturm"). */
const COMPOUND_MIN = 8;
const COMPOUND_HEAD = 5;

/**
 * Stemmed content terms of a text, in order, repeats kept. German compounds
 * also yield their first COMPOUND_HEAD letters, so "Sturmtief", "Sturmflut"
 * and "Sturm" meet.
 */
export function contentTerms(text: string, language: RuleLanguage): string[] {
  const stops = STOP_WORDS[language];
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD_RE)) {
    const w = m[0];
    if (w.length < 3 || stops.has(w)) continue;
    out.push(stem(w, language));
    if (language === 'de' && w.length >= COMPOUND_MIN && !DIGIT_RE.test(w)) out.push(w.slice(0, COMPOUND_HEAD));
  }
  return out;
}

/** Number of words (letters or digits) in a text. */
export function wordCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD_RE)) n++;
  return n;
}

/** A number with its percent sign or word: "13%", "13 per cent", "13 percent", "13 Prozent", "13 pct". */
const PERCENT_RE = /(\p{N})\s*(?:%|per\s?cent\b|percent\b|prozent\b|pct\b\.?)/giu;
/** A number with its scale word: "1.2bn", "1.2 billion", "1,2 Mrd.", "3 Milliarden", "£5m", "5 Mio.", "5 million". */
const BILLION_RE = /(\p{N})\s*(?:bn\b|billions?\b|mrd\b\.?|milliarden?\b)/giu;
const MILLION_RE = /(\p{N})\s*(?:m\b|mn\b|millions?\b|mio\b\.?|millionen\b)/giu;

/**
 * Text with figures written one way: percent signs and words become "pct", scale words the made-up terms
 * "bnx"/"mnx" (three letters, so they count as content terms), so that
 * "13% higher" and "13 per cent higher" yield the same terms.
 */
export function normalizeFigures(text: string): string {
  return text.replace(PERCENT_RE, '$1 pct ').replace(BILLION_RE, '$1 bnx ').replace(MILLION_RE, '$1 mnx ');
}

/** Content terms for comparing summary sentences: {@link contentTerms} over {@link normalizeFigures}. */
export function summaryTerms(text: string, language: RuleLanguage): string[] {
  return contentTerms(normalizeFigures(text), language);
}

const SPACE_RE = /\s+/u;
const WORDLIKE_RE = /[\p{L}\p{N}]/u;

/** Words as a reader counts them: white-space separated tokens with a letter or digit ("£20.99", "Eccleston-Todd" are one). */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(SPACE_RE)) if (WORDLIKE_RE.test(token)) n++;
  return n;
}
