/**
 * Plain-text extraction: furniture in scraped text is recognised from line
 * evidence; the article's own paragraphs and sub-headings stay, in order.
 */
import { describe, expect, it } from 'vitest';
import { parseDateLine } from '../../../src/engine/extract/dates.ts';
import { extractFromText } from '../../../src/engine/extract/text.ts';

const ARTICLE_DE = [
  '12. März 2026',
  '',
  'Chemie',
  '',
  'Rheinchemie kappt Dividende nach schwachem Jahr',
  '',
  'Der Chemiekonzern Rheinchemie hat im vergangenen Jahr deutlich weniger verdient. Der Umsatz sank um 8 Prozent auf 14,2 Milliarden Euro, der Gewinn brach ein.',
  '',
  'Bitcoin auf Rekordkurs: Was Anleger wissen müssen',
  'Die Kryptowährung steigt und steigt. Lohnt sich der Einstieg noch?',
  '',
  'Ausblick bleibt vorsichtig',
  '',
  'Für das laufende Jahr rechnet der Vorstand nur mit einer leichten Erholung. Die Dividende soll auf 1,80 Euro je Aktie sinken.',
  '',
  'Die 10 besten Chemieaktien für 2026 | Aktienradar',
  '➤ Chemieaktien im Vergleich ✓ Dividende ✓ Kursziel ✓ Jetzt lesen',
  '',
  'Lesen Sie auch: Rheinchemie streicht 2.000 Stellen',
  'Analysten zeigten sich von den Zahlen wenig überrascht. Die Aktie des Chemiekonzerns gab dennoch um 3 Prozent nach.',
].join('\n');

describe('extractFromText', () => {
  const article = extractFromText(ARTICLE_DE);
  const all = article.paragraphs.join('\n');

  it('given a date line, a kicker and a headline at the top, then they become published and title, not paragraphs', () => {
    expect(article.published).toBe('2026-03-12');
    expect(article.title).toBe('Rheinchemie kappt Dividende nach schwachem Jahr');
    expect(article.paragraphs[0]).toMatch(/^Der Chemiekonzern Rheinchemie/u);
    expect(all).not.toContain('Chemie\n');
  });

  it('given an off-topic title card, a "| Site" card with ➤/✓ bullets and a "Lesen Sie auch" line, then none is kept', () => {
    expect(all).not.toMatch(/Bitcoin|Kryptowährung|Aktienradar|➤|✓|Lesen Sie auch|2\.000 Stellen/u);
  });

  it('given a one-line sub-heading between paragraphs, then it is kept and marked as a heading', () => {
    const at = article.paragraphs.indexOf('Ausblick bleibt vorsichtig');
    expect(at).toBeGreaterThan(0);
    expect(article.headings).toEqual([at]);
  });

  it('given the last block, then the article sentences after a removed furniture line are kept', () => {
    expect(article.paragraphs.at(-1)).toBe('Analysten zeigten sich von den Zahlen wenig überrascht. Die Aktie des Chemiekonzerns gab dennoch um 3 Prozent nach.');
  });

  it('given an on-topic sub-heading directly followed by its paragraph, then both are kept', () => {
    const text = [
      'Rheinchemie senkt die Dividende deutlich, weil der Gewinn des Chemiekonzerns eingebrochen ist.',
      '',
      'Dividende der Rheinchemie sinkt',
      'Die Dividende der Rheinchemie sinkt, weil der Chemiekonzern weniger Gewinn macht.',
    ].join('\n');
    expect(extractFromText(text).paragraphs).toHaveLength(3);
  });

  it('given a block that repeats the headline with a meta description, then the block is dropped', () => {
    const text = 'Headline of the story here\n\nThe first paragraph says what happened. It has two sentences.\n\nHeadline of the story here\nLearn everything about the story.\n\nThe second paragraph adds detail.';
    const result = extractFromText(text);
    expect(result.title).toBe('Headline of the story here');
    expect(result.paragraphs.join(' ')).not.toContain('Learn everything');
  });

  it('given one sentence per line in one block, then each line is its own paragraph', () => {
    const result = extractFromText('Revenue rose 5%.\nMargins improved by 40 basis points.\nWe raised guidance.');
    expect(result.paragraphs).toEqual(['Revenue rose 5%.', 'Margins improved by 40 basis points.', 'We raised guidance.']);
    expect(result.title).toBeNull();
  });

  it('given hard-wrapped lines, then they are joined into one paragraph', () => {
    const result = extractFromText('The company said on Monday that its\nquarterly profit rose sharply because\nof strong demand.');
    expect(result.paragraphs).toEqual(['The company said on Monday that its quarterly profit rose sharply because of strong demand.']);
  });

  it('given a subscriber-only notice, then it is removed and recorded as a paywall hint', () => {
    const result = extractFromText('Die Bank meldet einen Rekordgewinn. Details nannte sie nicht.\n\nDieser Artikel ist nur für Abonnenten verfügbar. Jetzt weiterlesen mit F+.');
    expect(result.paragraphs).toEqual(['Die Bank meldet einen Rekordgewinn. Details nannte sie nicht.']);
    expect(result.paywallHints).toHaveLength(1);
  });

  it('given cookie and newsletter lines, then they are removed', () => {
    const result = extractFromText('Wir verwenden Cookies. Bitte akzeptieren Sie die Nutzung.\n\nDer Markt erholte sich am Nachmittag.\n\nNewsletter: Jetzt kostenlos anmelden');
    expect(result.paragraphs).toEqual(['Der Markt erholte sich am Nachmittag.']);
  });

  it('given a by-line under the headline, then it is read as byline', () => {
    const result = extractFromText('Stocks slide as rates bite\n\nBy Jane Q. Doe\n\nStocks fell on Tuesday. Bond yields rose again.');
    expect({ title: result.title, byline: result.byline }).toEqual({ title: 'Stocks slide as rates bite', byline: 'Jane Q. Doe' });
  });

  it('given a text of one line without a final period, then that line is also the article text', () => {
    const a = extractFromText('Die Firma zahlt 3 € je Aktie');
    expect({ title: a.title, paragraphs: a.paragraphs }).toEqual({ title: 'Die Firma zahlt 3 € je Aktie', paragraphs: ['Die Firma zahlt 3 € je Aktie'] });
  });

  it('given a headline over a body, then the headline is not repeated as a paragraph', () => {
    expect(extractFromText('Die Firma zahlt mehr\n\nDie Firma zahlt 3 € je Aktie.').paragraphs).toEqual(['Die Firma zahlt 3 € je Aktie.']);
  });
});

describe('parseDateLine', () => {
  it.each([
    ['21. Februar, 2026', '2026-02-21'],
    ['21. Februar 2026', '2026-02-21'],
    ['18.11.2026', '2026-11-18'],
    ['Stand: 03.01.2026, 09:41 Uhr', '2026-01-03'],
    ['Mittwoch, 4. März 2026', '2026-03-04'],
    ['November 18, 2026', '2026-11-18'],
    ['Nov. 5, 2026', '2026-11-05'],
    ['5 May 2026', '2026-05-05'],
    ['Updated: Jan 2nd, 2026', '2026-01-02'],
    ['2026-11-18', '2026-11-18'],
    ['2026-11-18T07:30:00+01:00', '2026-11-18T07:30:00+01:00'],
  ])('given "%s", then %s', (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it.each(['31.02.2026', 'Februar 2026', 'Der Umsatz stieg am 21. Februar 2026 deutlich.', '3. Quartal 2026', 'KI'])(
    'given "%s", then no date',
    (line) => {
      expect(parseDateLine(line)).toBeNull();
    },
  );
});
