/**
 * The figure grammar on the failure classes of issue 12 (table cases in
 * cases-de-more.ts and cases-en-more.ts), sentences with two figures and
 * their basis, numbers that are no figures, furniture rows, and an article
 * whose figures are all returned.
 */
import { describe, expect, it } from 'vitest';
import { digestArticle } from '../../../../src/engine/digest.ts';
import { extractFigures } from '../../../../src/engine/figures/index.ts';
import type { AnalysedArticle, RuleLanguage } from '../../../../src/engine/types.ts';
import { GERMAN_MORE_CASES, GERMAN_PAIRS } from './cases-de-more.ts';
import { ENGLISH_MORE_CASES, ENGLISH_PAIRS, MORE_NO_FIGURE_CASES } from './cases-en-more.ts';
import { describeCases, figuresOf } from './figure-case.ts';

describeCases('figure grammar, German (issue 12 classes)', 'de', GERMAN_MORE_CASES);

describeCases('figure grammar, English (issue 12 classes)', 'en', ENGLISH_MORE_CASES);

function pairs(rules: RuleLanguage, table: typeof GERMAN_PAIRS): void {
  for (const [sentence, expected] of table) {
    it(`given "${sentence}", then ${expected.map(([v, c, b]) => `${String(v)} ${c}${b === null ? '' : ` (${b})`}`).join(' and ')}`, () => {
      const found = figuresOf(sentence, rules)
        .sort((a, b) => sentence.indexOf(a.text) - sentence.indexOf(b.text))
        .map((f) => [f.value, f.currency ?? f.kind, f.basis ?? null]);
      expect(found).toEqual(expected);
    });
  }
}

describe('two figures in one sentence: shared units and bases', () => {
  pairs('de', GERMAN_PAIRS);
  pairs('en', ENGLISH_PAIRS);
});

describe('numbers that are no figures (models, ordinals, currency compounds, years)', () => {
  it.each(MORE_NO_FIGURE_CASES)('given "%s", then no figure', (sentence, rules) => {
    expect(figuresOf(sentence, rules).map((f) => f.text)).toEqual([]);
  });
});

function articleOf(sentences: readonly string[], rules: RuleLanguage, headings: readonly number[] = []): AnalysedArticle {
  return {
    title: null, language: rules, rules, paragraphs: [...sentences],
    sentences: sentences.map((text, i) => ({ text, paragraph: i, index: i, heading: headings.includes(i) })),
  };
}

describe('furniture, basis ranking and the uncapped list', () => {
  const body = [
    'Der Zulieferer steigerte den Umsatz um 12 Prozent auf 650 Mio. Euro.',
    'Der Gewinn lag bei 21 Mio. Euro.',
    'Die Aktie legte um 4 Prozent zu.',
  ];

  it('given a price box and a ticker row between the sentences, then their numbers are no figures', () => {
    const figures = extractFigures(articleOf([...body, 'E-Autos: ab 1 EUR', 'FACC: 100 %', 'DAX 18.234'], 'de'));
    expect(figures.map((f) => f.text).sort()).toEqual(['12 Prozent', '21 Mio. Euro', '4 Prozent', '650 Mio. Euro']);
  });

  it('given a one-line text with a label and a value, then it is read (too short to be furniture)', () => {
    expect(digestArticle({ text: 'Umsatz: 5 Mio. Euro' }).digest.figures.map((f) => f.value)).toEqual([5e6]);
  });

  it('given a loss now and a profit a year before, then the loss ranks first and the prior profit is marked', () => {
    const figures = extractFigures(articleOf(['Der Konzern meldete einen Verlust von 190 Mio. Euro, nach einem Gewinn von 21 Mio. Euro im Vorjahr.'], 'de'));
    expect(figures.map((f) => [f.label, f.direction ?? null, f.basis ?? null])).toEqual([['Verlust', 'down', null], ['Vorjahresgewinn', null, 'prior']]);
  });

  it('given an estimate stated before the reported EPS, then the reported EPS ranks first', () => {
    const figures = extractFigures(articleOf(['Analysts had expected EPS of $2.52.', 'The company reported EPS of $2.60.'], 'en'));
    expect(figures.map((f) => [f.value, f.label])).toEqual([[2.6, 'reported EPS'], [2.52, 'EPS estimate']]);
  });

  it('given a market report with forty figures, then the digest lists all of them', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `Die Aktie ${String.fromCharCode(65 + (i % 26))}${String(i)} stieg um ${String(i + 1)},5 Prozent.`);
    const { digest } = digestArticle({ text: lines.join('\n\n') });
    expect(digest.figures).toHaveLength(40);
  });
});

describe('labels and ranks read like a reader (ranking round 2)', () => {
  const one = (sentence: string, rules: RuleLanguage): ReturnType<typeof extractFigures> => extractFigures(articleOf([sentence], rules));

  it('given a metric in a later conjunct, then it does not label the figure before the "and"', () => {
    const figures = one('We saw net inflows in Asia Pacific, totaling $17 billion in the second half and improving flows in EMEA.', 'en');
    expect(figures.find((f) => f.value === 17e9)?.label).toBe('net inflows');
  });

  it('given "1600 Euro Schadenersatz plus 600 Euro Anwaltsgebühren", then each amount keeps its own noun', () => {
    const figures = one('Eine Abmahnung kostet schnell mal 1600 Euro Schadenersatz plus 600 Euro Anwaltsgebühren.', 'de');
    expect(figures.map((f) => [f.value, f.label]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([[600, 'Anwaltsgebühren'], [1600, 'Schadenersatz']]);
  });

  it('given a result measured against the guidance, then it is no guidance and the guidance is no label', () => {
    const [figure] = one('The $62 million beat above the midpoint of our guidance range was driven by stronger performance.', 'en');
    expect([figure?.basis ?? null, figure?.label.includes('guidance')]).toEqual([null, false]);
  });

  it('given "increased $0.30 or 20.8%" beside the EPS level, then the level ranks above the change', () => {
    const figures = one('Diluted earnings per share of $1.74 increased $0.30 or 20.8% over the prior year.', 'en');
    const rank = (v: number): number => figures.findIndex((f) => f.value === v);
    expect(rank(1.74)).toBeLessThan(rank(0.3));
  });

  it('given the split verb "nahm … ein", then the money is revenue (Einnahmen)', () => {
    const [figure] = one('Insgesamt 757 Millionen US-Dollar von den fünf Bietern nahm der Staat damit ein.', 'de');
    expect([figure?.value, figure?.label]).toEqual([757e6, 'Einnahmen']);
  });

  it('given "more than double the $62 million reported a year before", then the $62 million is the prior value', () => {
    const figures = one('Adjusted EBITDA of $132 million was more than double the $62 million reported in the fourth quarter of 2018.', 'en');
    const basisOf = (v: number): string | null => figures.find((f) => f.value === v)?.basis ?? null;
    expect([basisOf(132e6), basisOf(62e6)]).toEqual([null, 'prior']);
  });
});
