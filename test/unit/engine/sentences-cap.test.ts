import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../../src/engine/sentences.ts';

describe('splitSentences on run-on text', () => {
  it('given 40,000 characters without a full stop, then pieces of at most the cap come back, cut at spaces, losing no word', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `w${String(i)}`);
    const pieces = splitSentences(words.join(' '), 'en');
    expect(pieces.length).toBeGreaterThan(20);
    expect(pieces.every((p) => p.length <= MAX_SENTENCE_CHARS)).toBe(true);
    expect(pieces.join(' ').split(' ')).toEqual(words);
  });

  it('given ordinary sentences, then they are not cut', () => {
    expect(splitSentences('Revenue rose 12 % to 3.4 billion euros. Costs fell.', 'en')).toEqual(['Revenue rose 12 % to 3.4 billion euros.', 'Costs fell.']);
  });
});
