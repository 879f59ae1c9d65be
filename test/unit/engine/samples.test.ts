/**
 * The bundled sample articles (written for this project, in digests/samples)
 * digested end to end: metadata, key figures with their normalized values,
 * risk categories, and no page furniture anywhere in the digest.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestArticle } from '../../../src/engine/digest.ts';
import { prepareInput } from '../../../src/engine/input.ts';
import { digestSchema, type Digest, type Figure } from '../../../src/engine/schema.ts';

const samples = resolve(import.meta.dirname, '..', '..', '..', 'digests', 'samples');

function digestSample(file: string): Digest {
  const input = prepareInput(new Uint8Array(readFileSync(join(samples, file))), file);
  return digestSchema.parse(digestArticle(input).digest);
}

type Want = Pick<Figure, 'kind' | 'value'> & Partial<Pick<Figure, 'valueMax' | 'currency' | 'qualifier' | 'direction'>>;

function findFigure(digest: Digest, want: Want): Figure | undefined {
  const near = (a: number | undefined, b: number | undefined): boolean =>
    a === b || (a !== undefined && b !== undefined && Math.abs(a - b) <= Math.abs(b) * 1e-9);
  return digest.figures.find((f) => f.kind === want.kind && near(f.value, want.value)
    && (want.valueMax === undefined || near(f.valueMax, want.valueMax))
    && (want.currency === undefined || f.currency === want.currency)
    && (want.qualifier === undefined || f.qualifier === want.qualifier)
    && (want.direction === undefined || f.direction === want.direction));
}

interface Case {
  file: string;
  title: string;
  published: string;
  language: string;
  figures: Want[];
  /** Each entry: the risk must have one of these categories and its sentence must contain the word. */
  risks: { word: string; categories: string[] }[];
  furniture: string[];
}

const cases: Case[] = [
  {
    file: 'de-halbleiter.html',
    title: 'Nordlicht Halbleiter senkt Prognose trotz Rekordumsatz',
    published: '2026-11-19',
    language: 'de',
    figures: [
      { kind: 'percent', value: 18.5, direction: 'up' },
      { kind: 'money', value: 1_234_500_000, currency: 'EUR' },
      { kind: 'percentage-points', value: 2.3, direction: 'down' },
      { kind: 'money', value: 4.6e9, valueMax: 4.8e9, currency: 'EUR' },
      { kind: 'money', value: 5e9, currency: 'EUR', qualifier: 'about' },
      { kind: 'money', value: 150e6, currency: 'EUR', qualifier: 'up-to' },
      { kind: 'money', value: 850e6, currency: 'EUR' },
      { kind: 'percent', value: 7.4, direction: 'down' },
      { kind: 'money', value: 1.2, currency: 'EUR' },
    ],
    risks: [
      { word: 'Zölle', categories: ['geopolitical-regulatory'] },
      { word: 'Konkurrenz', categories: ['competition'] },
      { word: 'Verzögert', categories: ['execution-adoption', 'operational'] },
    ],
    furniture: ['Cookies', 'akzeptieren', 'Newsletter', 'Mehr zum Thema', 'Chipbranche', 'Impressum', 'Startseite', 'Podcast'],
  },
  {
    file: 'en-harbor-foods.html',
    title: 'Harbor Foods raises outlook as online orders surge',
    published: '2026-11-18',
    language: 'en',
    figures: [
      { kind: 'percent', value: 6.2, direction: 'up' },
      { kind: 'money', value: 3.5e9, currency: 'USD' },
      { kind: 'money', value: 1.12, currency: 'USD' },
      { kind: 'money', value: 2.85, valueMax: 3.1, currency: 'USD' },
      { kind: 'percentage-points', value: 0.8 },
      { kind: 'money', value: 600e6, currency: 'USD' },
      { kind: 'percent', value: 41, direction: 'up' },
      { kind: 'percent', value: 3.8, direction: 'down' },
    ],
    risks: [
      { word: 'tariffs', categories: ['geopolitical-regulatory'] },
      { word: 'lawsuit', categories: ['legal'] },
      { word: 'price war', categories: ['competition'] },
    ],
    furniture: ['Share on', 'Advertisement', 'Related coverage', 'holiday price war', 'Sign up', 'Copyright', 'Opinion'],
  },
  {
    file: 'de-energie-scraped.txt',
    title: 'Windpark-Betreiber Sturmvogel verdreifacht den Gewinn – doch die Netze bremsen',
    published: '2026-11-18',
    language: 'de',
    figures: [
      { kind: 'factor', value: 3 },
      { kind: 'money', value: 312e6, currency: 'EUR' },
      { kind: 'money', value: 2.1e9, currency: 'EUR' },
      { kind: 'money', value: 80e6, currency: 'EUR', qualifier: 'more-than' },
      { kind: 'money', value: 35e6, currency: 'EUR', qualifier: 'about' },
      { kind: 'percent', value: 70, qualifier: 'about' },
      { kind: 'percent', value: 5.6, direction: 'up' },
    ],
    risks: [
      { word: 'Netzausbau', categories: ['execution-adoption', 'operational', 'geopolitical-regulatory'] },
      { word: 'Zinsen', categories: ['financial', 'macro', 'market-volatility'] },
    ],
    furniture: ['Ölpreis', 'Spritpreise', 'Tanken', 'Börsenblick', 'Dividendenaktien', '➤'],
  },
];

describe.each(cases)('sample $file', (c) => {
  const digest = digestSample(c.file);

  it('given the page, then title, date and language are read', () => {
    expect({ title: digest.title, published: digest.published?.slice(0, 10), language: digest.language })
      .toEqual({ title: c.title, published: c.published, language: c.language });
  });

  it.each(c.figures)('given the article, then figure %o is reported with its sentence', (want) => {
    const figure = findFigure(digest, want);
    expect(figure, JSON.stringify(digest.figures.map((f) => [f.kind, f.value, f.currency, f.qualifier, f.direction]))).toBeDefined();
    expect(figure?.sentence).toContain(figure?.text ?? '\u0000');
  });

  it.each(c.risks)('given the article, then a risk about "$word" is categorized', ({ word, categories }) => {
    const risk = digest.risks.find((r) => r.sentence.includes(word));
    expect(risk, JSON.stringify(digest.risks)).toBeDefined();
    expect(categories).toContain(risk?.category);
  });

  it('given page furniture, then none of it appears anywhere in the digest', () => {
    const all = JSON.stringify(digest);
    expect(c.furniture.filter((f) => all.includes(f))).toEqual([]);
    expect(all).not.toContain('\uFFFD');
  });

  it('given a full article, then 2–4 summary sentences and no teaser warning', () => {
    expect(digest.summary.length).toBeGreaterThanOrEqual(2);
    expect(digest.summary.length).toBeLessThanOrEqual(4);
    expect(digest.warnings).toEqual([]);
  });
});
