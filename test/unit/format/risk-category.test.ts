import { describe, expect, it } from 'vitest';
import { articleMessage } from '../../../src/commands/summarize.ts';
import { riskCategorySchema, type Digest, type RiskCategory } from '../../../src/engine/schema.ts';
import { labelLanguageOf, riskCategoryName } from '../../../src/format/risk-category.ts';

const CATEGORIES = riskCategorySchema.options;

function digestWith(language: string, category: RiskCategory): Digest {
  return {
    title: 'Titel', language, published: null, url: null, summary: ['Satz.'], figures: [], warnings: [],
    risks: [{ category, text: 'Die Staatsanwaltschaft ermittelt gegen den Konzern.', sentence: 'Die Staatsanwaltschaft ermittelt gegen den Konzern.' }],
  };
}

describe('risk categories in the reader\'s language', () => {
  it('given every category, then German and English each have a distinct name that is not the slug', () => {
    for (const language of ['de', 'en'] as const) {
      const names = CATEGORIES.map((c) => riskCategoryName(c, language));
      expect(new Set(names).size).toBe(CATEGORIES.length);
      for (const c of CATEGORIES) expect(riskCategoryName(c, language)).not.toBe(c);
    }
  });

  it('given German and English, then the names are the words a reader expects', () => {
    expect(riskCategoryName('legal', 'de')).toBe('Recht');
    expect(riskCategoryName('legal', 'en')).toBe('Legal');
    expect(riskCategoryName('geopolitical-regulatory', 'de')).toBe('Politik & Regulierung');
    expect(riskCategoryName('macro', 'en')).toBe('Economy');
  });

  it('given a German digest, then /summarize shows the German category name and no slug', () => {
    const message = articleMessage(digestWith('de', 'legal'), 'https://example.org/a');
    const risks = message.sections.find((s) => s.heading === 'Risiken');
    expect(risks?.lines).toEqual(['(Recht) Die Staatsanwaltschaft ermittelt gegen den Konzern.']);
  });

  it('given an English digest, then /summarize shows the English category name and no slug', () => {
    const message = articleMessage(digestWith('en', 'execution-adoption'), 'https://example.org/a');
    const risks = message.sections.find((s) => s.heading === 'Risks');
    expect(risks?.lines[0]).toMatch(/^\(Execution & demand\) /u);
    expect(JSON.stringify(message)).not.toContain('execution-adoption');
  });

  it('given a language other than German, then labels are English', () => {
    expect(labelLanguageOf('de')).toBe('de');
    expect(labelLanguageOf('en')).toBe('en');
    expect(labelLanguageOf('fr')).toBe('en');
  });
});
