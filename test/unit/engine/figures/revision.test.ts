/**
 * A forecast stated beside the earlier forecast it replaces is revised by the numbers: lower is a cut, higher a
 * raise, and the earlier value is labelled as the earlier forecast, not as last year's result.
 */
import { describe, expect, it } from 'vitest';
import type { RuleLanguage } from '../../../../src/engine/types.ts';
import { figuresOf } from './figure-case.ts';

/** Sentence, rules, then per figure in sentence order: label, basis, direction. */
const CASES: readonly (readonly [string, RuleLanguage, readonly (readonly [string, string | null, string | null])[]])[] = [
  ['Für das Gesamtjahr rechnet das Unternehmen nun mit einem Umsatz von 4,6 bis 4,8 Mrd. Euro, zuvor waren es rund 5 Mrd. Euro.', 'de',
    [['Umsatz-Prognose (gesenkt)', 'guidance', 'down'], ['Umsatz-Prognose (zuvor)', 'prior', null]]],
  ['Der Konzern erwartet nun einen Gewinn von 2 Mrd. Euro statt bisher 1,5 Mrd. Euro.', 'de',
    [['Gewinn-Prognose (angehoben)', 'guidance', null], ['Gewinn-Prognose (zuvor)', 'prior', null]]],
  ['Für 2025 erwartet die Firma einen Umsatz von 5 Mrd. Euro nach 4,2 Mrd. Euro im Vorjahr.', 'de',
    [['Umsatz-Prognose', 'guidance', null], ['Vorjahresumsatz', 'prior', null]]],
  ['The grocer now expects adjusted EPS of $2.85 to $3.10 for the year, up from a previous range of $2.70 to $2.95.', 'en',
    [['adjusted EPS guidance (raised)', 'guidance', null], ['prior adjusted EPS guidance', 'prior', null]]],
  ['The company now expects revenue of $4 billion, compared with its previous forecast of $4.5 billion.', 'en',
    [['revenue guidance (cut)', 'guidance', 'down'], ['prior forecast', 'prior', null]]],
];

describe('forecast revised by the numbers', () => {
  for (const [sentence, rules, want] of CASES) {
    it(`given "${sentence}", then the labels are ${want.map((w) => w[0]).join(' / ')}`, () => {
      const figures = figuresOf(sentence, rules).sort((a, b) => sentence.indexOf(a.text) - sentence.indexOf(b.text));
      expect(figures.map((f) => [f.label, f.basis ?? null, f.direction ?? null])).toEqual(want);
    });
  }
});
