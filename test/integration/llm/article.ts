/** A German article written for these tests, and faithful English summary sentences citing its sentence ids. */
import { analyseArticle } from '../../../src/engine/analyse.ts';
import { extractFromText } from '../../../src/engine/extract/text.ts';
import type { AnalysedArticle } from '../../../src/engine/types.ts';

export const GERMAN_ARTICLE = `Siemens hebt Prognose an

Der Münchner Technologiekonzern Siemens hat im dritten Quartal einen Umsatz von 19,4 Milliarden Euro erzielt. Der Gewinn stieg um 43 Prozent auf 2,6 Milliarden Euro. Vorstandschef Roland Busch sagte am Donnerstag, die Nachfrage aus China sei stabil. Die Prognose für das Gesamtjahr wurde nicht gesenkt.

Der Konzern beschäftigt weltweit rund 320.000 Mitarbeiter.`;

export function analysed(text: string): AnalysedArticle {
  return analyseArticle(extractFromText(text)).article;
}

/** Faithful English sentences; ids as the engine splits GERMAN_ARTICLE (0: revenue, 1: profit, 2: Busch, 3: forecast). */
export const FAITHFUL = [
  { text: 'Munich-based Siemens reported third-quarter revenue of 19.4 billion euros.', sources: [0] },
  { text: 'Profit rose 43 percent to 2.6 billion euros.', sources: [1] },
  { text: 'CEO Roland Busch said on Thursday that demand from China was stable.', sources: [2] },
  { text: 'The forecast for the full year was not lowered.', sources: [3] },
];

/** FAITHFUL with sentence `i` replaced. */
export function withSentence(i: number, text: string): { sentences: { text: string; sources: number[] }[] } {
  return { sentences: FAITHFUL.map((s, j) => (j === i ? { ...s, text } : s)) };
}
