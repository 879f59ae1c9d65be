import { describe, expect, it } from 'vitest';
import { MAX_STATEMENT } from '../../../../src/engine/risks/clause.ts';
import { extractRisks } from '../../../../src/engine/risks/index.ts';
import type { RiskCategory } from '../../../../src/engine/schema.ts';
import type { RuleLanguage } from '../../../../src/engine/types.ts';
import { articleOf } from './article.ts';

/** [language, sentence, expected category or null for "not a risk"] */
const TABLE: [RuleLanguage, string, RiskCategory | null][] = [
  // German risks
  ['de', 'Die Zölle der USA belasten das Exportgeschäft des Konzerns erheblich.', 'geopolitical-regulatory'],
  ['de', 'Der Konzern rutschte im dritten Quartal in die Verlustzone.', 'financial'],
  ['de', 'Wegen des harten Wettbewerbsdrucks durch chinesische Anbieter schrumpft die Marge.', 'competition'],
  ['de', 'Eine Sammelklage von Aktionären könnte den Konzern Milliarden kosten.', 'legal'],
  ['de', 'Die Volatilität der Aktie dürfte hoch bleiben.', 'market-volatility'],
  ['de', 'Verzögert sich die Markteinführung des neuen Modells, droht ein Umsatzeinbruch.', 'execution-adoption'],
  ['de', 'Ein Streik in der Produktion gefährdet die Lieferkette.', 'operational'],
  ['de', 'Die hohe Inflation und die drohende Rezession belasten die Konjunktur.', 'macro'],
  ['de', 'Der Hersteller senkte seine Prognose für das Gesamtjahr.', 'financial'],
  ['de', 'Die EU-Kommission verhängte eine Kartellstrafe von 2,4 Milliarden Euro.', 'legal'],
  ['de', 'Das Unternehmen verbrennt weiterhin viel Geld.', 'financial'],
  ['de', 'Sollte die Akzeptanz der Kunden ausbleiben, wäre das Geschäftsmodell gefährdet.', 'execution-adoption'],
  ['de', 'Neue Sanktionen aus Washington könnten den Kurs einbrechen lassen.', 'geopolitical-regulatory'],
  ['de', 'Die Gefahr ist nicht gebannt.', 'other'],
  ['de', 'Nach der Gewinnwarnung brach die Aktie um 12 Prozent ein.', 'financial'],
  ['de', 'Der Chiphersteller streicht 2.000 Stellen.', 'operational'],
  ['de', 'Die Ratingagentur stufte die Bonität des Konzerns herab.', 'financial'],
  ['de', 'Der Konzern schreibt rote Zahlen.', 'financial'],
  ['de', 'Die Kosten für Rechenzentren fressen die Gewinne auf.', 'financial'],
  ['de', 'Der freie Cashflow rutschte zuletzt sogar ins Negative.', 'financial'],
  ['de', 'Alibaba ist ein Spielball im Handelskrieg zwischen Washington und Peking.', 'geopolitical-regulatory'],
  // categories: German "war" (was) is no war, "Rücklagen" no lawsuit
  ['de', 'Die Lage war so prekär, dass die Rücklagen des Konzerns kaum reichten.', 'other'],
  // German: negations and non-risk uses
  ['de', 'Das Start-up sammelte 20 Millionen Euro Risikokapital ein.', null],
  ['de', 'Für Anleger besteht kein Risiko eines Totalverlusts.', null],
  ['de', 'Die Anleihe gilt als risikolos.', null],
  ['de', 'Der Umbau erfolgt ohne Risiko für die Beschäftigten.', null],
  ['de', 'Es besteht keine Gefahr für die Versorgung.', null],
  ['de', 'Die Bank baut ihr Risikomanagement weiter aus.', null],
  ['de', 'Der Umsatz stieg im Quartal um 12 Prozent auf 3,4 Milliarden Euro.', null],
  ['de', 'Das Risiko einer Rezession halten die Ökonomen für gering.', null],
  ['de', 'Kein Grund zur Sorge: Die Nachfrage bleibt stabil.', null],
  ['de', 'Die Firma sorgt für saubere Energie in der Region.', null],
  ['de', 'Der Vorstand sprach über Chancen und Risiken der Digitalisierung.', null],
  // German: plain price moves are market news, not risks (issue 12)
  ['de', 'Die Aktie brach um 12 Prozent ein.', null],
  // English risks
  ['en', "New US tariffs on steel imports threaten the company's margins.", 'geopolitical-regulatory'],
  ['en', 'The retailer swung to a loss of $45m in the second quarter.', 'financial'],
  ['en', 'Fierce competition from low-cost rivals could hurt sales.', 'competition'],
  ['en', 'The company faces a class action lawsuit over its data practices.', 'legal'],
  ['en', 'Investors fear more volatility in the share price.', 'market-volatility'],
  ['en', 'Delays in the rollout of the new platform could slow adoption.', 'execution-adoption'],
  ['en', 'A cyber attack disrupted production at two plants.', 'operational'],
  ['en', 'Rising interest rates and a slowing economy weigh on consumers.', 'macro'],
  ['en', 'The group cut its full-year profit forecast.', 'financial'],
  ['en', 'Regulators opened a probe into the merger.', 'legal'],
  ['en', 'If customers fail to adopt the new app, growth could stall.', 'execution-adoption'],
  // English: negations and non-risk uses
  ['en', 'The fund invests in risk-free government bonds.', null],
  ['en', 'There is no risk to customer deposits.', null],
  ['en', 'Officials said the storm is not a threat to the city.', null],
  ['en', 'The bank hired a new head of risk management.', null],
  ['en', 'Revenue rose 8% to $2.1bn, beating forecasts.', null],
  ['en', 'The risk of a recession is low, economists said.', null],
  ['en', 'The course weighs the rewards and risks of investing in start-ups.', null],
];

