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
import { CURRENCY_BEFORE, FACTOR_WORDS, QUALIFIERS } from './lexicon.ts';
import { numberWordValue, numberWordSource } from './number-words.ts';
import { parseNumber, scaled } from './numbers.ts';
import { alternation, buildTailGrammar, readTail, type Tail, type TailGrammar } from './tail.ts';

/** A figure found in a sentence, before its context (label, direction, period) is read. */
export interface RawFigure {
  kind: FigureKind;
  value: number;
  valueMax?: number;
  currency?: string;
  unit?: string;
  qualifier?: Qualifier;
  /** Direction stated by a sign ("+34 %", "−7,4 %", "minus 2,34 Prozent"). */
  sign?: 'up' | 'down';
  /** Label carried by a German compound ("3-Milliarden-Yuan-Anreizprogramm" → "Anreizprogramm"). */
  compoundLabel?: string;
  /** A sub-unit amount ("15 Cent"), merged into the main amount before it ("15 Dollar und 15 Cent"). */
  subunit?: boolean;
  /** Span in the sentence, qualifier and currency symbol included. */
  start: number;
  end: number;
}

/** Digits with thousands groups (point, comma, apostrophe, space, no-break and narrow no-break space) or without. */
const DIGITS = '\\d{1,3}(?:[.,\'\\u202f\\u00a0 ]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?';

interface Grammar extends TailGrammar {
  number: RegExp;
  rangeJoin: RegExp;
  qualifier: RegExp;
  qualifierOf: ReadonlyMap<string, Qualifier>;
  between: RegExp;
  fromBefore: RegExp;
  factorBefore: RegExp;
}

function buildGrammar(language: RuleLanguage): Grammar {
  return {
    ...buildTailGrammar(language),
    number: new RegExp(`(?<![\\p{L}\\p{N}_.,])(?:(${DIGITS})(?![\\p{N}]|[.,]\\p{N})|(${numberWordSource(language)})(?![\\p{L}\\p{N}]))`, 'giu'),
    rangeJoin: language === 'de' ? /[\s\u00a0]*(?:bis|–|—|-|und)[\s\u00a0]*/iuy : /[\s\u00a0]*(?:to|–|—|-|and)[\s\u00a0]*/iuy,
    qualifier: new RegExp(`(?<![\\p{L}])(${alternation(QUALIFIERS[language].map(([p]) => p))})[\\s\\u00a0]+$`, 'iu'),
    qualifierOf: new Map(QUALIFIERS[language]),
    between: language === 'de' ? /(?<![\p{L}])zwischen[\s\u00a0]+$/iu : /(?<![\p{L}])between[\s\u00a0]+$/iu,
    // "from" opens a change, unless a range is named: "expected to range from $13.20 to $13.40".
    fromBefore: /(?<![\p{L}])(?<!(?:range|ranges|ranging|ranged)[\s\u00a0]+)from[\s\u00a0]+$/iu,
    factorBefore: language === 'de' ? /(?<![\p{L}])faktor[\s\u00a0]+$/iu : /(?<![\p{L}])factor(?:[\s\u00a0]+of)?[\s\u00a0]+$/iu,
  };
}

const GRAMMARS: Readonly<Record<RuleLanguage, Grammar>> = { de: buildGrammar('de'), en: buildGrammar('en') };

