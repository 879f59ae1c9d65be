import { describe, expect, it } from 'vitest';
import type { Digest, Figure } from '../../../../src/engine/schema.ts';
import { chartRows, isChartable } from '../../../../src/format/chart/index.ts';

function fig(value: number, extra: Partial<Figure> = {}): Figure {
  return { kind: 'percent', value, label: `L${String(value)}`, text: `${String(value)} %`, sentence: 's', direction: 'up', ...extra };
}

function digest(title: string, figures: Figure[]): Digest {
  return { title, language: 'en', published: null, url: null, summary: [], figures, risks: [], warnings: [] };
}

describe('chartRows', () => {
  it('given percent figures with and without direction, ranges and other kinds, then only single percent changes qualify', () => {
    expect(isChartable(fig(5))).toBe(true);
    expect(isChartable(fig(5, { direction: 'down' }))).toBe(true);
    const { direction: _, ...noDirection } = fig(5);
    expect(isChartable(noDirection)).toBe(false);
    expect(isChartable(fig(5, { valueMax: 7 }))).toBe(false);
    expect(isChartable(fig(5, { kind: 'money', currency: 'EUR' }))).toBe(false);
    expect(isChartable(fig(5, { kind: 'percentage-points' }))).toBe(false);
    const { direction: __, ...negative } = fig(-15.7);
    expect(isChartable(negative)).toBe(true);
  });

  it('given a negative value, then it is a fall whatever the direction field says; a down figure never becomes a rise', () => {
    const { direction: _, ...signed } = fig(-15.7, { label: 'Umsatz' });
    expect(chartRows([digest('A', [signed])])).toEqual([{ label: 'Umsatz', source: 'A', change: -15.7 }]);
    expect(chartRows([digest('A', [fig(-2.34, { label: 'Kurs', direction: 'up' })])])[0]?.change).toBe(-2.34);
    expect(chartRows([digest('A', [fig(8, { label: 'Prognose (gesenkt)', direction: 'down' })])])[0]).toEqual({ label: 'Prognose (gesenkt)', source: 'A', change: -8 });
  });

  it('given two articles, then rows alternate by rank, a down figure is negative, and period and source are kept', () => {
    const rows = chartRows([
      digest('A', [fig(10, { label: 'revenue', period: 'Q3' }), fig(3, { kind: 'money' }), fig(4, { label: 'margin', direction: 'down' })]),
      digest('B', [fig(7, { label: 'sales' }), fig(2, { label: 'orders', qualifier: 'about' })]),
    ]);
    expect(rows).toEqual([
      { label: 'revenue (Q3)', source: 'A', change: 10 },
      { label: 'sales', source: 'B', change: 7 },
      { label: 'margin', source: 'A', change: -4 },
      { label: 'orders', source: 'B', change: 2, qualifier: 'about' },
    ]);
  });

  it('given the same label and change in two articles, then it is listed once; and at most max rows', () => {
    const same = fig(5, { label: 'Umsatz' });
    expect(chartRows([digest('A', [same]), digest('B', [{ ...same, label: 'umsatz' }])])).toHaveLength(1);
    const many = digest('C', Array.from({ length: 12 }, (_, i) => fig(i + 1)));
    expect(chartRows([many])).toHaveLength(8);
    expect(chartRows([many], 3).map((r) => r.change)).toEqual([1, 2, 3]);
  });

  it('given no qualifying figure, then there are no rows', () => {
    expect(chartRows([digest('A', [fig(3, { kind: 'count' })]), digest('B', [])])).toEqual([]);
    expect(chartRows([])).toEqual([]);
  });
});
