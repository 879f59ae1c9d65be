import { describe, expect, it } from 'vitest';
import { sameStory, storyKey } from '../../../src/digests/same-story.ts';

const same = (a: string, b: string): boolean => sameStory(storyKey(a), storyKey(b));

describe('sameStory', () => {
  it('given the same title from two sources, or a slightly reworded one, then it is the same story', () => {
    expect(same('Nordlicht Halbleiter senkt Prognose trotz Rekordumsatz', 'Nordlicht Halbleiter senkt Prognose trotz Rekordumsatz')).toBe(true);
    expect(same('Siemens raises 2026 outlook after record quarter', 'Siemens raises its 2026 outlook after a record quarter')).toBe(true);
  });

  it('given template titles about different companies, then they are different stories', () => {
    expect(same('Acme reports quarterly results', 'Globex reports quarterly results')).toBe(false);
    expect(same('Company 3 reports quarterly results', 'Company 7 reports quarterly results')).toBe(false);
    expect(same('BASF: Umsatz steigt um 5 Prozent', 'Bayer: Umsatz steigt um 5 Prozent')).toBe(false);
  });

  it('given different figures in otherwise equal titles, then they are different stories', () => {
    expect(same('Inflation rises to 2.4% in March', 'Inflation rises to 3.1% in March')).toBe(false);
  });

  it('given titles sharing a name but few words, then they are different stories', () => {
    expect(same('Siemens raises outlook', 'Siemens cuts 5,000 jobs in Germany')).toBe(false);
  });
});
