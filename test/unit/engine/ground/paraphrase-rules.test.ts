import { describe, expect, it } from 'vitest';
import { groundText } from '../../../../src/engine/ground/ground-text.ts';

const problems = (source: string, summary: string): string[] =>
  (groundText(source, summary)[0]?.problems ?? []).map((p) => `${p.kind}: ${p.text}`);

describe('"up to N" must state one of the article\'s figures', () => {
  const SHOP = `Tests im Laden

Im Laden kosten fünf Tests bis zu 60 Franken. Ein einzelner Test kostet 12 Franken. Im Online-Shop zahlt man zwischen 40 und 55 Franken.`;

  it('given the ceiling the article states, or a range\'s top, then it is supported', () => {
    expect(problems(SHOP, 'Fünf Tests kosten bis zu 60 Franken.')).toEqual([]);
    expect(problems(SHOP, 'Online zahlt man bis zu 55 Franken.')).toEqual([]);
  });

  it('given a higher ceiling than any the article states, then it is flagged though lower amounts exist', () => {
    expect(problems(SHOP, 'Fünf Tests kosten bis zu 67 Franken.')).toEqual(['number: bis zu 67 Franken']);
    expect(problems('Tickets cost $10, and up to $40 for the best seats.', 'Seats cost up to $45.')).toEqual(['number: up to $45']);
  });
});
