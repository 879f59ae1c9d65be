/**
 * Compact, platform-neutral rendering of a key figure ("+34 %", "> 40 % ↓",
 * "≈ 291 bn CNY", "×8"), shared by the console, Discord and Slack renderers.
 * Notation (decimal comma, scale words, "Pp."/"pp") and period words follow
 * the language of the message the line stands in (a digest's language
 * setting), not the article's: a German article in an English digest reads
 * "1,234.5 m EUR", in a German digest "1.234,5 Mio. EUR". The label is the
 * article's own metric word and the quote beside the line stays verbatim.
 */
import type { Figure, Qualifier } from '../engine/schema.ts';

/** Language of labels and number formatting. */
export type LabelLanguage = 'de' | 'en';

const QUALIFIER_MARK: Record<Qualifier, string> = {
  about: '≈ ',
  'more-than': '> ',
  'less-than': '< ',
  'at-least': '≥ ',
  'up-to': '≤ ',
};

const SCALES: Record<LabelLanguage, [number, string][]> = {
  en: [[1e12, 'tn'], [1e9, 'bn'], [1e6, 'm']],
  de: [[1e12, 'Bio.'], [1e9, 'Mrd.'], [1e6, 'Mio.']],
};

/**
 * Scale words a source text may use, by factor. "billion" stands in both the 1e12 and the 1e9 row: German
 * "eine Billion" is 1e12, English "a billion" 1e9; the figure's magnitude tells them apart.
 */
const SCALE_WORDS: readonly (readonly [number, RegExp])[] = [
  [1e12, /(?<![\p{L}])(?:bio|billion|billionen|trillion|trillions|tn|trn)(?![\p{L}])/iu],
  [1e9, /(?<![\p{L}])(?:mrd|milliarde|milliarden|billion|billions|bn|bln|b)(?![\p{L}])/iu],
  [1e6, /(?<![\p{L}])(?:mio|million|millionen|millions|mn|mln|m)(?![\p{L}])|(?<![\p{L}])m(?=eur|usd|chf|gbp)/iu],
];

/** The scale the source text states ("1.234,5 Mio. Euro" → 1e6), when it fits the value; else null. */
function statedScale(value: number, text: string): number | null {
  for (const [factor, re] of SCALE_WORDS) if (Math.abs(value) >= factor && re.test(text)) return factor;
  return null;
}

/**
 * The number in the scale the text itself used ("1.234,5 Mio."), else in the largest scale it reaches, rounded to
 * two decimals ("1,23 Mrd."): never more digits than a reader can take in at a glance.
 */
function formatNumber(value: number, lang: LabelLanguage, text = ''): string {
  const locale = lang === 'de' ? 'de-DE' : 'en-US';
  const stated = statedScale(value, text);
  const abs = Math.abs(value);
  for (const [factor, word] of SCALES[lang]) {
    if (stated === null ? abs >= factor : stated === factor) {
      return `${(value / factor).toLocaleString(locale, { maximumFractionDigits: stated === null ? 2 : 3 })} ${word}`;
    }
  }
  return value.toLocaleString(locale, { maximumFractionDigits: 2 });
}

function formatAmount(value: number, figure: Figure, lang: LabelLanguage): string {
  const n = formatNumber(value, lang, figure.text);
  switch (figure.kind) {
    case 'money':
      return `${n} ${figure.currency ?? ''}`.trim();
    case 'percent':
      return `${n} %`;
    case 'percentage-points':
      return `${n} ${lang === 'de' ? 'Pp.' : 'pp'}`;
    case 'factor':
      return `×${n}`;
    default:
      return figure.unit ? `${n} ${figure.unit}` : n;
  }
}

/**
 * Period words in the digest's language, whatever the article's: the engine writes "GJ 2025" for a German
 * article and "FY25" for an English one, "y/y" for both. A German digest reads "GJ 2025", "ggü. Vj."; an English
 * one "FY 2025", "y/y".
 */
const PERIOD_WORDS: Readonly<Record<LabelLanguage, readonly (readonly [RegExp, string])[]>> = {
  de: [[/^y\/y$/u, 'ggü. Vj.'], [/^FY$/u, 'GJ'], [/^FY(\d{2,4})$/u, 'GJ $1']],
  en: [[/^GJ$/u, 'FY']],
};

/** The period of a figure in the digest's language. */
export function formatPeriod(period: string, lang: LabelLanguage): string {
  return period.split(' ').map((word) => {
    for (const [re, replacement] of PERIOD_WORDS[lang]) if (re.test(word)) return word.replace(re, replacement);
    return word;
  }).join(' ');
}

/** "≈ 291 bn CNY", "> 40 % ↓ (y/y)", "2.85–3.10 USD"; German digests "> 40 % ↓ (ggü. Vj.)", "1.234,5 Mio. EUR". */
export function formatFigureValue(figure: Figure, lang: LabelLanguage = 'en'): string {
  const amount = figure.valueMax === undefined
    ? formatAmount(figure.value, figure, lang)
    : `${formatNumber(figure.value, lang, figure.text)}–${formatAmount(figure.valueMax, figure, lang)}`;
  const qualifier = figure.qualifier ? QUALIFIER_MARK[figure.qualifier] : '';
  const direction = figure.direction === 'up' ? ' ↑' : figure.direction === 'down' ? ' ↓' : '';
  const period = figure.period ? ` (${formatPeriod(figure.period, lang)})` : '';
  return `${qualifier}${amount}${direction}${period}`;
}

/** "Umsatz im Cloud-Bereich: 34 % ↑". */
export function formatFigure(figure: Figure, lang: LabelLanguage = 'en'): string {
  return `${figure.label}: ${formatFigureValue(figure, lang)}`;
}
