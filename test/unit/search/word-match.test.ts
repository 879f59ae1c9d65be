/** Search by words, not substrings (issue 14, item 6): the matcher and the ranking, table-driven. */
import { describe, expect, it } from 'vitest';
import { compileQuery, rankByRelevance, textMatchesQuery, type SearchText } from '../../../src/search/word-match.ts';

interface Case { query: string; text: string; german: boolean; match: boolean; why: string }

const CASES: Case[] = [
  // The cases.
  { query: 'Signa', text: 'A dismal signal for the housing market.', german: false, match: false, why: 'Signa is no prefix of signal' },
  { query: 'Signa', text: 'Die Signa-Gruppe meldet Insolvenz an.', german: true, match: true, why: 'hyphenated name' },
  { query: 'Signa', text: 'Signas Gläubiger warten.', german: true, match: true, why: 'genitive s' },
  { query: 'Signa', text: 'Das Signal kam spät.', german: true, match: false, why: 'not in German either' },
  { query: 'Signa', text: 'Die Signalwerk GmbH wächst.', german: true, match: false, why: 'no German word begins with "lw"' },
  { query: 'AI', text: 'The chairman said margins held.', german: false, match: false, why: 'ai inside said' },
  { query: 'AI', text: 'Ai Weiwei opens a show.', german: false, match: false, why: 'name in other case' },
  { query: 'AI', text: 'Spending on AI doubled.', german: false, match: true, why: 'case-exact word' },
  { query: 'AI', text: 'AI-driven chips sold out.', german: false, match: true, why: 'hyphenated' },
  { query: 'KI', text: 'Die KI-Blase platzt nicht.', german: true, match: true, why: 'German acronym in compound with hyphen' },
  { query: 'ETF', text: 'ETFs drew record inflows.', german: false, match: true, why: 'acronym plural' },
  { query: 'SAP', text: 'Sapphire sales rose.', german: false, match: false, why: 'ticker inside word' },
  { query: 'ai', text: 'Spending on AI doubled.', german: false, match: true, why: 'lower-case query is case-insensitive' },
  // German inflection and compounds, umlaut folding.
  { query: 'Zoll', text: 'Neue Zölle auf Stahl.', german: true, match: true, why: 'umlaut plural' },
  { query: 'Zoll', text: 'Der Zollstreit eskaliert.', german: true, match: true, why: 'compound head' },
  { query: 'Zoll', text: 'Die Strafzölle treffen Autobauer.', german: true, match: true, why: 'compound tail, inflected' },
  { query: 'Zoll', text: 'Die Zollbehörde prüft.', german: true, match: true, why: 'compound head, rest begins with one consonant' },
  { query: 'Preis', text: 'Die Preissteigerung bremst.', german: true, match: true, why: 'compound head, rest begins with "st"' },
  { query: 'Zoll', text: 'Die Zöllner streiken.', german: true, match: false, why: 'rest too short for a compound, no ending' },
  { query: 'Zölle', text: 'Der Zoll steigt.', german: true, match: true, why: 'inflected query, stem zoll' },
  { query: 'Zoelle', text: 'Der Zoll steigt.', german: true, match: false, why: 'oe spelling is not folded (documented)' },
  { query: 'Bank', text: 'Die Banken leihen weniger.', german: true, match: true, why: 'plural en' },
  { query: 'Banken', text: 'Die Bank leiht weniger.', german: true, match: true, why: 'inflected query' },
  { query: 'Arbeit', text: 'Der Arbeitsmarkt bleibt stabil.', german: true, match: true, why: 'linking s' },
  { query: 'Steuern', text: 'Die Steuer steigt.', german: true, match: true, why: 'plural n stripped' },
  { query: 'Steuern', text: 'Die Steuerung versagte.', german: true, match: false, why: 'stem steuer + ung is no compound' },
  { query: 'Markt', text: 'Die Märkte fallen.', german: true, match: true, why: 'umlaut plural e' },
  { query: 'Gas', text: 'Der Gastwirt klagt.', german: true, match: false, why: 'short word: no compound rule' },
  { query: 'Straße', text: 'Die Strasse ist gesperrt.', german: true, match: true, why: 'ß folded to ss' },
  // English inflection; no compounds in English.
  { query: 'tariff', text: 'New tariffs hit steel.', german: false, match: true, why: 'plural s' },
  { query: 'tariffs', text: 'A tariff on steel.', german: false, match: true, why: 'inflected query' },
  { query: 'company', text: 'Three companies reported.', german: false, match: true, why: 'y / ies' },
  { query: 'companies', text: 'The company reported.', german: false, match: true, why: 'ies / y' },
  { query: 'tax', text: 'New taxes announced.', german: false, match: true, why: 'plural es' },
  { query: 'rate', text: 'The corporate bond market.', german: false, match: false, why: 'no compounds in English' },
  { query: 'rate', text: 'Rates rose again.', german: false, match: true, why: 'plural, capitalised' },
  { query: 'Apple', text: "Apple's revenue rose.", german: false, match: true, why: 'possessive' },
  { query: 'Apple', text: 'Pineapple prices rose.', german: false, match: false, why: 'not in English text' },
  // Several words: every one must occur.
  { query: 'Zoll Stahl', text: 'Neue Zölle auf Stahl.', german: true, match: true, why: 'both words' },
  { query: 'Zoll Kupfer', text: 'Neue Zölle auf Stahl.', german: true, match: false, why: 'one word missing' },
  { query: '  ', text: 'Anything.', german: false, match: false, why: 'empty query' },
];