/** How a currency key is written before a number: codes and "US$" in capitals, "Rs." capitalized. */
const prefixSpelling = (key: string): string => (/^rs/u.test(key) ? `R${key.slice(1)}` : key.toUpperCase());
const CURRENCY_PREFIX = new RegExp(`(?<![\\p{L}])(${alternation(Object.keys(CURRENCY_BEFORE).map(prefixSpelling))})[\\s\\u00a0]?$`, 'u');
const SIGN_PREFIX = /(?:^|[\s(])([+\-−–])$/u;
/** A sign written as a word: "minus 2,34 Prozent", "minus five percent"; "plus" only before a percent (else it adds). */
const WORD_SIGN = /(?<![\p{L}])(minus|plus)[\s\u00a0]+$/iu;
/** The article before a half: "einer halben Milliarde", "eine halbe Million". */
const HALF_ARTICLE = /(?<![\p{L}])(?:ein|eine|einer|einen|einem)[\s\u00a0]+$/iu;
/** A number glued to a name by a hyphen or space after a capitalized word: "GPT-5.2", "Qwen 3.5", "iPhone 15". */
const MODEL_NAME_BEFORE = /(?:\p{L}-|\p{Lu}[\p{L}]*\p{Ll}\p{Lu}?[\s\u00a0]|\p{Lu}{2,}[\s\u00a0])$/u;
/** A capitalized word before a number that is no name: a preposition or adverb opening the sentence ("Mit 458.000 TEU …"). */
const FUNCTION_WORD_BEFORE = /(?<![\p{L}])(?:Mit|Für|Über|Unter|Bei|Von|Nach|Seit|Vor|Auf|Um|Bis|Mehr|Rund|Knapp|Gut|Fast|Etwa|Nur|Auch|Insgesamt|With|For|Over|Under|About|Nearly|Almost|Only|Some|Around)[\s\u00a0]+$/u;
const FACTOR_WORD_RE = new RegExp(`(?<![\\p{L}])(${alternation(Object.keys(FACTOR_WORDS))})(?![\\p{L}])`, 'giu');
/** A parenthesis holding one comparison number: "6,31 (2014: 4,86) Millionen Euro". */
const PAREN_AFTER = /^[\s\u00a0]*\([^()]{0,24}?[\d][\d.,]*[\s\u00a0]*\)/u;
const PAREN_OPEN_BEFORE = /\([^()]{0,24}$/u;
const PAREN_CLOSE_AFTER = /^[\s\u00a0]*\)/u;

/** One number with its tail and prefix, or null when it is no figure. */
interface Reading {
  raw: RawFigure;
  numberStart: number;
  /** The tail's multiplier (scale, code scale, points factor). */
  multiplier: number;
  /** A parenthesis after the number was skipped: the number inside it is read as well. */
  skippedParen: boolean;
  /** A bare number standing in as the first half of a range or coordination. */
  bare?: boolean;
}

/** A bare number: digits or a number word without anything that makes it a figure. */
interface Bare {
  start: number;
  end: number;
  value: number;
  digits: string | undefined;
}

function valueOf(m: RegExpExecArray, language: RuleLanguage): number {
  return m[1] !== undefined ? parseNumber(m[1], language) : numberWordValue(m[2] ?? '', language);
}

/** The tail after the number, reading past a comparison in parentheses: "6,31 (2014: 4,86) Millionen Euro". */
function tailAfter(text: string, numberEnd: number, before: string, g: Grammar, language: RuleLanguage): { tail: Tail; skipped: boolean } {
  const tail = readTail(text, numberEnd, g, language);
  if (tail.kind !== null || tail.multiplier !== 1) return { tail, skipped: false };
  const rest = text.slice(numberEnd);
  const paren = PAREN_AFTER.exec(rest);
  const close = PAREN_OPEN_BEFORE.test(before) ? PAREN_CLOSE_AFTER.exec(rest) : null;
  const skip = paren ?? close;
  if (skip === null) return { tail, skipped: false };
  const after = readTail(text, numberEnd + skip[0].length, g, language);
  return after.kind === null ? { tail, skipped: false } : { tail: after, skipped: paren !== null };
}

/** Sign, then qualifier, in front of the figure. */
function readPrefixWords(raw: RawFigure, text: string, g: Grammar): void {
  const sign = SIGN_PREFIX.exec(text.slice(Math.max(0, raw.start - 2), raw.start));
  const word = sign === null ? WORD_SIGN.exec(text.slice(Math.max(0, raw.start - 12), raw.start)) : null;
  if (sign !== null) {
    raw.start -= 1;
    raw.sign = sign[1] === '+' ? 'up' : 'down';
  } else if (word !== null && (word[1]?.toLowerCase() === 'minus' || raw.kind === 'percent' || raw.kind === 'percentage-points')) {
    raw.start -= word[0].length;
    raw.sign = word[1]?.toLowerCase() === 'minus' ? 'down' : 'up';
  }
  const qualifier = g.qualifier.exec(text.slice(Math.max(0, raw.start - 30), raw.start));
  const q = qualifier === null ? undefined : g.qualifierOf.get((qualifier[1] ?? '').toLowerCase());
  if (qualifier !== null && q !== undefined) {
    raw.qualifier = q;
    raw.start -= qualifier[0].length;
  }
}

/** A number glued to "x" that names a model, not a factor: "777x jets", "Boeing 737x". */
function isModelFactor(text: string, numberEnd: number, digits: string | undefined, before: string): boolean {
  if (!/^[x×]/iu.test(text.slice(numberEnd))) return false;
  return MODEL_NAME_BEFORE.test(before) || (digits !== undefined && /^\d{3,}$/u.test(digits));
}

function readFigure(text: string, m: RegExpExecArray, g: Grammar, language: RuleLanguage): Reading | null {
  const numberStart = m.index;
  const numberEnd = numberStart + m[0].length;
  const digits = m[1];
  const word = m[2];
  const value = valueOf(m, language);
  if (!Number.isFinite(value)) return null;
  const before = text.slice(Math.max(0, numberStart - 40), numberStart);
  const prefix = CURRENCY_PREFIX.exec(before);
  const after = tailAfter(text, numberEnd, before, g, language);
  const skipped = after.skipped;
  let tail = after.tail;
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
    if (/^[\s\u00a0]*[^\p{L}\s]/u.test(text.slice(numberEnd, tail.end))) return null;
    if (value === 1 && tail.multiplier === 1 && (tail.kind === 'money' || tail.kind === 'count' || tail.kind === 'quantity')) return null;
    if (value === 0.5) start -= HALF_ARTICLE.exec(before)?.[0].length ?? 0;
  }
  if (tail.kind === 'factor' && factorWord === null && isModelFactor(text, numberEnd, digits, before)) return null;
  if (prefix === null && tail.kind !== 'factor' && MODEL_NAME_BEFORE.test(before) && !FUNCTION_WORD_BEFORE.test(before)
    && tail.multiplier === 1 && tail.kind !== 'percent' && tail.currency === undefined) return null;
  const raw: RawFigure = { kind: tail.kind, value: scaled(value, tail.multiplier), start, end: tail.end };
  if (currency !== undefined && raw.kind === 'money') raw.currency = currency;
  if (tail.unit !== undefined) raw.unit = tail.unit;
  if (tail.compoundLabel !== undefined) raw.compoundLabel = tail.compoundLabel;
  if (tail.subunit === true) raw.subunit = true;
  readPrefixWords(raw, text, g);
  return { raw, numberStart, multiplier: tail.multiplier, skippedParen: skipped };
}

