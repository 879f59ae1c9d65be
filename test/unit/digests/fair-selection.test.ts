import { describe, expect, it } from 'vitest';
import { roundRobin, selectEntries, type Candidate } from '../../../src/digests/fair-selection.ts';

function items(source: string, n: number, startHour: number, title = (i: number): string => `Firm${source}${String(i)} opens a new plant in Town${source}${String(i)}`): Candidate<string>[] {
  return Array.from({ length: n }, (_, i) => ({
    sourceKey: source,
    at: new Date(Date.UTC(2026, 10, 20, startHour) - i * 60_000).toISOString(),
    title: title(i),
    item: `${source}-${String(i)}`,
  }));
}

describe('roundRobin', () => {
  it('given two sources, then each source\'s newest comes first and the rounds alternate, newer first within a round', () => {
    const order = roundRobin([...items('press', 3, 9), ...items('finance', 2, 8)]).map((c) => c.item);
    expect(order).toEqual(['press-0', 'finance-0', 'press-1', 'finance-1', 'press-2']);
  });
});

describe('selectEntries', () => {
  it('given 40 new items in one press review and 4 finance articles, then the finance articles all get in and the cut is counted', () => {
    const { entries, cut } = selectEntries([...items('Presseschau', 40, 10), ...items('Finanzen', 4, 6)], { max: 10, perSource: 5 });
    const chosen = entries.map((e) => e.items[0] ?? '');
    expect(chosen.filter((i) => i.startsWith('Finanzen'))).toHaveLength(4);
    expect(chosen.filter((i) => i.startsWith('Presseschau'))).toHaveLength(5);
    expect(cut.get('Presseschau')).toBe(35);
    expect(cut.has('Finanzen')).toBe(false);
  });

  it('given more sources than places, then the total limit cuts the oldest of the round and reports it', () => {
    const { entries, cut } = selectEntries([...items('a', 2, 9), ...items('b', 2, 8), ...items('c', 2, 7)], { max: 4, perSource: 3 });
    expect(entries.map((e) => e.items[0])).toEqual(['a-0', 'b-0', 'c-0', 'a-1']);
    expect(Object.fromEntries(cut)).toEqual({ b: 1, c: 1 });
  });

  it('given twenty template titles about different companies, then they stay twenty entries', () => {
    const { entries } = selectEntries(items('wire', 20, 9, (i) => `Company ${String(i + 1)} reports quarterly results`), { max: 50, perSource: 50 });
    expect(entries).toHaveLength(20);
    for (const e of entries) expect(e.items).toHaveLength(1);
  });

  it('given the same story in two sources, then it is one entry with both, and it takes one place only', () => {
    const story = (source: string) => (i: number): string => (i === 0 ? 'Nordlicht Halbleiter senkt Prognose trotz Rekordumsatz' : `${source} news from Place${source}`);
    const { entries } = selectEntries([...items('a', 2, 9, story('Alpha')), ...items('b', 2, 8, story('Beta'))], { max: 10, perSource: 2 });
    expect(entries.map((e) => e.items)).toEqual([['a-0', 'b-0'], ['a-1'], ['b-1']]);
  });
});
