/**
 * What follows a number and makes it a figure, read left to right:
 *   [German compound "-Milliarden-Euro-Plan"] | [scale] [ISO code [scale] | currency word | % | points | factor |
 *   fraction | unit | sub-unit]
 * and the exceptions a reader makes: "18 Euro-Finanzminister" counts ministers, "777x jets" names a model,
 * "a third buyer" is an ordinal.
 */
import type { FigureKind } from '../schema.ts';
import type { RuleLanguage } from '../types.ts';
import { COUNT_UNITS, QUANTITY_UNITS } from './context-lexicon.ts';
import {
  CENTS, CODE_SCALES, CROWN_COUNTRIES, CROWN_WORDS, CURRENCY_AFTER, FRACTIONS, GLUED_ONLY_SCALES, ISO_CODES, PERCENT_UNITS,
  POINT_UNITS, SCALES,
} from './lexicon.ts';

/** The tail after a number: what makes it a figure. */
export interface Tail {
  kind: FigureKind | null;
  multiplier: number;
  currency?: string;
  unit?: string;
  compoundLabel?: string;
  /** A sub-unit ("15 Cent"): its currency may be merged with the main unit before it. */
  subunit?: boolean;
  end: number;
}

export const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
export const alternation = (words: Iterable<string>): string => [...words].sort((a, b) => b.length - a.length).map(esc).join('|');
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{N}])';
const SPACE = '[\\s\\u00a0\\u202f]';

export interface TailGrammar {
  scales: Readonly<Record<string, number>>;
  gluedScale: RegExp;
  spacedScale: RegExp;
  compound: RegExp;
  code: RegExp;
  currencyAfter: RegExp;
  percent: RegExp;
  points: RegExp;
  unit: RegExp;
  fraction: RegExp;
  factorGlued: RegExp;
}

const letterKeys = (table: Readonly<Record<string, unknown>>, letters: boolean): string[] =>
  Object.keys(table).filter((c) => /^\p{L}/u.test(c) === letters);

export function buildTailGrammar(language: RuleLanguage): TailGrammar {
  const scales = SCALES[language];
  const spaced = Object.keys(scales).filter((s) => !GLUED_ONLY_SCALES.has(s));
  const compoundScales = language === 'de' ? 'milliarden|millionen|mrd\\.?|mio\\.?|tausend|billionen' : 'billion|million|bn|m';
  const codeScales = alternation(Object.keys(CODE_SCALES));
  // The code regex is case-sensitive: scale words after it are listed in lower case and capitalized ("Millionen").
  const afterCodeScale = alternation([...Object.keys(SCALES.en), ...Object.keys(SCALES.de)].filter((s) => !GLUED_ONLY_SCALES.has(s))
    .flatMap((s) => [s, s.charAt(0).toUpperCase() + s.slice(1)]));
  return {
    scales,
    gluedScale: new RegExp(`(${alternation(Object.keys(scales))})(?![\\p{L}\\p{N}])`, 'iuy'),
    spacedScale: new RegExp(`${SPACE}+(${alternation(spaced)})(?![\\p{L}\\p{N}])`, 'iuy'),
    compound: new RegExp(`-(${compoundScales})(?:-([\\p{L}][\\p{L}]*))?(?:-([\\p{L}][\\p{L}-]*))?`, 'iuy'),
    // Case-sensitive: "TRY" is a currency, "try" a word. "30 MUSD", "2 MEUR", "75 USD million".
    code: new RegExp(`${SPACE}*(?:(${codeScales})\\.?)?(${[...ISO_CODES].join('|')})(?![\\p{L}\\p{N}])(?:${SPACE}+(${afterCodeScale})(?![\\p{L}\\p{N}]))?`, 'uy'),
    currencyAfter: new RegExp(`${SPACE}*(${alternation(letterKeys(CURRENCY_AFTER, false))})|${SPACE}+(${alternation([...letterKeys(CURRENCY_AFTER, true), ...CROWN_WORDS])})${NOT_LETTER_AFTER}`, 'iuy'),
    percent: new RegExp(`${SPACE}*(%)|${SPACE}*-?(${alternation([...PERCENT_UNITS].filter((u) => u !== '%'))})(?:ig(?:e[nmrs]?)?)?(?![\\p{L}])`, 'iuy'),
    points: new RegExp(`${SPACE}*(${alternation(Object.keys(POINT_UNITS))})(?![\\p{L}])`, 'iuy'),
    unit: new RegExp(`${SPACE}+([\\p{L}][\\p{L}²/.-]*[\\p{L}²]|[\\p{L}])(?![\\p{L}])`, 'uy'),
    fraction: new RegExp(`${SPACE}+(${alternation(Object.keys(FRACTIONS))})(?![\\p{L}])`, 'iuy'),
    factorGlued: /(?:x|×|-?fach(?:e[nmrs]?)?)(?![\p{L}\p{N}])/iuy,
  };
}

