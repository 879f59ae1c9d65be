import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestArticle } from '../../../../src/engine/digest.ts';
import {
  ENTRY_SUMMARY_WORDS, SUMMARY_WORDS, countWords, entrySummary, fitSummary, summarize, summarizeAt, summaryWords,
} from '../../../../src/engine/summarize.ts';
import { articleOf } from './helpers.ts';

const VOCABULARY = ['market', 'profit', 'council', 'river', 'bridge', 'growth', 'engineers', 'report', 'village', 'rail',
  'budget', 'storm', 'school', 'harbour', 'license', 'factory', 'workers', 'price', 'energy', 'tower'];

/** A sentence of `n` words (n ≥ 4): capitalized, ending in a period, so every one is a usable summary sentence. */
function sentenceOf(words: number[]): string {
  const text = words.map((w) => VOCABULARY[w % VOCABULARY.length] ?? 'market').join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const sentenceArb = fc.array(fc.nat(VOCABULARY.length - 1), { minLength: 4, maxLength: 60 }).map(sentenceOf);
const articleArb = fc.array(fc.array(sentenceArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });

describe('summary word budget', () => {
  it('given any article and any budget, then the summary has at most that many words, or else it is the single shortest sentence and no sentence fits', () => {
    fc.assert(fc.property(articleArb, fc.integer({ min: 1, max: 120 }), (paragraphs, budget) => {
      const article = articleOf(paragraphs, 'en');
      const summary = summarize(article, { maxWords: budget });
      const all = paragraphs.flat();
      expect(summary.length).toBeGreaterThan(0);
      // Verbatim, whole sentences, in article order.
      const at = summary.map((s) => all.indexOf(s));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      if (summaryWords(summary) <= budget) return;
      const shortest = Math.min(...all.map(countWords));
      expect(summary).toHaveLength(1);
      expect(shortest).toBeGreaterThan(budget);
      expect(countWords(summary[0] ?? '')).toBe(shortest);
    }), { numRuns: 300 });
  });

  it('given the default options, then no summary of a long article exceeds 75 words', () => {
    fc.assert(fc.property(fc.array(fc.array(sentenceArb, { minLength: 3, maxLength: 5 }), { minLength: 4, maxLength: 8 }), (paragraphs) => {
      expect(summaryWords(summarize(articleOf(paragraphs, 'en')))).toBeLessThanOrEqual(SUMMARY_WORDS);
    }), { numRuns: 100 });
  });

  const long = 'Der Stadtrat hat am Dienstagabend nach einer langen und zeitweise hitzigen Debatte mit knapper Mehrheit beschlossen, '
    + 'die marode Rheinbrücke im Norden der Stadt bis zum Jahr 2029 vollständig abzureißen und durch einen Neubau zu ersetzen.';
  const shorter = 'Der Neubau der Rheinbrücke soll rund 180 Millionen Euro kosten.';
  const other = 'Die Bauarbeiten beginnen nach Angaben der Stadt im kommenden Frühjahr.';

  it('given a budget below the best sentence, then a shorter sentence is picked and nothing is cut', () => {
    const article = articleOf([[long, shorter, other]], 'de');
    expect(countWords(long)).toBeGreaterThan(25);
    const summary = summarize(article, { maxWords: 25 });
    expect(summary).not.toContain(long);
    expect(summary.length).toBeGreaterThan(0);
    for (const s of summary) expect([shorter, other]).toContain(s);
    expect(summaryWords(summary)).toBeLessThanOrEqual(25);
  });

  it('given a budget below every sentence, then the summary is the shortest sentence alone, uncut', () => {
    const article = articleOf([[long, shorter, other]], 'de');
    expect(summarize(article, { maxWords: 5 })).toEqual([shorter]);
  });

  it('given two budgets at once, then each summary is what summarize gives for that budget', () => {
    const article = articleOf([[long, shorter, other], [shorter.replace('180', '190'), 'Anwohner kritisieren die lange Sperrung der Brücke während der Bauzeit.']], 'de');
    const [a, b] = summarizeAt(article, [75, 20]);
    expect(a).toEqual(summarize(article, { maxWords: 75 }));
    expect(b).toEqual(summarize(article, { maxWords: 20 }));
  });
});

describe('fitSummary and entrySummary', () => {
  const s10 = 'One two three four five six seven eight nine ten.';
  const s5 = 'Alpha beta gamma delta epsilon.';
  const s20 = `${s10.slice(0, -1)} ${s10}`;

  it('given sentences that do not all fit, then those that fit are kept in order, none cut', () => {
    expect(fitSummary([s20, s10, s5], 16)).toEqual([s10, s5]);
    expect(fitSummary([s10, s20, s5], 16)).toEqual([s10, s5]);
  });

  it('given no sentence that fits, then the shortest alone', () => {
    expect(fitSummary([s20, s10], 4)).toEqual([s10]);
    expect(fitSummary([], 4)).toEqual([]);
  });

  it('given a full summary within the budget, then a digest entry takes it whole', () => {
    expect(entrySummary([s10, s5], [s5], 15)).toEqual([s10, s5]);
  });

  it('given a full summary over the budget, then the entry summary is taken, cut down only when the budget is smaller still', () => {
    expect(entrySummary([s20, s10], [s10, s5], 15)).toEqual([s10, s5]);
    expect(entrySummary([s20, s10], [s10, s5], 12)).toEqual([s10]);
  });

  it('given a digest made before entry summaries existed, then the full summary is cut down', () => {
    expect(entrySummary([s20, s10, s5], undefined, 15)).toEqual([s10, s5]);
  });
});

describe('digestArticle and the budgets', () => {
  const text = [
    'Brückenneubau in Köln beschlossen',
    ['Der Kölner Stadtrat hat am Dienstag beschlossen, die marode Mülheimer Rheinbrücke bis 2029 abzureißen und neu zu bauen.',
      'Der Neubau soll nach Schätzung der Verwaltung rund 180 Millionen Euro kosten, von denen das Land etwa die Hälfte trägt.',
      'Während der Bauzeit wird der Autoverkehr über eine Behelfsbrücke geleitet, Radfahrer und Fußgänger nutzen eine Fähre.',
      'Anwohner und Geschäftsleute im Stadtteil Mülheim kritisieren die lange Sperrung und fürchten Umsatzeinbußen.',
      'Die Opposition im Rat hatte eine Sanierung der bestehenden Brücke gefordert, die nach ihren Zahlen billiger gewesen wäre.',
      'Gutachter hatten der Brücke jedoch schwere Schäden an den Stahlträgern bescheinigt, die eine Sanierung unwirtschaftlich machen.',
      'Mit ersten Vorarbeiten am Ufer soll bereits im kommenden Frühjahr begonnen werden.'].join(' '),
  ].join('\n\n');

  it('given default options, then the summary has at most 75 words and the entry summary at most 45', () => {
    const { digest } = digestArticle({ text });
    expect(digest.summary.length).toBeGreaterThan(0);
    expect(summaryWords(digest.summary)).toBeLessThanOrEqual(SUMMARY_WORDS);
    expect(digest.entrySummary?.length).toBeGreaterThan(0);
    expect(summaryWords(digest.entrySummary ?? [])).toBeLessThanOrEqual(ENTRY_SUMMARY_WORDS);
  });

  it('given smaller budgets as options, then both are honoured', () => {
    const { digest } = digestArticle({ text }, { summaryWords: 60, entrySummaryWords: 30 });
    expect(summaryWords(digest.summary)).toBeLessThanOrEqual(60);
    expect(summaryWords(digest.entrySummary ?? [])).toBeLessThanOrEqual(30);
    expect(summaryWords(digest.summary)).toBeGreaterThan(30);
  });
});
