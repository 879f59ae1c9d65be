/**
 * Language detection and teaser warnings.
 */
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/engine/analyse.ts';
import { extractFromText } from '../../../src/engine/extract/text.ts';
import { digestArticle } from '../../../src/engine/digest.ts';
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

describe('unsupported languages', () => {
  const chinese = '苹果公司周四公布，第三季度营收增长8%，达到900亿美元。The company said iPhone sales were strong. 分析师此前预计营收为880亿美元。';

  it('given Chinese text with English words in it, then it is Chinese, not English', () => {
    expect(detectLanguage(chinese)).toMatchObject({ language: 'zh', script: 'Han' });
  });

  it.each([
    ['ja', 'トヨタ自動車は第3四半期の営業利益が前年同期比で12%増えたと発表した。'],
    ['und', 'Выручка компании в третьем квартале выросла на восемь процентов, сообщила компания в четверг.'],
    ['ko', '삼성전자는 3분기 영업이익이 작년 같은 기간보다 12% 늘었다고 밝혔다.'],
  ])('given a short %s text in its own script, then it is flagged by its script', (lang, text) => {
    const guess = detectLanguage(text);
    expect(guess.language).toBe(lang);
    expect(guess.script).toBeDefined();
  });

  it('given a Chinese page that declares itself English, then the digest says zh with an unsupported-language warning', () => {
    const html = `<html lang="en"><head><title>苹果公司第三季度业绩</title></head><body><article><h1>苹果公司第三季度业绩</h1><p>${chinese}</p><p>${chinese}</p></article></body></html>`;
    const { digest } = digestArticle({ html });
    expect(digest.language).toBe('zh');
    expect(digest.warnings.filter((w) => w.startsWith('language:'))).toEqual([expect.stringContaining('"zh" is not supported')]);
  });

  it('given a Russian text, then the language is undetermined and the warning names the script', () => {
    const { digest } = digestArticle({ text: 'Выручка компании в третьем квартале выросла на восемь процентов. Прибыль снизилась из-за высоких затрат на расширение.' });
    expect(digest.language).toBe('und');
    expect(digest.warnings).toContainEqual(expect.stringContaining('Cyrillic script'));
  });

  it('given a Bengali page that declares itself English, then the language is undetermined with a warning', () => {
    const bengali = 'কুষ্টিয়া জেলার দৌলতপুর উপজেলায় সংসদ সদস্যের ভাইকে নিজ বাড়ির সামনে হত্যা করা হয়েছে বলে পুলিশ জানিয়েছে।';
    const { digest } = digestArticle({ html: `<html lang="en"><body><article><p>${bengali}</p><p>${bengali}</p></article></body></html>` });
    expect(digest.language).toBe('und');
    expect(digest.warnings).toContainEqual(expect.stringContaining('non-Latin script'));
  });

  it('given a French text, then the digest says fr with an unsupported-language warning', () => {
    const { digest } = digestArticle({ text: 'Le chiffre d\'affaires a augmenté de huit pour cent au troisième trimestre. Les coûts de l\'expansion pèsent sur le bénéfice de la société.' });
    expect(digest.language).toBe('fr');
    expect(digest.warnings).toContainEqual(expect.stringContaining('"fr" is not supported'));
  });

  it('given a long Swedish text with an English company name, then it is not taken for English', () => {
    const swedish = 'Omsättningen steg med åtta procent under tredje kvartalet, men kostnaderna för expansionen tynger vinsten. '
      + 'Bolaget, som tidigare hette The Home and Garden Company of Sweden, har sitt huvudkontor i Stockholm och säljer produkter för hemmet i hela Norden. '
      + 'Aktien steg med tre procent på börsen i dag efter rapporten, och analytikerna höjde sina riktkurser för aktien.';
    expect(detectLanguage(swedish).language).toBe('und');
  });

  it('given German and English texts, then neither is flagged', () => {
    expect(digestArticle({ text: 'Der Umsatz ist im dritten Quartal um acht Prozent gestiegen, doch die Kosten belasten den Gewinn.' }).digest.warnings
      .filter((w) => w.startsWith('language:'))).toEqual([]);
    expect(digestArticle({ text: 'Revenue rose eight percent in the third quarter, but the cost of the expansion has weighed on profit.' }).digest.warnings
      .filter((w) => w.startsWith('language:'))).toEqual([]);
  });
});