export function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function readUnit(text: string, at: number, g: TailGrammar, language: RuleLanguage): Tail | null {
  const m = sticky(g.unit, text, at);
  if (m === null) return null;
  const word = (m[1] ?? '').toLowerCase();
  if (QUANTITY_UNITS.has(word)) return { kind: 'quantity', multiplier: 1, unit: m[1] ?? word, end: at + m[0].length };
  if (COUNT_UNITS.has(word)) return { kind: 'count', multiplier: 1, unit: m[1] ?? word, end: at + m[0].length };
  // German compounds of a count noun: "Industriekunden", "Vollzeitstellen".
  if (language === 'de' && /^\p{Lu}/u.test(m[1] ?? '')) {
    for (const unit of COUNT_UNITS) {
      if (unit.length >= 5 && word.endsWith(unit)) return { kind: 'count', multiplier: 1, unit: m[1] ?? word, end: at + m[0].length };
    }
  }
  return null;
}

const CURRENCY_MENTION = new RegExp(`(?<![\\p{L}])(${alternation(letterKeys(CURRENCY_AFTER, true))})(?![\\p{L}])|(US\\$|\\$|€|£|¥)`, 'giu');

/** The currency of the sentence's money nearest to `at` (a cent's main unit); null when none is named. */
function currencyNear(text: string, at: number): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  CURRENCY_MENTION.lastIndex = 0;
  for (let m = CURRENCY_MENTION.exec(text); m !== null; m = CURRENCY_MENTION.exec(text)) {
    const code = CURRENCY_AFTER[(m[1] ?? m[2] ?? '').toLowerCase()];
    const distance = Math.abs(m.index - at);
    if (code !== undefined && distance < bestDistance) {
      best = code;
      bestDistance = distance;
    }
  }
  return best;
}

/** Scale glued to the number or after a space ("3.5bn", "3,5 Mrd."): its multiplier and where it ends. */
function readScale(text: string, at: number, g: TailGrammar): { multiplier: number; end: number } {
  const glued = sticky(g.gluedScale, text, at);
  if (glued !== null) return { multiplier: g.scales[(glued[1] ?? '').toLowerCase()] ?? 1, end: at + glued[0].length };
  const spaced = sticky(g.spacedScale, text, at);
  if (spaced !== null) return { multiplier: g.scales[(spaced[1] ?? '').toLowerCase()] ?? 1, end: at + spaced[0].length };
  return { multiplier: 1, end: at };
}

