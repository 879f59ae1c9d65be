import { describe, expect, it } from 'vitest';
import { contentTerms, cosine, termVector } from '../../../../src/engine/text/terms.ts';

describe('content terms', () => {
  it('given German compounds with a common first part, then they share a term', () => {
    const a = new Set(contentTerms('Das Sturmtief zieht weiter.', 'de'));
    const b = contentTerms('Eine Sturmflut wird erwartet.', 'de');
    expect(b.some((t) => a.has(t))).toBe(true);
  });

  it('given inflected forms, then they reduce to the same stem', () => {
    expect(contentTerms('Verluste', 'de')).toEqual(contentTerms('Verlusten', 'de'));
    expect(contentTerms('profits', 'en')).toEqual(contentTerms('profit', 'en'));
  });

  it('given only stop words, then there are no content terms', () => {
    expect(contentTerms('und die mit der von', 'de')).toEqual([]);
    expect(contentTerms('and the of with from', 'en')).toEqual([]);
  });
});

describe('term vectors', () => {
  it('given repeated terms, then they are counted and the norm is the Euclidean length', () => {
    const v = termVector(['gewinn', 'gewinn', 'umsatz']);
    expect([...v.terms]).toEqual([['gewinn', 2], ['umsatz', 1]]);
    expect(v.norm).toBeCloseTo(Math.sqrt(5), 12);
  });

  it('given two vectors, then cosine is 1 for the same direction, 0 without shared terms and symmetric', () => {
    const a = termVector(['a', 'b', 'b']);
    const b = termVector(['b', 'b', 'a', 'a', 'b', 'b']);
    const c = termVector(['x']);
    expect(cosine(a.terms, a.norm, termVector(['a', 'b', 'b']).terms, a.norm)).toBeCloseTo(1, 12);
    expect(cosine(a.terms, a.norm, c.terms, c.norm)).toBe(0);
    expect(cosine(a.terms, a.norm, b.terms, b.norm)).toBeCloseTo(cosine(b.terms, b.norm, a.terms, a.norm), 12);
    expect(cosine(a.terms, a.norm, b.terms, b.norm)).toBeCloseTo((1 * 2 + 2 * 4) / (Math.sqrt(5) * Math.sqrt(20)), 12);
  });

  it('given an empty vector, then cosine is 0', () => {
    const e = termVector([]);
    expect(e.norm).toBe(0);
    expect(cosine(e.terms, e.norm, termVector(['a']).terms, 1)).toBe(0);
  });
});
