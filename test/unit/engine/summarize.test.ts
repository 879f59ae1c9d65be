import { describe, expect, it } from 'vitest';
import { leadSentences, summarize } from '../../../src/engine/summarize.ts';
import type { AnalysedArticle } from '../../../src/engine/types.ts';
import { articleOf } from './summarize/helpers.ts';

const GERMAN = articleOf([
  ['Es ist ein Tag, an dem in Hangzhou vieles anders ist.', 'Die Sonne scheint über dem Westsee.'],
  ['Der Onlinehändler Alibaba hat im dritten Quartal seinen Umsatz um 5 Prozent auf 236 Milliarden Yuan gesteigert.',
    'Der Gewinn des Konzerns brach dagegen um 40 Prozent ein, weil Alibaba Milliarden in Rechenzentren für künstliche Intelligenz investiert.'],
  ['# Cloud wächst kräftig'],
  ['Das Cloud-Geschäft von Alibaba wuchs um 34 Prozent und ist damit der wichtigste Wachstumstreiber des Konzerns.',
    'Analysten erwarten, dass Alibaba die Investitionen in künstliche Intelligenz im nächsten Jahr weiter erhöht.',
    'Warum ist das so?'],
  ['Die Aktie von Alibaba legte im frühen Handel in Hongkong um 3 Prozent zu.',
    'Viele Beobachter sind gespannt.',
    '„Wir sind sehr zufrieden.“'],
  ['Der Konzern will im kommenden Jahr weitere Rechenzentren in Europa eröffnen.',
    'Dafür sind Investitionen von mehreren Milliarden Yuan geplant.'],
], 'de', 'Alibaba: Gewinn bricht ein, Cloud wächst um 34 Prozent');

const ENGLISH = articleOf([
  ['It was a cold morning in London.'],
  ['Shares in the supermarket chain Tesco fell 6% after the company cut its full-year profit forecast for the second time this year.',
    'Tesco said sales in its UK stores dropped 1.2% in the 12 weeks to January, hit by price cuts from discount rivals Aldi and Lidl.'],
  ['# What comes next'],
  ['Analysts said Tesco would need to cut prices further to win back shoppers, putting more pressure on its profit margins.',
    'The chief executive said he was confident the turnaround plan would work.',
    'What does it mean for shoppers?'],
  ['Tesco employs about 300,000 people in the UK and runs more than 3,400 stores.'],
], 'en', 'Tesco cuts profit forecast as sales fall');

function checkShape(article: AnalysedArticle, summary: string[]): void {
  expect(summary.length).toBeGreaterThanOrEqual(2);
  expect(summary.length).toBeLessThanOrEqual(4);
  const indexes = summary.map((s) => article.sentences.findIndex((x) => x.text === s));
  expect(indexes.every((i) => i >= 0)).toBe(true);
  expect([...indexes].sort((a, b) => a - b)).toEqual(indexes);
  expect(new Set(summary).size).toBe(summary.length);
  for (const i of indexes) expect(article.sentences[i]?.heading).toBe(false);
}

