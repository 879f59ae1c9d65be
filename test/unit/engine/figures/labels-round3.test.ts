/**
 * Label rules of round 3 (issue 12, labels ≥ 0.9 per language): the same
 * number under two metrics, German noun phrases around a figure, English
 * "$X noun" compounds and comparison periods. Sentences written for these
 * tests.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../../src/engine/figures/index.ts';
import type { AnalysedArticle, RuleLanguage } from '../../../../src/engine/types.ts';

function articleOf(sentences: readonly string[], rules: RuleLanguage): AnalysedArticle {
  return {
    title: null, language: rules, rules, paragraphs: [...sentences],
    sentences: sentences.map((text, i) => ({ text, paragraph: i, index: i, heading: false })),
  };
}

describe('the same number stated for two metrics', () => {
  it('given "AUM rose 3%" and later "volume increased 3%", then both are listed, each with its own metric', () => {
    const figures = extractFigures(articleOf(['Assets under management rose 3% in the quarter.', 'Our announcement volume increased 3% this year.'], 'en'));
    expect(figures.map((f) => f.label).sort()).toEqual(['Assets under management', 'volume']);
  });

  it('given a number repeated under a second metric, then every distinct number ranks before the repeat', () => {
    const figures = extractFigures(articleOf([
      'Revenue rose 3% to $2.1 billion.', 'Net income was $310 million.', 'Announcement volume increased 3% as well.',
    ], 'en'));
    const values = figures.map((f) => f.value);
    expect(values.slice(0, 3).sort()).toEqual([2.1e9, 3, 310e6].sort());
    expect(values).toHaveLength(4);
    expect(values[3]).toBe(3);
  });

  it('given the same metric and number stated twice, then it is listed once', () => {
    const figures = extractFigures(articleOf(['Revenue was $2.1 billion in the quarter.', 'Again, revenue was $2.1 billion.'], 'en'));
    expect(figures.map((f) => f.value)).toEqual([2.1e9]);
  });
});