/** An ISO code or currency word after the number (and scale), or null. */
function readCurrency(text: string, at: number, multiplier: number, g: TailGrammar): Tail | null {
  const code = sticky(g.code, text, at);
  if (code !== null) {
    const glued = CODE_SCALES[code[1] ?? ''] ?? 1;
    const after = code[3] === undefined ? 1 : (SCALES.en[code[3].toLowerCase()] ?? SCALES.de[code[3].toLowerCase()] ?? 1);
    return { kind: 'money', multiplier: multiplier * glued * after, currency: code[2] ?? '', end: at + code[0].length };
  }
  const currency = sticky(g.currencyAfter, text, at);
  if (currency === null) return null;
  const word = (currency[1] ?? currency[2] ?? '').toLowerCase();
  const end = at + currency[0].length;
  // "18 Euro-Finanzminister", "zwei Dollar-Milliardäre": the currency names a noun's kind; the number counts the noun.
  const compound = /^-(\p{Lu}[\p{L}-]*)/u.exec(text.slice(end));
  if (compound !== null && !/^cent/iu.test(compound[1] ?? '')) {
    return { kind: 'count', multiplier, unit: text.slice(at, end + compound[0].length).trim(), end: end + compound[0].length };
  }
  if (CROWN_WORDS.has(word)) {
    const country = CROWN_COUNTRIES.find(([re]) => re.test(text));
    const tail: Tail = { kind: 'money', multiplier, unit: currency[2] ?? word, end };
    if (country !== undefined) tail.currency = country[1];
    return tail;
  }
  const iso = CURRENCY_AFTER[word];
  return iso === undefined ? null : { kind: 'money', multiplier, currency: iso, end };
}

/** "a third buyer": an English ordinal, not a fraction ("a third of", "cut by a third." are fractions). */
const ORDINAL_FRACTION = /^(?:third|fifth)$/iu;

/** Reads scale, currency, percent, points, factor or unit after a number ending at `at`. */
export function readTail(text: string, at: number, g: TailGrammar, language: RuleLanguage): Tail {
  const compound = sticky(g.compound, text, at);
  if (compound !== null) {
    const scale = g.scales[(compound[1] ?? '').toLowerCase()] ?? 1;
    const second = compound[2] ?? '';
    const currency = CURRENCY_AFTER[second.toLowerCase()];
    const label = currency === undefined ? second : compound[3];
    const tail: Tail = { kind: 'money', multiplier: scale, end: at + compound[0].length };
    if (currency !== undefined) tail.currency = currency;
    if (label !== undefined && label !== '') tail.compoundLabel = label;
    return tail;
  }
  const { multiplier, end } = readScale(text, at, g);
  const currency = readCurrency(text, end, multiplier, g);
  if (currency !== null) return currency;
  if (sticky(g.percent, text, end) !== null) return { kind: 'percent', multiplier, end: g.percent.lastIndex };
  const points = sticky(g.points, text, end);
  if (points !== null) {
    const factor = POINT_UNITS[(points[1] ?? '').toLowerCase()] ?? 1;
    const tail: Tail = { kind: 'percentage-points', multiplier: multiplier * factor, end: end + points[0].length };
    if (factor !== 1) tail.unit = 'bp';
    return tail;
  }
  if (end === at && sticky(g.factorGlued, text, end) !== null) return { kind: 'factor', multiplier: 1, end: g.factorGlued.lastIndex };
  const fraction = sticky(g.fraction, text, end);
  if (fraction !== null && end === at) {
    const word = fraction[1] ?? '';
    const next = text.slice(end + fraction[0].length);
    if (ORDINAL_FRACTION.test(word) && /^[\s\u00a0]+(?!of(?![\p{L}]))\p{L}/iu.test(next)) return { kind: null, multiplier: 1, end };
    return { kind: 'percent', multiplier: FRACTIONS[word.toLowerCase()] ?? 1, end: end + fraction[0].length };
  }
  const unit = readUnit(text, end, g, language);
  if (unit !== null) return { ...unit, multiplier };
  const cents = sticky(g.unit, text, end);
  const sub = CENTS[(cents?.[1] ?? '').toLowerCase()];
  if (cents !== null && sub !== undefined && multiplier === 1) {
    const currency = sub ?? currencyNear(text, at) ?? (language === 'de' ? 'EUR' : 'USD');
    return { kind: 'money', multiplier: 0.01, currency, subunit: true, end: end + cents[0].length };
  }
  // A scale word alone ("3 Milliarden", "$ amounts" handled by the prefix): an amount of money or things.
  return { kind: multiplier === 1 ? null : 'count', multiplier, end };
}
