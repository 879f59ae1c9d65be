/**
 * The figure grammar: finds every quantity in a sentence and normalizes it.
 * A figure is a number (digits or a number word) with what stands around it:
 *   [qualifier] [currency symbol | sign | "Faktor"] NUMBER [scale] [currency | % | points | unit | cents]
 * plus German compounds ("3-Milliarden-Yuan-Anreizprogramm"), one-word
 * multipliers ("verdreifacht", "eightfold"), fractions ("zwei Drittel") and
 * ranges ("4,6 bis 4,8 Milliarden Euro", "$2.85 to $3.10"). A bare number with
 * none of these (a year, a date, a model name like "Qwen 3.5") is no figure.
 */
import type { FigureKind, Qualifier } from '../schema.ts';
import type { RuleLanguage } from '../types.ts';
import { COUNT_UNITS, QUANTITY_UNITS } from './context-lexicon.ts';
import {
  CENTS, CURRENCY_AFTER, CURRENCY_BEFORE, FACTOR_WORDS, FRACTIONS, GLUED_ONLY_SCALES, NUMBER_WORDS, PERCENT_UNITS,
  POINT_UNITS, QUALIFIERS, SCALES,
} from './lexicon.ts';
import { parseNumber, scaled } from './numbers.ts';

/** A figure found in a sentence, before its context (label, direction, period) is read. */
export interface RawFigure {
  kind: FigureKind;
  value: number;
  valueMax?: number;
  currency?: string;
  unit?: string;
  qualifier?: Qualifier;
  /** Direction stated by a sign ("+34 %", "−7,4 %"). */
  sign?: 'up' | 'down';
  /** Label carried by a German compound ("3-Milliarden-Yuan-Anreizprogramm" → "Anreizprogramm"). */
  compoundLabel?: string;
  /** Span in the sentence, qualifier and currency symbol included. */
  start: number;
  end: number;
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
const alternation = (words: Iterable<string>): string => [...words].sort((a, b) => b.length - a.length).map(esc).join('|');
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{N}])';

const DIGITS = '\\d{1,3}(?:[.,\'\\u202f\\u00a0]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?';

interface Grammar {
  number: RegExp;
  words: Readonly<Record<string, number>>;
  scales: Readonly<Record<string, number>>;
  gluedScale: RegExp;
  spacedScale: RegExp;
  compound: RegExp;
  currencyAfter: RegExp;
  percent: RegExp;
  points: RegExp;
  unit: RegExp;
  fraction: RegExp;
  factorGlued: RegExp;
  rangeJoin: RegExp;
  qualifier: RegExp;
  qualifierOf: ReadonlyMap<string, Qualifier>;
  between: RegExp;
  factorBefore: RegExp;
}