/** Joins "A bis B" / "A to B" / "zwischen A und B" into one range figure. */
function joinRange(first: Reading, second: Reading, text: string, g: Grammar): RawFigure | null {
  const a = first.raw;
  const b = second.raw;
  const gap = text.slice(a.end, second.numberStart - (b.currency !== undefined && b.start < second.numberStart ? second.numberStart - b.start : 0));
  const join = new RegExp(`^${g.rangeJoin.source}$`, 'iu');
  const isBetween = g.between.test(text.slice(Math.max(0, a.start - 12), a.start));
  if (!join.test(gap) || (/und|and/iu.test(gap) && !isBetween)) return null;
  // "rose from $5 million to $7 million" states a change, not a range.
  if (g.fromBefore.test(text.slice(Math.max(0, a.start - 24), a.start)) && /to/iu.test(gap)) return null;
  if (b.kind !== a.kind && !(a.kind === 'count' && b.kind === 'money')) return null;
  if (a.currency !== undefined && b.currency !== undefined && a.currency !== b.currency) return null;
  // "4,6 bis 4,8 Milliarden Euro": the first number takes the second's scale when it has none.
  const aText = text.slice(first.numberStart, a.end);
  let low = a.value;
  if ((first.bare === true || !/\p{L}|%/u.test(aText.replace(/^[\d.,\s]+/u, ''))) && b.value / a.value > 100) {
    const ratio = b.value / (b.value >= 1e12 ? 1e12 : b.value >= 1e9 ? 1e9 : b.value >= 1e6 ? 1e6 : b.value >= 1e3 ? 1e3 : 1);
    const scale = b.value / ratio;
    low = scaled(a.value, scale);
  }
  if (low > b.value) return null;
  const range: RawFigure = { ...b, value: low, valueMax: b.value, start: a.start };
  delete range.sign;
  if (a.qualifier !== undefined) range.qualifier = a.qualifier;
  else delete range.qualifier;
  return range;
}

