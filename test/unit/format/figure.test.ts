import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../src/engine/schema.ts';
import { digestArticle } from '../../../src/engine/digest.ts';
import { formatFigure, formatFigureValue } from '../../../src/format/figure.ts';

const base = { label: 'x', text: 'x', sentence: 'x' };

describe('formatFigureValue', () => {
  it.each<[Partial<Figure> & Pick<Figure, 'kind' | 'value'>, 'de' | 'en', string]>([
    [{ kind: 'percent', value: 34, direction: 'up' }, 'en', '34 % ↑'],
    [{ kind: 'percent', value: 40, qualifier: 'more-than', direction: 'down', period: 'y/y' }, 'de', '> 40 % ↓ (ggü. Vj.)'],
    [{ kind: 'percent', value: 40, qualifier: 'more-than', direction: 'down', period: 'y/y' }, 'en', '> 40 % ↓ (y/y)'],
    [{ kind: 'money', value: 3e9, currency: 'CNY' }, 'en', '3 bn CNY'],
    [{ kind: 'money', value: 291e9, currency: 'CNY', qualifier: 'about' }, 'de', '≈ 291 Mrd. CNY'],
    [{ kind: 'money', value: 1234.5e6, currency: 'EUR' }, 'de', '1,23 Mrd. EUR'],
    [{ kind: 'money', value: 1234.5e6, currency: 'EUR', text: '1.234,5 Mio. Euro' }, 'de', '1.234,5 Mio. EUR'],
    [{ kind: 'money', value: 1234.5e6, currency: 'EUR', text: '1.234,5 Mio. Euro' }, 'en', '1,234.5 m EUR'],
    [{ kind: 'money', value: 1.125e9, currency: 'USD', text: '$1.125 billion' }, 'en', '1.125 bn USD'],
    [{ kind: 'money', value: 1e12, currency: 'EUR', text: 'eine Billion Euro' }, 'de', '1 Bio. EUR'],
    [{ kind: 'money', value: 600e6, currency: 'USD', text: '$600m' }, 'en', '600 m USD'],
    [{ kind: 'money', value: 2e6, currency: 'EUR', text: '2 MEUR' }, 'de', '2 Mio. EUR'],
    [{ kind: 'money', value: 4.6e9, valueMax: 4.8e9, currency: 'EUR', text: '4,6 bis 4,8 Mrd. Euro' }, 'de', '4,6 Mrd.–4,8 Mrd. EUR'],
    [{ kind: 'money', value: 2.85, valueMax: 3.1, currency: 'USD' }, 'en', '2.85–3.1 USD'],
    [{ kind: 'factor', value: 8 }, 'en', '×8'],
    [{ kind: 'percentage-points', value: 0.8, unit: 'bp' }, 'en', '0.8 pp'],
    [{ kind: 'count', value: 7850, unit: 'Mitarbeiter' }, 'de', '7.850 Mitarbeiter'],
    [{ kind: 'money', value: 5e9, currency: 'EUR', period: 'GJ 2025' }, 'en', '5 bn EUR (FY 2025)'],
    [{ kind: 'money', value: 5e9, currency: 'USD', period: 'FY25' }, 'de', '5 Mrd. USD (GJ 25)'],
    [{ kind: 'percent', value: 3, direction: 'up', period: 'Q4 y/y' }, 'de', '3 % ↑ (Q4 ggü. Vj.)'],
    [{ kind: 'percent', value: 3, direction: 'up', period: 'GJ 2025/26' }, 'de', '3 % ↑ (GJ 2025/26)'],
  ])('given %o in %s, then it reads "%s"', (fig, lang, expected) => {
    expect(formatFigureValue({ ...base, ...fig }, lang)).toBe(expected);
  });

  it('given a German article\'s figure, then a German digest shows German notation and an English digest English notation', () => {
    const [figure] = digestArticle({ text: 'Der Umsatz stieg im Geschäftsjahr 2025 auf 1.234,5 Mio. Euro. Das war mehr als erwartet, sagte der Chef.' }).digest.figures;
    if (figure === undefined) throw new Error('no figure');
    expect([formatFigure(figure, 'de'), formatFigure(figure, 'en')]).toEqual(['Umsatz: 1.234,5 Mio. EUR ↑ (GJ 2025)', 'Umsatz: 1,234.5 m EUR ↑ (FY 2025)']);
    expect(figure.text).toBe('1.234,5 Mio. Euro');
  });

  it('given a label, then formatFigure prefixes it', () => {
    expect(formatFigure({ ...base, label: 'Cloud-Umsatz', kind: 'percent', value: 34 }, 'de')).toBe('Cloud-Umsatz: 34 %');
  });
});
