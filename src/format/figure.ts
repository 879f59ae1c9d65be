/**
 * Compact, platform-neutral rendering of a key figure ("+34 %", "> 40 % ↓",
 * "≈ 291 bn CNY", "×8"), shared by the console, Discord and Slack renderers.
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

function formatNumber(value: number, lang: LabelLanguage): string {
  const locale = lang === 'de' ? 'de-DE' : 'en-US';
  const abs = Math.abs(value);
  for (const [factor, word] of SCALES[lang]) {
    if (abs >= factor) {
      const scaled = value / factor;
      return `${scaled.toLocaleString(locale, { maximumFractionDigits: 4 })} ${word}`;
    }
  }
  return value.toLocaleString(locale, { maximumFractionDigits: 2 });
}

function formatAmount(value: number, figure: Figure, lang: LabelLanguage): string {
  const n = formatNumber(value, lang);
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

/** "≈ 291 bn CNY", "> 40 % ↓ (y/y)", "2.85–3.10 USD". */
export function formatFigureValue(figure: Figure, lang: LabelLanguage = 'en'): string {
  const amount = figure.valueMax === undefined
    ? formatAmount(figure.value, figure, lang)
    : `${formatNumber(figure.value, lang)}–${formatAmount(figure.valueMax, figure, lang)}`;
  const qualifier = figure.qualifier ? QUALIFIER_MARK[figure.qualifier] : '';
  const direction = figure.direction === 'up' ? ' ↑' : figure.direction === 'down' ? ' ↓' : '';
  const period = figure.period ? ` (${figure.period})` : '';
  return `${qualifier}${amount}${direction}${period}`;
}

/** "Umsatz im Cloud-Bereich: 34 % ↑". */
export function formatFigure(figure: Figure, lang: LabelLanguage = 'en'): string {
  return `${figure.label}: ${formatFigureValue(figure, lang)}`;
}
