import { describe, expect, it } from 'vitest';
import { extractRisks } from '../../../../src/engine/risks/index.ts';
import { articleOf } from './article.ts';

describe('risk ranking', () => {
  it('given a specific, explicit risk and a vague one, then the specific risk ranks first', () => {
    const vague = 'Analysten sehen gewisse Risiken.';
    const specific = 'Neue Sanktionen der USA könnten den Umsatz des Konzerns im nächsten Quartal um 20 Prozent drücken.';
    const risks = extractRisks(articleOf([vague, specific], 'de'));
    expect(risks.map((r) => r.sentence)).toEqual([specific, vague]);
  });

  it('given several risks of one category and one of another, then the other category is not pushed to the end', () => {
    const sentences = [
      'The airline swung to a loss of $200m in the quarter.',
      'Its fuel costs could erode margins further, the company warned.',
      'The carrier also booked a $50m impairment on older aircraft.',
      'Low-cost rivals threaten to take market share on short-haul routes.',
    ];
    const risks = extractRisks(articleOf(sentences, 'en'));
    expect(risks).toHaveLength(4);
    const competition = risks.findIndex((r) => r.category === 'competition');
    expect(competition).toBeGreaterThanOrEqual(0);
    expect(competition).toBeLessThan(3);
  });

  it('given only a faint hint of worry, then the evidence is too weak for a risk', () => {
    expect(extractRisks(articleOf(['Manche Beobachter äußern Sorgen.'], 'de'))).toEqual([]);
  });

  it('given no risk language at all, then the list is empty', () => {
    const sentences = ['Der Umsatz stieg um 5 Prozent.', 'Das Unternehmen eröffnete zwei neue Filialen in Berlin.'];
    expect(extractRisks(articleOf(sentences, 'de'))).toEqual([]);
  });
});

describe('risk deduplication', () => {
  it('given the same risk stated twice in similar words, then it is listed once', () => {
    const sentences = [
      'Neue Zölle der USA belasten das Exportgeschäft von Siemens.',
      'Das Exportgeschäft von Siemens belasten neue Zölle der USA zusätzlich.',
    ];
    expect(extractRisks(articleOf(sentences, 'de'))).toHaveLength(1);
  });

  it('given the very same sentence twice, then it is listed once', () => {
    const s = 'The lawsuit could cost the bank billions.';
    expect(extractRisks(articleOf([s, s], 'en'))).toHaveLength(1);
  });

  it('given two different risks in one article, then both are kept', () => {
    const sentences = [
      'Neue Zölle der USA belasten das Exportgeschäft.',
      'Zudem droht eine Kartellstrafe der EU-Kommission wegen Preisabsprachen.',
    ];
    const risks = extractRisks(articleOf(sentences, 'de'));
    expect(risks.map((r) => r.category).sort()).toEqual(['geopolitical-regulatory', 'legal']);
  });

  it('given a sentence that repeats the title, then it is not listed as a risk', () => {
    const title = 'Der drohende Absturz';
    const risks = extractRisks(articleOf(['Der drohende Absturz.', 'Die Zölle belasten den Umsatz.'], 'de', title));
    expect(risks.map((r) => r.sentence)).toEqual(['Die Zölle belasten den Umsatz.']);
  });
});
