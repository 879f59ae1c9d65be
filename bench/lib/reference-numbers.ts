/**
 * Numbers in ECTSum reference bullets, read the way ../shared/eval/README.md
 * defines the metric: money with its scale, percents, basis points and plain
 * amounts count; years, quarters ("q4"), ordinals and numbers glued to words
 * ("covid-19") do not. Deliberately independent of the engine's grammar, so
 * the engine is not graded by its own reading.
 */

export interface ReferenceNumber {
  /** 'percent' (basis points converted to points) or 'amount' (money and plain numbers). */
  kind: 'percent' | 'amount';
  value: number;
}

const NUMBER = /(?<![\p{L}\p{N}.,-])([$€£]\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\p{N}])(?:\s?(%|percent|pct|basis points?|bps?|billion|million|mln|mn|thousand|bln|bn|b|m|k)(?![\p{L}]))?(st|nd|rd|th)?/giu;

const SCALE: Readonly<Record<string, number>> = {
  billion: 1e9, bln: 1e9, bn: 1e9, b: 1e9, million: 1e6, mln: 1e6, mn: 1e6, m: 1e6, thousand: 1e3, k: 1e3,
};

/** Every countable number of a text, in order. */
export function referenceNumbers(text: string): ReferenceNumber[] {
  const out: ReferenceNumber[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const [, currency, digits = '', unitRaw, ordinal] = m;
    if (ordinal !== undefined) continue;
    const value = Number(digits.replace(/,/gu, ''));
    const unit = unitRaw?.toLowerCase();
    if (unit === '%' || unit === 'percent' || unit === 'pct') {
      out.push({ kind: 'percent', value });
      continue;
    }
    if (unit !== undefined && (unit.startsWith('basis') || unit.startsWith('bp'))) {
      out.push({ kind: 'percent', value: value / 100 });
      continue;
    }
    const scale = unit === undefined ? 1 : (SCALE[unit] ?? 1);
    const isYear = currency === undefined && scale === 1 && /^(?:19|20)\d\d$/u.test(digits);
    if (isYear) continue;
    out.push({ kind: 'amount', value: Number((value * scale).toPrecision(12)) });
  }
  return out;
}

/** A figure (kind, value, valueMax) as the metric compares it. */
export interface Candidate {
  kind: string;
  value: number;
  valueMax?: number | undefined;
}

const within = (a: number | undefined, b: number): boolean =>
  a !== undefined && (a === b || Math.abs(a - b) <= Math.abs(b) * 0.005);

/** Whether one candidate accounts for a reference number (compatible kind, value within 0.5 %). */
export function matches(candidate: Candidate, ref: ReferenceNumber): boolean {
  const isPercent = candidate.kind === 'percent' || candidate.kind === 'percentage-points';
  if ((ref.kind === 'percent') !== isPercent) return false;
  return within(candidate.value, ref.value) || within(candidate.valueMax, ref.value);
}