describe('textMatchesQuery', () => {
  it.each(CASES)('given "$query" in "$text", then match is $match ($why)', ({ query, text, german, match }) => {
    expect(textMatchesQuery(text, compileQuery(query), german)).toBe(match);
  });
});

describe('rankByRelevance', () => {
  const item = (id: string, title: string, sentences: string[], at: string | null, german = false): SearchText & { id: string } =>
    ({ id, title, sentences, at, german });

  it('given "AI" and eight articles that only hold "ai" inside words or in another case, then none is returned', () => {
    const unrelated = [
      item('1', 'Chairman said profits rose', ['The chairman said so.'], null),
      item('2', 'Ai Weiwei in Berlin', ['The artist Ai Weiwei opened a show.'], null),
      item('3', 'Paint maker beats forecasts', ['Its paint sales rose 4%.'], null),
      item('4', 'Rail strike ends', ['Trains run again, the rail union said.'], null),
      item('5', 'Airline raises fares', ['Air travel demand held up.'], null),
      item('6', 'Maize harvest', ['Maize prices fell.'], null),
      item('7', 'Retail gains', ['Retailers gained 2%.'], null),
      item('8', 'Waiting for the Fed', ['Markets are waiting.'], null),
    ];
    const onTopic = item('9', 'Chip maker', ['Demand for AI servers doubled.'], null);
    expect(rankByRelevance([...unrelated, onTopic], 'AI', (i) => i).map((i) => i.id)).toEqual(['9']);
    expect(rankByRelevance(unrelated, 'AI', (i) => i)).toEqual([]);
  });

  it('given a title hit, sentence hits and ages, then title hits come first, then more sentence hits, then the newest', () => {
    const items = [
      item('old-sentence', 'Stahlmarkt', ['Neue Zölle.'], '2026-12-01T00:00:00Z', true),
      item('new-sentence', 'Stahlmarkt', ['Neue Zölle.'], '2026-12-06T00:00:00Z', true),
      item('two-sentences', 'Autobauer', ['Zölle drohen.', 'Der Zollstreit eskaliert.'], '2026-11-30T00:00:00Z', true),
      item('title', 'Zölle auf Stahl', [], '2026-11-01T00:00:00Z', true),
      item('none', 'Ölpreis', ['Der Ölpreis fällt.'], '2026-12-07T00:00:00Z', true),
    ];
    expect(rankByRelevance(items, 'Zoll', (i) => i).map((i) => i.id)).toEqual(['title', 'two-sentences', 'new-sentence', 'old-sentence']);
  });
});
