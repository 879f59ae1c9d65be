/**
 * Regression (fuzz campaign): a digit string beyond double range followed by a unit ("777…7 billion") became
 * a figure with value Infinity, which breaks the digest schema (and prints as "Infinity"). Such numbers are
 * no figures; ordinary large ones still are.
 */
import { describe, expect, it } from 'vitest';
import { digestArticle } from '../../../../src/engine/digest.ts';
import { digestSchema } from '../../../../src/engine/schema.ts';
import { scanFigures } from '../../../../src/engine/figures/scan.ts';

const huge = '7'.repeat(300);

describe('figures from numbers beyond double range', () => {
  it.each([
    [`Revenue rose to ${huge} billion dollars.`, 'en'],
    [`z.B. ${huge} billion`, 'en'],
    [`Es waren ${huge} Mitarbeiter`, 'de'],
    [`Der Umsatz stieg auf ${huge} Milliarden Euro.`, 'de'],
    [`Die Spanne reicht von 3 bis ${huge} Prozent.`, 'de'],
    [`Revenue of $1${',000'.repeat(120)} million.`, 'en'],
  ] as const)('given "%s", then every figure found has a finite value', (sentence, lang) => {
    for (const f of scanFigures(sentence, lang)) {
      expect(Number.isFinite(f.value)).toBe(true);
      expect(f.valueMax === undefined || Number.isFinite(f.valueMax)).toBe(true);
    }
  });

  it('given an article with such a number, then its digest keeps the schema and the ordinary figures', () => {
    const { digest } = digestArticle({ html: `<article><p>z.B. ${huge} billion. Revenue rose 12% to $4.2 billion in the quarter, the company said.</p></article>` });
    expect(digestSchema.safeParse(digest).success).toBe(true);
    expect(digest.figures.map((f) => f.value)).toEqual(expect.arrayContaining([12, 4_200_000_000]));
  });
});
