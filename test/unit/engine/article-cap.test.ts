/**
 * Regression (fuzz campaign): a 5 MB page of text (the default fetch cap) took seconds of analysis, all of it
 * blocking the event loop. The engine analyses the first MAX_ARTICLE_CHARS characters and says so.
 */
import { describe, expect, it } from 'vitest';
import { digestArticle, MAX_ARTICLE_CHARS } from '../../../src/engine/digest.ts';

const P1 = 'Der Umsatz stieg im dritten Quartal um 3,5 Prozent auf 1,2 Milliarden Euro, teilte der Konzern am Montag in Berlin mit.';
const LATE = 'Am Ende meldete der Konzern einen Rekordgewinn von 987,6 Millionen Euro, wie er am Dienstag mitteilte.';

describe('digestArticle on very long text', () => {
  it('given more text than the cap, then only the first part is analysed and a warning says so', () => {
    const paragraphs = Array.from({ length: Math.ceil((MAX_ARTICLE_CHARS * 3) / P1.length) }, () => P1);
    const { digest, article } = digestArticle({ text: [...paragraphs, LATE].join('\n\n') });
    expect(article.paragraphs.join('').length).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
    expect(digest.warnings.some((w) => w.startsWith('length: only the first 200,000 characters'))).toBe(true);
    expect(digest.figures.some((f) => f.value === 987_600_000)).toBe(false);
    expect(digest.figures.some((f) => f.value === 3.5)).toBe(true);
  });

  it('given one paragraph longer than the cap with an emoji at the cut, then no lone surrogate is left', () => {
    const text = `${'a'.repeat(MAX_ARTICLE_CHARS - P1.length - 1)}😀 ${P1}`;
    const { article } = digestArticle({ text: `${P1}\n\n${text}` });
    expect(article.paragraphs.at(-1)).not.toMatch(/[\uD800-\uDBFF]$/u);
  });

  it('given an ordinary article, then nothing is cut and there is no length warning', () => {
    const { digest } = digestArticle({ text: `${P1}\n\n${LATE}` });
    expect(digest.warnings.filter((w) => w.startsWith('length:'))).toEqual([]);
    expect(digest.figures.some((f) => f.value === 987_600_000)).toBe(true);
  });
});
