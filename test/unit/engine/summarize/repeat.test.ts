import { describe, expect, it } from 'vitest';
import { summarize } from '../../../../src/engine/summarize.ts';
import { isRepeat } from '../../../../src/engine/summarize/repeat.ts';
import { normalizeFigures, summaryTerms } from '../../../../src/engine/summarize/terms.ts';
import { articleOf } from './helpers.ts';

const terms = (text: string, lang: 'de' | 'en' = 'en'): Map<string, number> => {
  const m = new Map<string, number>();
  for (const t of summaryTerms(text, lang)) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
};

describe('normalizeFigures', () => {
  it.each([
    ['13% higher', '13 per cent higher'],
    ['13 percent higher', '13 pct higher'],
    ['um 13 Prozent', 'um 13%'],
    ['$1.2bn', '$1.2 billion'],
    ['3 Milliarden Euro', '3 Mrd. Euro'],
    ['£5m', '£5 million'],
    ['5 Mio. Franken', '5 Millionen Franken'],
  ])('given "%s" and "%s", then both are written the same way', (a, b) => {
    expect(normalizeFigures(a).replace(/\s+/gu, ' ').trim()).toBe(normalizeFigures(b).replace(/\s+/gu, ' ').trim());
  });

  it('given a word that only starts like a scale ("13 members", "5 mice"), then it is left alone', () => {
    expect(normalizeFigures('13 members and 5 mice')).toBe('13 members and 5 mice');
  });
});

describe('isRepeat', () => {
  it('given the same fact with "%" and "per cent", then it is a repeat', () => {
    expect(isRepeat(
      terms('Her salary was 13% higher than a colleague doing the same job.'),
      terms('The tribunal heard that her salary was 13 per cent higher than a colleague doing the same job at the bank.'),
    )).toBe(true);
  });

  it('given German "Prozent" and "%", then it is a repeat', () => {
    expect(isRepeat(terms('Der Umsatz stieg um 8 Prozent auf 12 Milliarden Euro.', 'de'), terms('Umsatz: +8 % auf 12 Mrd. Euro im Quartal.', 'de'))).toBe(true);
  });

  it('given two different facts about the same company, then it is no repeat', () => {
    expect(isRepeat(
      terms('Tesco said sales in its UK stores dropped 1.2% in the 12 weeks to January.'),
      terms('Tesco employs about 300,000 people in the UK and runs more than 3,400 stores.'),
    )).toBe(false);
  });

  it('given a sentence of fewer than three content terms, then it never counts as a repeat', () => {
    expect(isRepeat(terms('Sales fell.'), terms('Sales fell sharply in the quarter, the company said.'))).toBe(false);
  });
});

describe('summarize and repeats', () => {
  it('given the same fact twice in two wordings, then the summary states it once', () => {
    const a = 'Her bonus was 13% higher than that of a male colleague in the same trading team, the tribunal heard.';
    const b = 'The tribunal heard her bonus was 13 per cent higher than that of a male colleague in the same team.';
    const article = articleOf([
      ['A former trader has won her equal pay claim against a City bank after a two-year legal battle.', a],
      ['The bank said it would study the ruling carefully and consider an appeal.', b],
      ['The trader, who now works for a rival firm, said she was relieved the case was over.'],
    ], 'en');
    const summary = summarize(article);
    expect(summary.filter((s) => s === a || s === b)).toHaveLength(1);
  });
});
