/**
 * Content terms of a text, shared by the summarizer and the risk ranking:
 * lower-case words without stop words, reduced by a light stemmer (suffix
 * stripping plus a prefix cut, which also lets German compounds sharing a
 * first part meet), and the term-count vectors compared by cosine.
 */
import type { RuleLanguage } from '../types.ts';
import { STOP_WORDS } from './stop-words.ts';
import { WORD_RE } from './words.ts';

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

/** Terms with their counts, and the vector's Euclidean norm. */
export interface TermVector {
  terms: Map<string, number>;
  norm: number;
}

/** Counts `terms` into a {@link TermVector}. */
export function termVector(terms: readonly string[]): TermVector {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return { terms: m, norm: vectorNorm(m) };
}

/** Euclidean norm of a term-count map. */
export function vectorNorm(m: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const v of m.values()) s += v * v;
  return Math.sqrt(s);
}

/** Cosine similarity of two term-count vectors with their norms. */
export function cosine(a: ReadonlyMap<string, number>, an: number, b: ReadonlyMap<string, number>, bn: number): number {
  if (an === 0 || bn === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, v] of small) dot += v * (large.get(t) ?? 0);
  return dot / (an * bn);
}
