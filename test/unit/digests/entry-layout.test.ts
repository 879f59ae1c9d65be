import { describe, expect, it } from 'vitest';
import { entrySection, figureQuote } from '../../../src/digests/entry-layout.ts';
import type { Digest, Figure } from '../../../src/engine/schema.ts';

const SALES = 'Harbor Foods raised its forecast on Tuesday after third-quarter revenue jumped 6.2% to $3.5bn, helped by online orders.';
const TARIFFS = 'Ortega warned that higher tariffs on imported produce could squeeze margins in the first half of 2027.';

function figure(text: string, sentence: string, label: string, value: number, kind: Figure['kind'] = 'money'): Figure {
  return { kind, value, ...(kind === 'money' ? { currency: 'USD' } : {}), label, text, sentence };
}

function digest(extra: Partial<Digest> = {}): Digest {
  return {
    title: 'Harbor Foods raises outlook', language: 'en', published: null, url: null,
    summary: [SALES, 'Adjusted earnings per share rose to $1.12 from 94 cents a year earlier.'],
    figures: [
      figure('$3.5bn', SALES, 'revenue', 3.5e9),
      figure('$2.85 to $3.10', 'The company now expects adjusted EPS of $2.85 to $3.10 for the year, up from $2.70.', 'EPS guidance', 2.85),
      figure('12%', 'Online orders grew 12% and now make up a fifth of sales.', 'online orders', 12, 'percent'),
      figure('$0.94', 'Adjusted earnings per share rose to $1.12 from 94 cents a year earlier.', 'EPS (prior)', 0.94),
    ],
    risks: [
      { category: 'financial', text: 'third-quarter revenue jumped 6.2% to $3.5bn', sentence: SALES },
      { category: 'geopolitical-regulatory', text: TARIFFS, sentence: TARIFFS },
    ],
    warnings: [],
    ...extra,
  };
}

const OPTIONS = { language: 'en' as const, summaryWords: 45, maxChars: 1000 };

describe('figureQuote', () => {
  it('given a figure inside a long sentence, then a few words around it are quoted with ellipses where the sentence goes on', () => {
    expect(figureQuote({ text: '$3.5bn', sentence: SALES })).toBe('… jumped 6.2% to $3.5bn, helped by online …');
    expect(figureQuote({ text: '$3.5bn', sentence: SALES }, 1)).toBe('… to $3.5bn, helped …');
  });

  it('given a figure at the start of its sentence or glued to a word, then no word is cut and no ellipsis starts it', () => {
    expect(figureQuote({ text: '41,000', sentence: '41,000 homes are still without power.' })).toBe('41,000 homes are still …');
    expect(figureQuote({ text: '5', sentence: 'Es gibt 5-prozentige Anleihen am Markt heute.' }, 1)).toBe('… gibt 5-prozentige Anleihen …');
  });

  it('given a figure text not found in the sentence, then the text alone is quoted', () => {
    expect(figureQuote({ text: '3 bn', sentence: 'Sales came to three billion.' })).toBe('3 bn');
  });
});

describe('entrySection', () => {
  it('given a digest, then the title links to the article and the lines are summary, figures with quotes, then a risk not repeating the summary', () => {
    const section = entrySection({ digest: digest(), seenIn: [{ source: 'Ledger', url: 'https://example.org/harbor' }] }, OPTIONS);
    expect(section.heading).toBe('Harbor Foods raises outlook');
    expect(section.url).toBe('https://example.org/harbor');
    expect(section.links).toBeUndefined();
    expect(section.lines.slice(0, 2)).toEqual(digest().summary);
    const figures = section.lines.filter((l) => l.startsWith('Figure: '));
    expect(figures).toHaveLength(3);
    // The revenue figure's sentence is the summary's: shown, with the shorter quote.
    expect(figures[0]).toBe('Figure: revenue: 3.5 bn USD — “… to $3.5bn, helped …”');
    expect(figures[1]).toBe('Figure: EPS guidance: 2.85 USD — “… adjusted EPS of $2.85 to $3.10 for the year …”');
    const risks = section.lines.filter((l) => l.startsWith('Risk'));
    expect(risks).toEqual([`Risk (Politics & regulation): ${TARIFFS}`]);
    expect(new Set(section.lines).size).toBe(section.lines.length);
  });

  it('given a small share of the message, then the entry stays within it: the third figure goes first, the risk is cut at a word', () => {
    const section = entrySection({ digest: digest(), seenIn: [{ source: 'Ledger', url: 'https://example.org/harbor' }] }, { ...OPTIONS, maxChars: 460 });
    const size = [section.heading ?? '', ...section.lines].reduce((n, l) => n + l.length + 1, 0);
    expect(size).toBeLessThanOrEqual(460);
    expect(section.lines.filter((l) => l.startsWith('Figure: '))).toHaveLength(2);
    const risk = section.lines.find((l) => l.startsWith('Risk'));
    expect(risk).toMatch(/^Risk \(Politics & regulation\): Ortega warned .*\S…$/u);
  });

  it('given the same story from two sources, then both are named and the second link sits in the entry', () => {
    const section = entrySection({ digest: digest(), seenIn: [{ source: 'Ledger', url: 'https://a.example/1' }, { source: 'Wire', url: 'https://b.example/2' }] }, OPTIONS);
    expect(section.url).toBe('https://a.example/1');
    expect(section.links).toEqual([{ label: 'Wire', url: 'https://b.example/2' }]);
    expect(section.lines.at(-1)).toBe('Sources: Ledger, Wire');
  });

  it('given only risks that repeat the summary, then no risk line is shown', () => {
    const d = digest({ risks: [{ category: 'financial', text: 'revenue jumped 6.2%', sentence: SALES }] });
    const section = entrySection({ digest: d, seenIn: [{ source: 'Ledger', url: null }] }, OPTIONS);
    expect(section.lines.some((l) => l.startsWith('Risk'))).toBe(false);
    expect(section.url).toBeUndefined();
  });
});
