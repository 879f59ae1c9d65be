/** Shape of one table case of the figure grammar tests, and the check every case runs. */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../../src/engine/figures/index.ts';
import type { Figure } from '../../../../src/engine/schema.ts';
import type { AnalysedArticle, RuleLanguage } from '../../../../src/engine/types.ts';

export type FigureCase = readonly [
  sentence: string,
  kind: Figure['kind'],
  value: number,
  currency: string | null,
  qualifier: Figure['qualifier'] | null,
  extra?: Partial<Pick<Figure, 'valueMax' | 'direction' | 'unit' | 'period' | 'label'>>,
];

/** The figures of one sentence read as a whole article. */
export function figuresOf(sentence: string, rules: RuleLanguage): Figure[] {
  const article: AnalysedArticle = {
    title: null, language: rules, rules, paragraphs: [sentence],
    sentences: [{ text: sentence, paragraph: 0, index: 0, heading: false }],
  };
  return extractFigures(article);
}

/** Exactly one figure, with the case's kind, value, currency, qualifier and extras. */
export function check(rules: RuleLanguage, [sentence, kind, value, currency, qualifier, extra = {}]: FigureCase): void {
  const figures = figuresOf(sentence, rules);
  expect(figures.map((f) => f.text), 'exactly one figure').toHaveLength(1);
  const f = figures[0];
  expect({ kind: f?.kind, currency: f?.currency ?? null, qualifier: f?.qualifier ?? null }).toEqual({ kind, currency, qualifier });
  expect(f?.value).toBeCloseTo(value, 9);
  expect(f?.valueMax).toEqual(extra.valueMax);
  if (extra.direction !== undefined) expect(f?.direction).toBe(extra.direction);
  if (extra.unit !== undefined) expect(f?.unit).toBe(extra.unit);
  if (extra.period !== undefined) expect(f?.period).toBe(extra.period);
  if (extra.label !== undefined) expect(f?.label).toBe(extra.label);
  expect(sentence).toContain(f?.text);
}

/** One test per table case, under one title. */
export function describeCases(title: string, rules: RuleLanguage, cases: readonly FigureCase[]): void {
  describe(title, () => {
    for (const c of cases) {
      it(`given "${c[0]}", then ${c[1]} ${String(c[2])} ${c[3] ?? ''} ${c[4] ?? ''}`, () => {
        check(rules, c);
      });
    }
  });
}