/** A bare number as the first half of a range or coordination, with its qualifier. */
function stubOf(here: Bare, next: Reading, text: string, g: Grammar): Reading {
  const raw: RawFigure = { kind: next.raw.kind, value: here.value, start: here.start, end: here.end };
  readPrefixWords(raw, text, g);
  return { raw, numberStart: here.start, multiplier: 1, skippedParen: false, bare: true };
}

/** Every figure in a sentence, in order of appearance. */
export function scanFigures(text: string, language: RuleLanguage): RawFigure[] {
  const g = GRAMMARS[language];
  const readings: (Reading | null)[] = [];
  const bare: Bare[] = [];
  g.number.lastIndex = 0;
  for (let m = g.number.exec(text); m !== null; m = g.number.exec(text)) {
    const reading = readFigure(text, m, g, language);
    readings.push(reading);
    bare.push({ start: m.index, end: m.index + m[0].length, value: valueOf(m, language), digits: m[1] });
    if (reading !== null && !reading.skippedParen) g.number.lastIndex = Math.max(g.number.lastIndex, reading.raw.end);
  }
  const out: RawFigure[] = [];
  for (let i = 0; i < readings.length; i++) {
    const reading = readings[i];
    const next = readings[i + 1];
    const here = bare[i];
    if (reading === undefined || here === undefined) continue;
    const open = reading ?? (next && Number.isFinite(here.value) ? stubOf(here, next, text, g) : null);
    if (open === null) continue;
    // A bare number may open a range whose second half carries the unit: "4,6 bis 4,8 Milliarden Euro".
    const range = next ? joinRange(open, next, text, g) : null;
    if (range !== null) {
      out.push(range);
      i++;
      continue;
    }
    // … or share the unit of the number after it: "4,5 und 3,5 Prozent", "von 440,5 Mio. auf 175,3 Mio. Euro".
    const shared = next && (reading === null || isScaleOnly(reading.raw)) ? shareUnit(open, here, reading === null, next, text, language) : null;
    if (shared !== null) out.push(shared);
    else if (reading !== null) out.push(inheritCurrency(reading, out.at(-1), text, language));
  }
  FACTOR_WORD_RE.lastIndex = 0;
  for (let m = FACTOR_WORD_RE.exec(text); m !== null; m = FACTOR_WORD_RE.exec(text)) {
    const value = FACTOR_WORDS[(m[1] ?? '').toLowerCase()];
    if (value !== undefined) out.push({ kind: 'factor', value, start: m.index, end: m.index + m[0].length });
  }
  // A number beyond double range ("7777…" with 400 digits, then "billion") reads as Infinity: no figure.
  const finite = out.filter((f) => Number.isFinite(f.value) && (f.valueMax === undefined || Number.isFinite(f.valueMax)));
  return mergeSubunits(finite.sort((a, b) => a.start - b.start), text);
}

