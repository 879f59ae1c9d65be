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

/** One sentence, one figure of it: its label and basis. */
type LabelCase = readonly [sentence: string, value: number, label: string, basis: string | null];

function labelOf(sentence: string, rules: RuleLanguage, value: number): [string | undefined, string | null] {
  const f = extractFigures(articleOf([sentence], rules)).find((g) => g.value === value);
  return [f?.label, f?.basis ?? null];
}

const GERMAN_LABELS: readonly LabelCase[] = [
  ['Im Vorjahr hatte der Konzern noch 2,3 Milliarden Euro verdient.', 2.3e9, 'Vorjahresgewinn', 'prior'],
  ['Ein Jahr zuvor lag der Umsatz bei 4 Milliarden Euro.', 4e9, 'Vorjahresumsatz', 'prior'],
  ['Der Umsatz des Konzerns lag mit 3,1 Milliarden Euro unter dem Vorjahreswert von 3,2 Milliarden Euro.', 3.2e9, 'Umsatz des Konzerns (Vorjahr)', 'prior'],
  ['Der Umsatz des Konzerns lag mit 3,1 Milliarden Euro unter dem Vorjahreswert von 3,2 Milliarden Euro.', 3.1e9, 'Umsatz des Konzerns', null],
  ['Der Anteil erneuerbarer Energien am Stromverbrauch erreichte 52 Prozent.', 52, 'Anteil erneuerbarer Energien', null],
  ['Die Rendite zehnjähriger Bundesanleihen stieg auf 2,6 Prozent.', 2.6, 'Rendite zehnjähriger Bundesanleihen', null],
  ['Der Umsatz über Vorjahr blieb bei 5 Prozent.', 5, 'Umsatz', null],
  ['Mit 458.000 TEU wurden 9 % mehr als 2020 bewegt.', 458000, 'TEU', null],
  ['Mit 458.000 TEU wurden 9 % mehr als 2020 bewegt.', 9, 'TEU', null],
  ['Für 300 Mitarbeiter gilt die neue Regel.', 300, 'Mitarbeiter', null],
  ['Im Vorjahr stieg der Umsatz um 5 Prozent, in diesem Jahr sank er um 3 Prozent.', 3, 'Umsatz', null],
  ['Nach einem Bußgeld von 100 Euro erhielt er im Saal noch 150 Euro Ordnungsgeld.', 150, 'Ordnungsgeld', null],
  ['Nach einem Bußgeld von 100 Euro erhielt er im Saal noch 150 Euro Ordnungsgeld.', 100, 'Bußgeld', null],
  ['Von 2022 auf 2023 waren es 40 Prozent Umsatzzuwachs.', 40, 'Umsatzzuwachs', null],
  ['Der Umsatz stieg um 5 Prozent Anfang des Jahres.', 5, 'Umsatz', null],
  ['Für 1,5 Milliarden Euro hat der Konzern den Rivalen übernommen.', 1.5e9, 'Kaufpreis', null],
  ['Der Umsatz stieg von 2,5 Mrd. Euro auf 3,1 Mrd.', 3.1e9, 'Umsatz', null],
  ['Experten hatten einen Gewinn von 1,1 Milliarden Euro erwartet.', 1.1e9, 'Gewinn (Schätzung)', 'estimate'],
  ['Das Unternehmen will bis 2030 einen Umsatz von 10 Milliarden Euro erreichen.', 10e9, 'Umsatz (Ziel)', 'target'],
  ['Der Konzern konnte den Umsatz auf 5 Milliarden Euro steigern.', 5e9, 'Umsatz', null],
  ['Die Bank hob ihr Kursziel für die Aktie von 50 auf 60 Euro an.', 60, 'Kursziel für die Aktie', 'target'],
  ['Der Gewinn fiel mit 300 Millionen Euro schwächer aus als von Analysten erwartet.', 300e6, 'Gewinn', null],
  ['Von 2021 auf 2022 waren es 60 Prozent Umsatzzuwachs, von 2022 auf 2023 erneut 45 Prozent.', 45, 'Umsatzzuwachs', null],
  ['Die Quote lag bei 12,5 Prozent (2022: 11,9 %, 2021: 13,2 Prozent).', 13.2, 'Vorjahresquote', 'prior'],
];