describe('extractRisks on single sentences', () => {
  it.each(TABLE)('given the %s sentence "%s", then the risk category is %s (null: no risk)', (lang, sentence, expected) => {
    const risks = extractRisks(articleOf([sentence], lang));
    if (expected === null) {
      expect(risks).toEqual([]);
    } else {
      expect(risks.map((r) => r.category)).toEqual([expected]);
      expect(risks[0]?.sentence).toBe(sentence);
    }
  });

  it('given the table, then it has at least 30 German and English cases with both risks and non-risks', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(30);
    expect(new Set(TABLE.map(([lang, , cat]) => `${lang}:${cat === null}`)).size).toBe(4);
  });
});

describe('risk statements', () => {
  const long = 'Wenn die kommerzielle Akzeptanz der neuen Plattform ausbleibt oder die Kosten für die Skalierung weiter '
    + 'außer Kontrolle geraten, könnte das Vertrauen der Anleger endgültig brechen, was den Kurs der Aktie weiter belasten würde.';
  const fronted = 'Sollten die Zölle wie angekündigt ab Januar auf 25 Prozent steigen, müsste der Hersteller nach eigenen Angaben '
    + 'seine Preise in Europa und Nordamerika deutlich anheben und in den kommenden zwei Jahren mehrere hundert Stellen '
    + 'in seinen Werken in Sachsen, Thüringen und Bayern streichen, sagte der Finanzvorstand am Dienstag.';
  const late = 'Der Vorstand stellte am Dienstag in Frankfurt die Zahlen für das dritte Quartal vor, in dem der Umsatz in Europa '
    + 'leicht zulegte und das Geschäft in Asien stabil blieb, die Ratingagentur stufte die Bonität des Konzerns am selben Tag '
    + 'jedoch herab, weil die Schulden nach der Übernahme des Konkurrenten deutlich gestiegen sind.';

  it('given a risk sentence of up to MAX_STATEMENT characters, then the statement is the whole sentence', () => {
    expect(long.length).toBeLessThanOrEqual(MAX_STATEMENT);
    const [risk] = extractRisks(articleOf([long], 'de'));
    expect(risk?.text).toBe(long);
  });

  it('given a long sentence whose cue sits in a fronted condition, then the statement is the condition with its whole main clause', () => {
    expect(fronted.length).toBeGreaterThan(MAX_STATEMENT);
    const [risk] = extractRisks(articleOf([fronted], 'de'));
    expect(risk?.text).toMatch(/^Sollten die Zölle .* steigen, müsste der Hersteller .* Sachsen, Thüringen und Bayern streichen$/u);
    expect(fronted).toContain(risk?.text ?? '');
  });

  it('given a long sentence whose cue sits in a later clause, then the statement is whole clauses around it with a main clause', () => {
    expect(late.length).toBeGreaterThan(MAX_STATEMENT);
    const [risk] = extractRisks(articleOf([late], 'de'));
    const text = risk?.text ?? '';
    expect(text).toContain('die Ratingagentur stufte die Bonität des Konzerns am selben Tag jedoch herab');
    expect(text).not.toMatch(/^(?:weil|in dem)|…/u);
    expect(late).toContain(text);
  });

  it('given a long English sentence whose cue sits in a fronted if-clause, then the statement keeps the clause and its main clause', () => {
    const s = 'If the proposed tariffs on imported steel take effect in January as the administration has announced, '
      + 'the carmaker would have to raise prices for its pickup trucks and sport utility vehicles across North America '
      + 'and cut shifts at three assembly plants in Ohio, Michigan and Kentucky, the finance chief told analysts on Tuesday.';
    expect(s.length).toBeGreaterThan(MAX_STATEMENT);
    const text = extractRisks(articleOf([s], 'en'))[0]?.text ?? '';
    expect(text).toMatch(/^If the proposed tariffs .*, the carmaker would have to raise prices .* Ohio, Michigan and Kentucky$/u);
    expect(s).toContain(text);
  });

  it('given a sentence with a subordinate clause between cue and main clause, then the statement does not start with the subordinate clause', () => {
    const s = 'Anleger reagierten am Mittwoch verunsichert auf die Nachricht, weil der Hersteller, der seit Jahren mit '
      + 'schwachen Verkaufszahlen in China und steigenden Kosten für Batterien zu kämpfen hat, erneut seine Prognose senkte '
      + 'und einen Verlust im dritten Quartal nicht mehr ausschließen wollte, wie der Finanzchef auf einer Telefonkonferenz sagte.';
    expect(s.length).toBeGreaterThan(MAX_STATEMENT);
    const text = extractRisks(articleOf([s], 'de'))[0]?.text ?? '';
    expect(text).not.toMatch(/^(?:weil|der|wie)\s/u);
    expect(s).toContain(text);
  });

  it('given a short risk sentence, then the statement is the sentence itself', () => {
    const s = 'Regulators opened a probe into the merger.';
    expect(extractRisks(articleOf([s], 'en'))[0]?.text).toBe(s);
  });

  it('given a question, a heading or page furniture, then no risk is taken from it', () => {
    const article = articleOf([
      'Droht der Firma jetzt die Pleite?',
      'Risiken und Nebenwirkungen',
      'Verluste vermeiden | Jetzt abonnieren ✓',
    ], 'de');
    article.sentences[1] = { ...article.sentences[1]!, heading: true };
    expect(extractRisks(article)).toEqual([]);
  });
});
