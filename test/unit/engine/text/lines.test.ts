import { describe, expect, it } from 'vitest';
import { isFurniture, isQuestion, repeatsTitle, simplify } from '../../../../src/engine/text/lines.ts';
import { countWords, wordCount } from '../../../../src/engine/text/words.ts';

describe('line tests', () => {
  it('given a question behind closing quotes, then it is a question; a statement is not', () => {
    expect(isQuestion('Was kommt jetzt?“ ')).toBe(true);
    expect(isQuestion('He asked (why?)')).toBe(true);
    expect(isQuestion('Sales rose 5%.')).toBe(false);
  });

  it('given separators, links, promos or no lower-case letter, then the line is furniture', () => {
    expect(isFurniture('Home | News | Wirtschaft')).toBe(true);
    expect(isFurniture('Mehr unter https://example.org/x')).toBe(true);
    expect(isFurniture('Lesen Sie auch: Die Bahn streikt')).toBe(true);
    expect(isFurniture('BREAKING NEWS')).toBe(true);
    expect(isFurniture('Die Bahn streikt am Montag.')).toBe(false);
  });

  it('given text, then simplify keeps lower-case letters and digits single-spaced', () => {
    expect(simplify('  Siemens: Umsatz +5 % — „stark“!  ')).toBe('siemens umsatz 5 stark');
    expect(simplify('***')).toBe('');
  });

  it('given a line that starts with the title in other punctuation or case, then it repeats the title', () => {
    const title = simplify('Siemens erhält Großauftrag aus Saudi-Arabien');
    expect(repeatsTitle('SIEMENS ERHÄLT GROSSAUFTRAG …', title)).toBe(false);
    expect(repeatsTitle('Siemens erhält Großauftrag aus Saudi Arabien.', title)).toBe(true);
    expect(repeatsTitle('„Siemens“ erhält – Großauftrag aus Saudi-Arabien: Details folgen.', title)).toBe(true);
    expect(repeatsTitle('Heute: Siemens erhält Großauftrag aus Saudi-Arabien.', title)).toBe(false);
    expect(repeatsTitle('Siemens erhält Großauftrag aus Saudi-Arabien.', '')).toBe(false);
  });
});

describe('word counts', () => {
  it('given numbers with separators and words with digits, then each counts once', () => {
    expect(wordCount('Umsatz 1.250,5 Mio. Euro, GPT-5 kommt')).toBe(7);
    expect(countWords('£20.99 for Eccleston-Todd — really')).toBe(4);
    expect(countWords('   ')).toBe(0);
  });
});
