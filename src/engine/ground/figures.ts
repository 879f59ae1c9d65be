/**
 * Numbers in a summary sentence against the numbers of its sources. Each
 * figure is read with the engine's figure grammar (scan.ts) in the summary's
 * own language and must equal a figure of the sources in kind, currency and
 * value. Rounding is allowed only as far as the summary's own precision, and
 * only where the summary signals it (a qualifier such as "rund" / "about", or
 * a scale word: "1,5 Mrd." may stand for 1.49 bn; a bare "2 %" must be 2 %).
 * Digits the grammar does not read as a figure (ages, ranks, counts without a
 * unit) must occur as a number in the sources.
 */
import type { FigureKind } from '../schema.ts';
import { parseNumber } from '../figures/numbers.ts';
import { scanFigures, type RawFigure } from '../figures/scan.ts';
import type { RuleLanguage } from '../types.ts';

/** A source's numbers: its figures and every digit string's value. */
export interface SourceNumbers {
  figures: RawFigure[];
  values: Set<number>;
  /** Orders of magnitude the text names (6 for "millions", 9 for "Milliarden"), with or without a number. */
  magnitudes: Set<number>;
}

/** Scale words that make a claim without a number ("lose millions", "Milliarden an Steuern"). */
const MAGNITUDE_WORDS: Readonly<Record<RuleLanguage, RegExp>> = {
  en: /(?<![\p{L}])(?:(millions?)|(billions?)|(trillions?))(?![\p{L}])/giu,
  de: /(?<![\p{L}])(?:(million(?:en)?|mio\.?)|(milliarden?|mrd\.?)|(billion(?:en)?))(?![\p{L}])/giu,
};

function magnitudesIn(text: string, language: RuleLanguage): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(MAGNITUDE_WORDS[language])) out.add(m[1] !== undefined ? 6 : m[2] !== undefined ? 9 : 12);
  return out;
}

