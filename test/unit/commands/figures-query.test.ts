/**
 * `/figures <query>`: the engine lists every figure of an article, so the answer shows the figures the query names
 * first, then the article's top ones.
 */
import { describe, expect, it } from 'vitest';
import { figuresForQuery } from '../../../src/commands/figures.ts';
import type { Digest, Figure } from '../../../src/engine/schema.ts';

const figure = (label: string, value: number, sentence: string): Figure => ({ kind: 'money', value, currency: 'EUR', label, text: String(value), sentence });
const digest = (figures: Figure[]): Digest => ({ title: 't', language: 'de', published: null, url: null, summary: [], figures, risks: [], warnings: [] });

describe('figuresForQuery', () => {
  const figures = Array.from({ length: 30 }, (_, i) => figure(`Kennzahl ${String(i)}`, i, `Satz ${String(i)}.`));
  figures.push(figure('Dividende', 1.2, 'Die Dividende steigt auf 1,20 Euro.'));

  it('given a query naming the 31st figure, then it is listed first, before the top ones', () => {
    expect(figuresForQuery(digest(figures), ['dividende']).map((f) => f.label)).toEqual(['Dividende', 'Kennzahl 0', 'Kennzahl 1', 'Kennzahl 2', 'Kennzahl 3']);
  });

  it('given a query no figure names, then the top five are listed in rank order', () => {
    expect(figuresForQuery(digest(figures), ['aachen']).map((f) => f.value)).toEqual([0, 1, 2, 3, 4]);
  });
});
