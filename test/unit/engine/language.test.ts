/**
 * Language detection and teaser warnings.
 */
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/engine/analyse.ts';
import { extractFromText } from '../../../src/engine/extract/text.ts';
import { detectLanguage } from '../../../src/engine/language.ts';
import { detectTeaser } from '../../../src/engine/teaser.ts';
import type { ExtractedArticle } from '../../../src/engine/types.ts';

describe('detectLanguage', () => {
  it.each([
    ['de', 'Der Umsatz ist im dritten Quartal um acht Prozent gestiegen, doch die Kosten für die Expansion belasten den Gewinn.'],
    ['en', 'Revenue rose eight percent in the third quarter, but the cost of the expansion has weighed on profit.'],
    ['fr', 'Le chiffre d\'affaires a augmenté de huit pour cent au troisième trimestre, mais les coûts pèsent sur le bénéfice.'],
    ['es', 'Los ingresos subieron un ocho por ciento en el tercer trimestre, pero el coste de la expansión pesa sobre el beneficio.'],
    ['it', 'Il fatturato è cresciuto dell\'otto per cento nel terzo trimestre, ma i costi della espansione pesano sul risultato.'],
    ['nl', 'De omzet is in het derde kwartaal met acht procent gestegen, maar de kosten van de uitbreiding drukken op de winst.'],
    ['pt', 'A receita subiu oito por cento no terceiro trimestre, mas o custo da expansão pesa sobre o lucro da empresa.'],
    ['pl', 'Przychody wzrosły o osiem procent w trzecim kwartale, ale koszty ekspansji obciążają zysk, który jest niższy.'],
  ])('given a %s news sentence, then it is detected', (lang, text) => {
    expect(detectLanguage(text).language).toBe(lang);
  });

  it('given two words, then the language is undetermined', () => {
    expect(detectLanguage('Hello Welt')).toEqual({ language: 'und', confidence: 0 });
  });

  it.each([
    'Die Firma zahlt 3 € je Aktie.',
    'Umsatz: 5 Mio. Euro',
    'Der Preis liegt bei 94.000 $.',
  ])('given the short German text "%s", then it is German', (text) => {
    expect(detectLanguage(text).language).toBe('de');
  });

  it.each(['The company pays $3 per share.', 'Revenue: $5 million'])('given the short English text "%s", then it is English', (text) => {
    expect(detectLanguage(text).language).toBe('en');
  });

  it('given a short text with words of two languages, then the language is undetermined', () => {
    expect(detectLanguage('Die company').language).toBe('und');
  });

  it('given a one-sentence German text, then it is digested with German rules (94.000 $ is 94000 USD)', () => {
    const { article } = analyseArticle(extractFromText('Der Preis liegt bei 94.000 $'));
    expect({ language: article.language, sentences: article.sentences.map((s) => s.text) })
      .toEqual({ language: 'de', sentences: ['Der Preis liegt bei 94.000 $'] });
  });

  it('given a French article, then English rules are used with a warning', () => {
    const extracted = extractFromText('Le chiffre d\'affaires a augmenté de huit pour cent. Les coûts pèsent sur le bénéfice de la société.');
    const { article, warnings } = analyseArticle(extracted);
    expect({ language: article.language, rules: article.rules }).toEqual({ language: 'fr', rules: 'en' });
    expect(warnings).toHaveLength(1);
  });
});

describe('detectTeaser', () => {
  const base: ExtractedArticle = {
    title: null, byline: null, published: null, declaredLanguage: null, url: null,
    paragraphs: [], headings: [], description: null, paywallHints: [],
  };
  const long = Array.from({ length: 12 }, (_, i) => `Satz ${String(i)} des Berichts nennt die Zahlen des Konzerns im Detail und ordnet sie für die Leser ein.`).join(' ');

  function warnings(extracted: ExtractedArticle): string[] {
    return detectTeaser(extracted, analyseArticle(extracted).article);
  }

  it('given a full article, then no warning', () => {
    expect(warnings({ ...base, paragraphs: [long] })).toEqual([]);
  });

  it('given paywall evidence and a short text, then a paywall warning names the evidence', () => {
    const result = warnings({ ...base, paragraphs: ['Der Konzern meldet Zahlen. Mehr lesen Sie mit Abo.'], paywallHints: ['paywall markup'] });
    expect(result).toHaveLength(1);
    expect(result[0]).toMatch(/^paywall: .*paywall markup/u);
  });

  it('given paywall markup but the full text on the page, then no warning', () => {
    expect(warnings({ ...base, paragraphs: [long, long, long], paywallHints: ['paywall markup'] })).toEqual([]);
  });

  it('given two sentences only, then a teaser warning', () => {
    expect(warnings({ ...base, paragraphs: ['Der Konzern meldet Zahlen. Sie sind gut.'] })[0]).toMatch(/^teaser: /u);
  });

  it('given a preview that breaks off with an ellipsis, then a teaser warning', () => {
    const result = warnings({ ...base, paragraphs: [long.slice(0, 600), 'Der Vorstand will nun die Kosten senken und …'] });
    expect(result[0]).toMatch(/breaks off/u);
  });
});
