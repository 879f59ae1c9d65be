import { describe, expect, it } from 'vitest';
import { fitText, packLines } from '../../../../adapters/shared/text-fit.ts';

describe('fitText', () => {
  it('given text within the limit, then it is returned encoded and whole', () => {
    expect(fitText('Zinsen & Preise', 40)).toBe('Zinsen & Preise');
    expect(fitText('a<b', 10, (s) => s.replace(/</gu, '&lt;'))).toBe('a&lt;b');
  });

  it('given a longer line, then it is cut to the limit with an ellipsis and never splits a surrogate pair', () => {
    expect(fitText('abcdefghij', 5)).toBe('abcd…');
    const cut = fitText('ab😀😀cd', 4);
    expect(cut).toBe('ab…');
    expect(cut.length).toBeLessThanOrEqual(4);
  });
});

describe('packLines', () => {
  it('given lines, then they are joined by newlines into as few texts within the limit as possible, in order', () => {
    expect(packLines(['aaa', 'bbb', 'ccc', 'dd'], 7)).toEqual(['aaa\nbbb', 'ccc\ndd']);
    expect(packLines(['aaaaaaa', 'b'], 7)).toEqual(['aaaaaaa', 'b']);
    expect(packLines([], 7)).toEqual([]);
  });
});