const DIGITS = /(?<![\p{L}\p{N}_])\d{1,3}(?:[.,'\u202f\u00a0]\d{3})+(?:[.,]\d+)?(?![\p{N}])|(?<![\p{L}\p{N}_.,])\d+(?:[.,]\d+)?(?![\p{N}]|[.,]\p{N})/gu;
/** A four-digit year is checked as a date (dates.ts), not as a number. */
export const YEAR = /^(?:1[89]\d\d|20\d\d)$/u;

const round = (v: number): number => Number(v.toPrecision(12));

/** The numbers of one source sentence, read with its article's rules. */
export function sourceNumbers(text: string, rules: RuleLanguage): SourceNumbers {
  const figures = scanFigures(text, rules);
  const values = new Set<number>();
  // Digits glued to letters count on the source side ("MH370", "S8", "50m"): the summary may write them apart.
  for (const m of text.matchAll(/\d{1,3}(?:[.,'\u202f\u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?/gu)) {
    const v = parseNumber(m[0], rules);
    if (Number.isFinite(v)) values.add(round(v));
  }
  for (const f of figures) {
    values.add(round(f.value));
    if (f.valueMax !== undefined) values.add(round(f.valueMax));
  }
  const magnitudes = magnitudesIn(text, rules);
  for (const v of values) if (v >= 1e6) magnitudes.add(Math.min(12, Math.floor(Math.log10(v) / 3) * 3));
  return { figures, values, magnitudes };
}

/** How far a summary figure may be from the source's value: half a unit of its last written digit, when rounding is signalled. */
function tolerance(figure: RawFigure, text: string, language: RuleLanguage): number {
  const exact = Math.abs(figure.value) * 1e-9 + 1e-9;
  const raw = /\d[\d.,'\u202f\u00a0]*\d|\d/u.exec(text.slice(figure.start, figure.end))?.[0];
  const written = raw === undefined ? Number.NaN : parseNumber(raw, language);
  if (!Number.isFinite(written) || written === 0) return exact;
  const scale = Math.abs(figure.value / written);
  const decimals = (String(written).split('.')[1] ?? '').length;
  const unit = 10 ** -decimals * (scale > 1.5 ? scale : 1);
  if (figure.qualifier === 'about') return unit / 2 + exact;
  if (scale > 1.5) return unit / 2 + exact;
  // Four or more significant digits ("£10,787" for £10,787.50): dropping the last places is no change of fact.
  if (String(written).replace(/^0\.0*|\./gu, '').length >= 4) return unit / 2 + exact;
  return exact;
}

const COMPATIBLE: Readonly<Partial<Record<FigureKind, readonly FigureKind[]>>> = {
  count: ['count', 'quantity', 'money'],
  quantity: ['quantity', 'count'],
};

function kindsMatch(s: RawFigure, src: RawFigure): boolean {
  if (s.kind === src.kind) return true;
  // "1.5 billion" for "$1.5 billion": the summary left the currency out, it did not change it.
  return s.currency === undefined && (COMPATIBLE[s.kind]?.includes(src.kind) ?? false);
}

/** The place value of a number's last non-zero digit: 1 for 17, 10 for 60, 1e6 for 2 million, 0.1 for 2.5. */
function lastDigitUnit(value: number): number {
  const v = Math.abs(value);
  if (v === 0) return 1;
  let unit = 10 ** Math.floor(Math.log10(v));
  while (unit > 1e-6 && Math.abs(v / unit - Math.round(v / unit)) > 1e-9) unit /= 10;
  return unit;
}

function valueMatches(value: number, src: RawFigure, tol: number, qualifier: RawFigure['qualifier']): boolean {
  const low = src.value;
  const high = src.valueMax ?? src.value;
  // "more than 60" rounds a figure down to its own last digit: 60 … 69 may stand behind it, not 25 or 400.
  if (qualifier === 'more-than' || qualifier === 'at-least') return high >= value - tol && high < value + lastDigitUnit(value) + tol;
  // "up to N" states a ceiling the article gives: N is one of its figures (or a range's top), not any figure above one.
  if (qualifier === 'up-to') return Math.abs(value - high) <= tol || Math.abs(value - low) <= tol;
  if (qualifier === 'less-than') return low <= value + tol;
  return value >= low - tol && value <= high + tol;
}

/** Whether the summary figure states what some source figure states. */
function figureFound(s: RawFigure, tol: number, sources: readonly SourceNumbers[]): boolean {
  // A count may have words between number and noun in the source ("69 vor allem junge Menschen"): the number suffices.
  if (s.kind === 'count' && s.valueMax === undefined && s.qualifier === undefined && sources.some((src) => src.values.has(round(s.value)))) return true;
  for (const source of sources) {
    for (const src of source.figures) {
      if (!kindsMatch(s, src)) continue;
      if (s.currency !== undefined && src.currency !== s.currency) continue;
      if (s.valueMax !== undefined) {
        if (Math.abs(s.value - src.value) <= tol && Math.abs(s.valueMax - (src.valueMax ?? src.value)) <= tol) return true;
        continue;
      }
      if (valueMatches(s.value, src, tol, s.qualifier)) return true;
    }
  }
  return false;
}

/** Events measured in metres: "50m freestyle", "100m hurdles", "the 400m final". */
const DISTANCE_EVENT = /^\s*(?:freestyle|backstroke|breaststroke|butterfly|medley|individual|relay|hurdles|sprint|dash|race|final|heats?|semi-finals?|steeplechase|run|swim|title|gold|silver|bronze|record|world|olympic)(?![\p{L}])/iu;
const METRES = /^(?:m|metres?|meters?|meter)$/iu;

/**
 * A bare "50m" (no currency) is a distance, not 50 million, when a sport event follows or a source gives that many
 * metres; it then needs the number in a source ("50 metres", "50m").
 */
function distanceFound(s: RawFigure, text: string, language: RuleLanguage, sources: readonly SourceNumbers[]): boolean {
  const written = /^(\d+(?:[.,]\d+)?)\s?m$/u.exec(text.slice(s.start, s.end));
  if (s.currency !== undefined || written?.[1] === undefined) return false;
  const metres = parseNumber(written[1], language);
  const inMetres = sources.some((src) => src.figures.some((f) => f.kind === 'quantity' && METRES.test(f.unit ?? '') && f.value === metres));
  return inMetres || (DISTANCE_EVENT.test(text.slice(s.end)) && sources.some((src) => src.values.has(round(metres))));
}

/**
 * A German multiplicative adjective before a person noun counts deeds or titles, not a factor: "der 69-fache
 * Mörder" killed 69, "dreifacher Weltmeister" won three times. The number then needs to occur in a source.
 */
const PERSON_NOUN_AFTER = /^[\s\u00a0]+\p{Lu}\p{Ll}*(?:er|erin)(?![\p{L}])/u;

function countingAdjectiveFound(s: RawFigure, text: string, language: RuleLanguage, sources: readonly SourceNumbers[]): boolean {
  if (language !== 'de' || s.kind !== 'factor' || !/fach\p{L}*$/iu.test(text.slice(s.start, s.end))) return false;
  return PERSON_NOUN_AFTER.test(text.slice(s.end)) && sources.some((src) => src.values.has(round(s.value)));
}

/** The figures and numbers of a summary sentence that none of its sources states. */
export function unsupportedNumbers(text: string, language: RuleLanguage, sources: readonly SourceNumbers[], figures: readonly RawFigure[] = scanFigures(text, language)): string[] {
  const problems: string[] = [];
  for (const figure of figures) {
    if (figureFound(figure, tolerance(figure, text, language), sources) || distanceFound(figure, text, language, sources)
      || countingAdjectiveFound(figure, text, language, sources)) continue;
    problems.push(text.slice(figure.start, figure.end));
  }
  const inFigure = (at: number): boolean => figures.some((f) => at >= f.start && at < f.end);
  for (const m of text.matchAll(MAGNITUDE_WORDS[language])) {
    if (inFigure(m.index)) continue;
    const magnitude = m[1] !== undefined ? 6 : m[2] !== undefined ? 9 : 12;
    if (!sources.some((s) => s.magnitudes.has(magnitude))) problems.push(m[0]);
  }
  for (const m of text.matchAll(DIGITS)) {
    if (inFigure(m.index) || YEAR.test(m[0])) continue;
    const v = round(parseNumber(m[0], language));
    if (!sources.some((s) => s.values.has(v))) problems.push(m[0]);
  }
  return problems;
}