function buildGrammar(language: RuleLanguage): Grammar {
  const words = NUMBER_WORDS[language];
  const scales = SCALES[language];
  const spaced = Object.keys(scales).filter((s) => !GLUED_ONLY_SCALES.has(s));
  const compoundScales = language === 'de' ? 'milliarden|millionen|mrd\\.?|mio\\.?|tausend|billionen' : 'billion|million|bn|m';
  return {
    number: new RegExp(`(?<![\\p{L}\\p{N}_.,])(?:(${DIGITS})(?![\\p{N}]|[.,]\\p{N})|(${alternation(Object.keys(words))})${NOT_LETTER_AFTER})`, 'giu'),
    words,
    scales,
    gluedScale: new RegExp(`(${alternation(Object.keys(scales))})(?![\\p{L}\\p{N}])`, 'iuy'),
    spacedScale: new RegExp(`[\\s\\u00a0]+(${alternation(spaced)})(?![\\p{L}\\p{N}])`, 'iuy'),
    compound: new RegExp(`-(${compoundScales})(?:-([\\p{L}][\\p{L}]*))?(?:-([\\p{L}][\\p{L}-]*))?`, 'iuy'),
    currencyAfter: new RegExp(`[\\s\\u00a0]*(${alternation(Object.keys(CURRENCY_AFTER).filter((c) => !/^\p{L}/u.test(c)))})|[\\s\\u00a0]+(${alternation(Object.keys(CURRENCY_AFTER).filter((c) => /^\p{L}/u.test(c)))})${NOT_LETTER_AFTER}`, 'iuy'),
    percent: new RegExp(`[\\s\\u00a0]*(%)|[\\s\\u00a0]*-?(${alternation([...PERCENT_UNITS].filter((u) => u !== '%'))})(?![\\p{L}])`, 'iuy'),
    points: new RegExp(`[\\s\\u00a0]*(${alternation(Object.keys(POINT_UNITS))})(?![\\p{L}])`, 'iuy'),
    unit: new RegExp('[\\s\\u00a0]+([\\p{L}][\\p{L}²/.-]*[\\p{L}²]|[\\p{L}])(?![\\p{L}])', 'uy'),
    fraction: new RegExp(`[\\s\\u00a0]+(${alternation(Object.keys(FRACTIONS))})(?![\\p{L}])`, 'iuy'),
    factorGlued: /(?:x|×|-?fach(?:e[nmrs]?)?)(?![\p{L}\p{N}])/iuy,
    rangeJoin: language === 'de' ? /[\s\u00a0]*(?:bis|–|—|-|und)[\s\u00a0]*/iuy : /[\s\u00a0]*(?:to|–|—|-|and)[\s\u00a0]*/iuy,
    qualifier: new RegExp(`(?<![\\p{L}])(${alternation(QUALIFIERS[language].map(([p]) => p))})[\\s\\u00a0]+$`, 'iu'),
    qualifierOf: new Map(QUALIFIERS[language]),
    between: language === 'de' ? /(?<![\p{L}])zwischen[\s\u00a0]+$/iu : /(?<![\p{L}])between[\s\u00a0]+$/iu,
    factorBefore: language === 'de' ? /(?<![\p{L}])faktor[\s\u00a0]+$/iu : /(?<![\p{L}])factor(?:[\s\u00a0]+of)?[\s\u00a0]+$/iu,
  };
}

const GRAMMARS: Readonly<Record<RuleLanguage, Grammar>> = { de: buildGrammar('de'), en: buildGrammar('en') };