const isScaleOnly = (raw: RawFigure): boolean => raw.kind === 'count' && raw.unit === undefined && raw.currency === undefined;

/** Words that coordinate two numbers sharing the unit written after the second. */
const COORDINATION: Readonly<Record<RuleLanguage, RegExp>> = {
  de: /^(?:[\s\u00a0]*(?:,|und|oder|bzw\.|beziehungsweise|sowie|auf|nach|gegenüber|vs\.)[\s\u00a0]*)+$/iu,
  en: /^(?:[\s\u00a0]*(?:,|and|or|to|from|versus|vs\.|compared (?:with|to))[\s\u00a0]*)+$/iu,
};
const YEAR = /^(?:1[89]|20)\d\d$/u;

/** The open number `open` with the kind, currency and (when it has none) scale of the figure after it. */
function shareUnit(open: Reading, here: Bare, isBare: boolean, next: Reading, text: string, language: RuleLanguage): RawFigure | null {
  const b = next.raw;
  if (b.kind !== 'money' && b.kind !== 'percent' && b.kind !== 'percentage-points') return null;
  if (!isBare && b.kind !== 'money') return null;
  if (isBare && here.digits !== undefined && YEAR.test(here.digits)) return null;
  const before = text.slice(Math.max(0, here.start - 40), here.start);
  if (isBare && (MODEL_NAME_BEFORE.test(before) || /[\p{L}][\s\u00a0]*[-/]$/u.test(before))) return null;
  if (!COORDINATION[language].test(text.slice(open.raw.end, b.start))) return null;
  const raw: RawFigure = { ...open.raw, kind: b.kind, value: isBare ? scaled(here.value, next.multiplier) : open.raw.value };
  if (b.currency !== undefined) raw.currency = b.currency;
  if (b.unit !== undefined) raw.unit = b.unit;
  return raw;
}

/** Between an amount with its currency and a scaled number that shares it: "von 4,76 Mrd. Euro auf 5,79 Mrd.". */
const CURRENCY_CARRIED: Readonly<Record<RuleLanguage, RegExp>> = {
  de: /^[\s\u00a0]*(?:auf|bis|und|oder|bzw\.|,)[\s\u00a0]*(?:(?:rund|etwa|knapp|gut|über)[\s\u00a0]+)?$/iu,
  en: /^[\s\u00a0]*(?:to|and|or|,)[\s\u00a0]*(?:(?:about|approximately|roughly|nearly)[\s\u00a0]+)?$/iu,
};

/** A scaled number with no unit of its own after an amount in a currency takes that currency ("… Euro auf 5,79 Mrd."). */
function inheritCurrency(reading: Reading, before: RawFigure | undefined, text: string, language: RuleLanguage): RawFigure {
  const raw = reading.raw;
  if (!isScaleOnly(raw) || reading.multiplier === 1 || before?.kind !== 'money' || before.currency === undefined) return raw;
  if (!CURRENCY_CARRIED[language].test(text.slice(before.end, reading.numberStart))) return raw;
  return { ...raw, kind: 'money', currency: before.currency };
}

/** "15 Dollar und 15 Cent": the sub-unit amount joins the main amount before it (15.15 USD). */
function mergeSubunits(figures: RawFigure[], text: string): RawFigure[] {
  const out: RawFigure[] = [];
  for (const f of figures) {
    const last = out.at(-1);
    if (f.subunit === true && last !== undefined && last.kind === 'money' && last.subunit !== true && last.currency === f.currency
      && last.valueMax === undefined && Number.isInteger(last.value) && /^[\s\u00a0]*(?:und|and|,)?[\s\u00a0]*$/iu.test(text.slice(last.end, f.start))) {
      out[out.length - 1] = { ...last, value: scaled(last.value + f.value, 1), end: f.end };
      continue;
    }
    out.push(f);
  }
  for (const f of out) delete f.subunit;
  return out;
}
