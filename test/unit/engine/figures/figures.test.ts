/**
 * The figure grammar, table-driven: each sentence holds exactly one figure,
 * and its normalized kind, value, currency and qualifier must be exactly the
 * expected ones (plus range end, direction, unit, period, label where given).
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../../src/engine/figures/index.ts';
import type { Figure } from '../../../../src/engine/schema.ts';
import type { AnalysedArticle, RuleLanguage } from '../../../../src/engine/types.ts';
import { ENGLISH_CASES, NO_FIGURE_CASES } from './cases-en.ts';
import { GERMAN_CASES } from './cases-de.ts';
import type { FigureCase } from './figure-case.ts';

function figuresOf(sentence: string, rules: RuleLanguage): Figure[] {
  const article: AnalysedArticle = {
    title: null, language: rules, rules, paragraphs: [sentence],
    sentences: [{ text: sentence, paragraph: 0, index: 0, heading: false }],
  };
  return extractFigures(article);
}

function check(rules: RuleLanguage, [sentence, kind, value, currency, qualifier, extra = {}]: FigureCase): void {
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

describe('figure grammar, German', () => {
  for (const c of GERMAN_CASES) {
    it(`given "${c[0]}", then ${c[1]} ${String(c[2])} ${c[3] ?? ''} ${c[4] ?? ''}`, () => {
      check('de', c);
    });
  }
});

describe('figure grammar, English', () => {
  for (const c of ENGLISH_CASES) {
    it(`given "${c[0]}", then ${c[1]} ${String(c[2])} ${c[3] ?? ''} ${c[4] ?? ''}`, () => {
      check('en', c);
    });
  }
});

describe('numbers that are no figures', () => {
  it.each(NO_FIGURE_CASES)('given "%s", then no figure', (sentence, rules) => {
    expect(figuresOf(sentence, rules).map((f) => f.text)).toEqual([]);
  });
});

describe('ranking and deduplication', () => {
  it('given the same fact twice, then it is listed once', () => {
    const text = 'Der Umsatz stieg um 5 Prozent. Auch im Vorjahresvergleich stieg der Umsatz um 5 Prozent.';
    const article: AnalysedArticle = {
      title: null, language: 'de', rules: 'de', paragraphs: [text],
      sentences: text.split(/(?<=\.) /u).map((s, i) => ({ text: s, paragraph: 0, index: i, heading: false })),
    };
    expect(extractFigures(article).filter((f) => f.kind === 'percent' && f.value === 5)).toHaveLength(1);
  });

  it('given EPS and a count in one article, then money per share ranks above the count', () => {
    const text = 'The chain now has 1,200 stores. Adjusted EPS was $2.79 per share.';
    const article: AnalysedArticle = {
      title: null, language: 'en', rules: 'en', paragraphs: [text],
      sentences: text.split(/(?<=\.) /u).map((s, i) => ({ text: s, paragraph: 0, index: i, heading: false })),
    };
    expect(extractFigures(article).map((f) => f.kind)).toEqual(['money', 'count']);
  });
});