describe('summarize', () => {
  it.each([['German', GERMAN], ['English', ENGLISH]] as const)(
    'given a %s article, then the summary has 2–4 verbatim, distinct, non-heading sentences in article order',
    (_, article) => checkShape(article, summarize(article)),
  );

  it.each([['German', GERMAN], ['English', ENGLISH]] as const)(
    'given a %s article with questions and a bare quotation, then neither is picked', (_, article) => {
      for (const s of summarize(article)) {
        expect(s.endsWith('?')).toBe(false);
        expect(s).not.toMatch(/^„.*“$/u);
      }
    },
  );

  it('given a German article that opens with a scene-setting lead, then the informative sentences are picked over it', () => {
    const summary = summarize(GERMAN);
    expect(summary).not.toContain('Die Sonne scheint über dem Westsee.');
    expect(summary).not.toContain('Es ist ein Tag, an dem in Hangzhou vieles anders ist.');
    expect(summary.some((s) => s.includes('40 Prozent'))).toBe(true);
  });

  it('given an English article that opens with a fluffy line, then the news sentence is picked over it', () => {
    const summary = summarize(ENGLISH);
    expect(summary).not.toContain('It was a cold morning in London.');
    expect(summary[0]).toContain('cut its full-year profit forecast');
  });

  it('given an article without sentences, then the summary is empty', () => {
    expect(summarize(articleOf([], 'en'))).toEqual([]);
  });

  it('given only lines without end punctuation, then they are still used rather than nothing', () => {
    const article = articleOf([['Umsatz steigt um 8 Prozent auf 12 Milliarden Euro', 'Gewinn legt trotz hoher Kosten leicht zu']], 'de');
    expect(summarize(article)).toHaveLength(2);
  });

  it('given maxSentences 2, then at most two sentences are returned', () => {
    expect(summarize(ENGLISH, { maxSentences: 2 }).length).toBe(2);
  });

  it('given a long article, then the summary has more sentences than for a short one', () => {
    const short = articleOf([
      ['Siemens hat einen Großauftrag über 2 Milliarden Euro aus Saudi-Arabien erhalten.',
        'Der Konzern soll dort mehrere Kraftwerke bauen.',
        'Die Bauzeit beträgt nach Angaben des Unternehmens rund drei Jahre.'],
    ], 'de');
    const s = summarize(short);
    expect(s.length).toBe(2);
    const more = [
      'Der Auftrag ist der größte in der Geschichte der Energiesparte und sichert nach Angaben des Vorstands mehrere tausend Arbeitsplätze.',
      'Gebaut werden sollen vier Gaskraftwerke mit einer Leistung von zusammen 3,6 Gigawatt an der Küste des Roten Meeres.',
      'Die saudische Regierung will damit ihre Stromversorgung bis zum Ende des Jahrzehnts deutlich ausbauen.',
      'Für die Turbinen ist das Werk in Berlin zuständig, die Generatoren kommen aus Mülheim an der Ruhr.',
      'Siemens konkurrierte bei der Ausschreibung mit General Electric und Mitsubishi Heavy Industries.',
      'Den Ausschlag gaben nach Angaben aus Riad der Preis und die kurze Lieferzeit der Anlagen.',
      'An der Börse stieg die Siemens-Aktie nach der Mitteilung um knapp zwei Prozent auf 182 Euro.',
      'Analysten lobten den Abschluss, wiesen aber auf die geringe Marge solcher Großprojekte hin.',
      'Die Finanzierung übernehmen mehrere europäische Banken gemeinsam mit einem staatlichen Fonds.',
      'Erste Bauarbeiten sollen bereits im Herbst beginnen, sobald die Genehmigungen vorliegen.',
      'Die Gewerkschaft begrüßte den Auftrag und forderte zugleich Zusagen für die deutschen Standorte.',
      'Im vergangenen Jahr hatte die Energiesparte noch einen Verlust von 400 Millionen Euro ausgewiesen.',
    ];
    const long = articleOf([short.sentences.map((x) => x.text), more.slice(0, 6), more.slice(6)], 'de');
    expect(summarize(long).length).toBeGreaterThan(s.length);
  });

  it('given an article with the same sentence twice, then it appears once', () => {
    const dup = 'Der Umsatz des Konzerns stieg im Quartal um 8 Prozent auf 12 Milliarden Euro.';
    const article = articleOf([[dup, 'Der Gewinn legte um 3 Prozent zu.'], [dup, 'Die Prognose für das Gesamtjahr bleibt unverändert.']], 'de');
    const summary = summarize(article);
    expect(summary.filter((s) => s === dup)).toHaveLength(1);
  });
});

describe('leadSentences', () => {
  it('given headings among the first sentences, then Lead-n skips them', () => {
    expect(leadSentences(ENGLISH, 3)).toEqual([
      'It was a cold morning in London.',
      'Shares in the supermarket chain Tesco fell 6% after the company cut its full-year profit forecast for the second time this year.',
      'Tesco said sales in its UK stores dropped 1.2% in the 12 weeks to January, hit by price cuts from discount rivals Aldi and Lidl.',
    ]);
  });
});

describe('summarize and the title', () => {
  it('given a body line that repeats the title, then the summary does not repeat it', () => {
    const title = 'Siemens erhält Großauftrag aus Saudi-Arabien';
    const article = articleOf([
      ['Siemens erhält Großauftrag aus Saudi-Arabien.'],
      ['Siemens hat einen Auftrag über 2 Milliarden Euro für vier Gaskraftwerke in Saudi-Arabien erhalten.',
        'Die Anlagen sollen bis 2029 am Roten Meer entstehen.',
        'Die Siemens-Aktie stieg nach der Mitteilung um zwei Prozent.'],
    ], 'de', title);
    const summary = summarize(article);
    expect(summary.length).toBeGreaterThanOrEqual(2);
    expect(summary).not.toContain('Siemens erhält Großauftrag aus Saudi-Arabien.');
  });
});