const ENGLISH_LABELS: readonly LabelCase[] = [
  ['A year ago, revenue was $2.1 billion.', 2.1e9, 'prior revenue', 'prior'],
  ['In the prior-year quarter, net income was $45 million.', 45e6, 'prior net income', 'prior'],
  ['That compares with the second quarter of 2020 when our organic change was negative 9.9%.', 9.9, 'prior organic change', 'prior'],
  ['Revenue this quarter was $3 billion against the first quarter of 2021, when sales were flat.', 3e9, 'Revenue', null],
  ['The group acquired the maker for $900 million.', 900e6, 'purchase price', null],
  ['Revenue rose from $4.7 billion to 5.8 billion.', 5.8e9, 'Revenue', null],
  ['EPS of $2.60 was better than analysts expected.', 2.6, 'EPS', null],
];

describe('a scaled number after an amount takes its currency', () => {
  it.each([
    ['Der Umsatz stieg von 2,5 Mrd. Euro auf 3,1 Mrd.', 'de', 3.1e9, 'EUR'],
    ['Revenue rose from $4.7 billion to 5.8 billion.', 'en', 5.8e9, 'USD'],
  ] as const)('given "%s", then %d is money in %s', (sentence, rules, value, currency) => {
    const f = extractFigures(articleOf([sentence], rules)).find((g) => g.value === value);
    expect([f?.kind, f?.currency]).toEqual(['money', currency]);
  });

  it('given "von 2 Mio. auf 3 Mio." with no currency, then both stay counts', () => {
    const kinds = extractFigures(articleOf(['Die Zahl der Einwohner stieg von 2 Mio. auf 3 Mio.'], 'de')).map((f) => f.kind);
    expect(kinds).toEqual(['count', 'count']);
  });
});

describe('labels and bases from the clause (round 3)', () => {
  it.each(GERMAN_LABELS)('given "%s", then %d is labelled "%s" (basis %s)', (sentence, value, label, basis) => {
    expect(labelOf(sentence, 'de', value)).toEqual([label, basis]);
  });
  it.each(ENGLISH_LABELS)('given "%s", then %d is labelled "%s" (basis %s)', (sentence, value, label, basis) => {
    expect(labelOf(sentence, 'en', value)).toEqual([label, basis]);
  });

  it('given "9 % mehr" and "5 % weniger", then the comparative gives the direction', () => {
    const up = extractFigures(articleOf(['Mit 458.000 TEU wurden 9 % mehr bewegt.'], 'de')).find((f) => f.value === 9);
    const down = extractFigures(articleOf(['Der Hafen verlud 5 % weniger Autos.'], 'de')).find((f) => f.value === 5);
    expect([up?.direction, down?.direction]).toEqual(['up', 'down']);
  });
});

describe('English amounts named by the noun after them', () => {
  it.each([
    ['The $62 million beat above the midpoint of our range was driven by volume.', 62e6, 'beat'],
    ['We booked a $50 million charge in the quarter.', 50e6, 'charge'],
    ['The company signed a $3 billion deal with its rival.', 3e9, 'deal'],
    ['The $20 million in savings came from a smaller office.', 20e6, 'savings'],
  ] as const)('given "%s", then %d is labelled "%s"', (sentence, value, label) => {
    expect(labelOf(sentence, 'en', value)[0]).toBe(label);
  });

  it('given "$1.2 billion last year", then a time word is no label', () => {
    expect(labelOf('It sold the unit for $1.2 billion last year.', 'en', 1.2e9)[0]).not.toBe('last');
  });
});