const CURRENCY_PREFIX = /(US\$|C\$|CA\$|A\$|HK\$|\$|€|£|¥|₹|CHF|EUR|USD|GBP|JPY|CNY|RMB|Rs\.?)[\s\u00a0]?$/u;
const SIGN_PREFIX = /(?:^|[\s(])([+\-−–])$/u;
/** A number glued to a name by a hyphen or space after a capitalized word: "GPT-5.2", "Qwen 3.5", "iPhone 15". */
const MODEL_NAME_BEFORE = /(?:\p{L}-|\p{Lu}[\p{L}]*\p{Ll}\p{Lu}?[\s\u00a0]|\p{Lu}{2,}[\s\u00a0])$/u;
const FACTOR_WORD_RE = new RegExp(`(?<![\\p{L}])(${alternation(Object.keys(FACTOR_WORDS))})(?![\\p{L}])`, 'giu');

/** The tail after a number: what makes it a figure. */
interface Tail {
  kind: FigureKind | null;
  multiplier: number;
  currency?: string;
  unit?: string;
  compoundLabel?: string;
  end: number;
}

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function readUnit(text: string, at: number, g: Grammar, language: RuleLanguage): Tail | null {
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

/** Reads scale, currency, percent, points, factor or unit after a number ending at `at`. */
function readTail(text: string, at: number, g: Grammar, language: RuleLanguage): Tail {
  let end = at;
  let multiplier = 1;
  const compound = sticky(g.compound, text, end);
  if (compound !== null) {
    const scale = g.scales[(compound[1] ?? '').toLowerCase()] ?? 1;
    const second = compound[2] ?? '';
    const currency = CURRENCY_AFTER[second.toLowerCase()];
    const label = currency === undefined ? second : compound[3];
    const tail: Tail = { kind: 'money', multiplier: scale, end: end + compound[0].length };
    if (currency !== undefined) tail.currency = currency;
    if (label !== undefined && label !== '') tail.compoundLabel = label;
    return tail;
  }
  const glued = sticky(g.gluedScale, text, end);
  if (glued !== null) {
    multiplier = g.scales[(glued[1] ?? '').toLowerCase()] ?? 1;
    end += glued[0].length;
  } else {
    const spaced = sticky(g.spacedScale, text, end);
    if (spaced !== null) {
      multiplier = g.scales[(spaced[1] ?? '').toLowerCase()] ?? 1;
      end += spaced[0].length;
    }
  }
  const currency = sticky(g.currencyAfter, text, end);
  if (currency !== null) {
    const code = CURRENCY_AFTER[(currency[1] ?? currency[2] ?? '').toLowerCase()];
    if (code !== undefined) return { kind: 'money', multiplier, currency: code, end: end + currency[0].length };
  }
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
    return { kind: 'percent', multiplier: FRACTIONS[(fraction[1] ?? '').toLowerCase()] ?? 1, end: end + fraction[0].length };
  }
  const unit = readUnit(text, end, g, language);
  if (unit !== null) return { ...unit, multiplier };
  const cents = sticky(g.unit, text, end);
  if (cents !== null && CENTS.has((cents[1] ?? '').toLowerCase()) && multiplier === 1) {
    return { kind: 'money', multiplier: 0.01, currency: language === 'de' ? 'EUR' : 'USD', end: end + cents[0].length };
  }
  // A scale word alone ("3 Milliarden", "$ amounts" handled by the prefix): an amount of money or things.
  return { kind: multiplier === 1 ? null : 'count', multiplier, end };
}

/** One number with its tail and prefix, or null when it is no figure. */
interface Reading {
  raw: RawFigure;
  numberStart: number;
}

function readFigure(text: string, m: RegExpExecArray, g: Grammar, language: RuleLanguage): Reading | null {
  const numberStart = m.index;
  const digits = m[1];
  const word = m[2];
  const value = digits !== undefined ? parseNumber(digits, language) : (g.words[(word ?? '').toLowerCase()] ?? Number.NaN);
  if (!Number.isFinite(value)) return null;
  const before = text.slice(Math.max(0, numberStart - 40), numberStart);
  const prefix = CURRENCY_PREFIX.exec(before);
  let tail = readTail(text, numberStart + m[0].length, g, language);
  let start = numberStart;
  let currency = tail.currency;
  if (prefix !== null) {
    start -= prefix[0].length;
    currency = CURRENCY_BEFORE[(prefix[1] ?? '').toLowerCase()] ?? currency;
    if (tail.kind === null || tail.kind === 'count') tail = { ...tail, kind: 'money' };
  }
  const factorWord = g.factorBefore.exec(before);
  if (factorWord !== null && tail.kind === null) {
    tail = { ...tail, kind: 'factor' };
    start -= factorWord[0].length;
  }
  if (tail.kind === null) return null;
  // Number words need a scale, a unit or a currency word: "acht" alone, "ein" alone, "a $" are no figures.
  if (word !== undefined) {
    if (tail.kind === 'count' && tail.multiplier === 1) return null;
    if (/^[\s\u00a0]*[^\p{L}\s]/u.test(text.slice(numberStart + m[0].length, tail.end))) return null;
    if (value === 1 && tail.multiplier === 1 && (tail.kind === 'money' || tail.kind === 'count' || tail.kind === 'quantity')) return null;
  }
  if (prefix === null && tail.kind !== 'factor' && MODEL_NAME_BEFORE.test(before) && tail.multiplier === 1
    && tail.kind !== 'percent' && tail.currency === undefined) return null;
  const raw: RawFigure = { kind: tail.kind, value: scaled(value, tail.multiplier), start, end: tail.end };
  if (currency !== undefined && raw.kind === 'money') raw.currency = currency;
  if (tail.unit !== undefined) raw.unit = tail.unit;
  if (tail.compoundLabel !== undefined) raw.compoundLabel = tail.compoundLabel;
  const sign = SIGN_PREFIX.exec(text.slice(Math.max(0, start - 2), start));
  if (sign !== null) {
    raw.start -= 1;
    raw.sign = sign[1] === '+' ? 'up' : 'down';
  }
  const qualifier = g.qualifier.exec(text.slice(Math.max(0, raw.start - 30), raw.start));
  if (qualifier !== null) {
    const q = g.qualifierOf.get((qualifier[1] ?? '').toLowerCase());
    if (q !== undefined) {
      raw.qualifier = q;
      raw.start -= qualifier[0].length;
    }
  }
  return { raw, numberStart };
}

/** Joins "A bis B" / "A to B" / "zwischen A und B" into one range figure. */
function joinRange(first: Reading, second: Reading, text: string, g: Grammar): RawFigure | null {
  const a = first.raw;
  const b = second.raw;
  const gap = text.slice(a.end, second.numberStart - (b.currency !== undefined && b.start < second.numberStart ? second.numberStart - b.start : 0));
  g.rangeJoin.lastIndex = 0;
  const join = new RegExp(`^${g.rangeJoin.source}$`, 'iu');
  const isBetween = g.between.test(text.slice(Math.max(0, a.start - 12), a.start));
  if (!join.test(gap) || (/und|and/iu.test(gap) && !isBetween)) return null;
  if (b.kind !== a.kind && !(a.kind === 'count' && b.kind === 'money')) return null;
  if (a.currency !== undefined && b.currency !== undefined && a.currency !== b.currency) return null;
  // "4,6 bis 4,8 Milliarden Euro": the first number takes the second's scale when it has none.
  const aText = text.slice(first.numberStart, a.end);
  let low = a.value;
  if (!/\p{L}|%/u.test(aText.replace(/^[\d.,\s]+/u, '')) && b.value / a.value > 100) {
    const ratio = b.value / (b.value >= 1e12 ? 1e12 : b.value >= 1e9 ? 1e9 : b.value >= 1e6 ? 1e6 : b.value >= 1e3 ? 1e3 : 1);
    const scale = b.value / ratio;
    low = scaled(a.value, scale);
  }
  if (low > b.value) return null;
  const range: RawFigure = { ...b, value: low, valueMax: b.value, start: a.start };
  if (a.qualifier !== undefined) range.qualifier = a.qualifier;
  else delete range.qualifier;
  return range;
}

/** Every figure in a sentence, in order of appearance. */
export function scanFigures(text: string, language: RuleLanguage): RawFigure[] {
  const g = GRAMMARS[language];
  const readings: (Reading | null)[] = [];
  const bare: { start: number; end: number; match: RegExpExecArray }[] = [];
  g.number.lastIndex = 0;
  for (let m = g.number.exec(text); m !== null; m = g.number.exec(text)) {
    const reading = readFigure(text, m, g, language);
    readings.push(reading);
    bare.push({ start: m.index, end: m.index + m[0].length, match: m });
    if (reading !== null) g.number.lastIndex = Math.max(g.number.lastIndex, reading.raw.end);
  }
  const out: RawFigure[] = [];
  for (let i = 0; i < readings.length; i++) {
    const reading = readings[i];
    const next = readings[i + 1];
    const nextBare = bare[i + 1];
    if (reading === undefined) continue;
    if (reading === null) {
      // A bare number may open a range whose second half carries the unit: "4,6 bis 4,8 Milliarden Euro".
      const here = bare[i];
      if (here !== undefined && next && nextBare) {
        const value = here.match[1] !== undefined ? parseNumber(here.match[1], language) : Number.NaN;
        const stub: Reading = { raw: { kind: next.raw.kind, value, start: here.start, end: here.end }, numberStart: here.start };
        const qualifier = g.qualifier.exec(text.slice(Math.max(0, here.start - 30), here.start));
        if (qualifier !== null) {
          const q = g.qualifierOf.get((qualifier[1] ?? '').toLowerCase());
          if (q !== undefined) stub.raw = { ...stub.raw, qualifier: q, start: here.start - qualifier[0].length };
        }
        const range = Number.isFinite(value) ? joinRange(stub, next, text, g) : null;
        if (range !== null) {
          out.push(range);
          i++;
        }
      }
      continue;
    }
    if (next) {
      const range = joinRange(reading, next, text, g);
      if (range !== null) {
        out.push(range);
        i++;
        continue;
      }
    }
    out.push(reading.raw);
  }
  FACTOR_WORD_RE.lastIndex = 0;
  for (let m = FACTOR_WORD_RE.exec(text); m !== null; m = FACTOR_WORD_RE.exec(text)) {
    const value = FACTOR_WORDS[(m[1] ?? '').toLowerCase()];
    if (value !== undefined) out.push({ kind: 'factor', value, start: m.index, end: m.index + m[0].length });
  }
  // A number beyond double range ("7777…" with 400 digits, then "billion") reads as Infinity: no figure.
  return out.filter((f) => Number.isFinite(f.value) && (f.valueMax === undefined || Number.isFinite(f.valueMax))).sort((a, b) => a.start - b.start);
}
