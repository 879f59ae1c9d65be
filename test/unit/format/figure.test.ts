import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../src/engine/schema.ts';
import { formatFigure, formatFigureValue } from '../../../src/format/figure.ts';

const base = { label: 'x', text: 'x', sentence: 'x' };

describe('formatFigureValue', () => {
  it.each<[Partial<Figure> & Pick<Figure, 'kind' | 'value'>, 'de' | 'en', string]>([
    [{ kind: 'percent', value: 34, direction: 'up' }, 'en', '34 % ↑'],
    [{ kind: 'percent', value: 40, qualifier: 'more-than', direction: 'down', period: 'y/y' }, 'de', '> 40 % ↓ (y/y)'],
    [{ kind: 'money', value: 3e9, currency: 'CNY' }, 'en', '3 bn CNY'],
    [{ kind: 'money', value: 291e9, currency: 'CNY', qualifier: 'about' }, 'de', '≈ 291 Mrd. CNY'],
    [{ kind: 'money', value: 1234.5e6, currency: 'EUR' }, 'de', '1,2345 Mrd. EUR'],
    [{ kind: 'money', value: 2.85, valueMax: 3.1, currency: 'USD' }, 'en', '2.85–3.1 USD'],
    [{ kind: 'factor', value: 8 }, 'en', '×8'],
    [{ kind: 'percentage-points', value: 0.8, unit: 'bp' }, 'en', '0.8 pp'],
    [{ kind: 'count', value: 7850, unit: 'Mitarbeiter' }, 'de', '7.850 Mitarbeiter'],
  ])('given %o in %s, then it reads "%s"', (fig, lang, expected) => {
    expect(formatFigureValue({ ...base, ...fig }, lang)).toBe(expected);
  });

  it('given a label, then formatFigure prefixes it', () => {
    expect(formatFigure({ ...base, label: 'Cloud-Umsatz', kind: 'percent', value: 34 }, 'de')).toBe('Cloud-Umsatz: 34 %');
  });
});
