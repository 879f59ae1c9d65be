/**
 * The figure grammar, table-driven: each sentence holds exactly one figure,
 * and its normalized kind, value, currency and qualifier must be exactly the
 * expected ones (plus range end, direction, unit, period, label where given).
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../../src/engine/figures/index.ts';
import type { AnalysedArticle } from '../../../../src/engine/types.ts';
import { ENGLISH_CASES, NO_FIGURE_CASES } from './cases-en.ts';
import { GERMAN_CASES } from './cases-de.ts';
import { describeCases, figuresOf } from './figure-case.ts';

describeCases('figure grammar, German', 'de', GERMAN_CASES);

describeCases('figure grammar, English', 'en', ENGLISH_CASES);

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
