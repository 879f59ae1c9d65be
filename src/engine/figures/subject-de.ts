/**
 * Where a German figure's subject sits, read the way a grammar of German
 * noun phrases reads it:
 * - a noun governing the figure through "von" ("eine Prämie von 3000 Euro",
 *   "ein Auftragsvolumen in Höhe von 2 Mrd. Euro") names it, unless the noun
 *   only states a change or a size ("ein Plus von", "im Wert von");
 * - a clause that opens with its subject, a noun phrase of head noun plus
 *   attributes (genitive: "die Rendite zehnjähriger Bundesanleihen", "der
 *   Anteil der Exporte"; prepositional: "die Preise für Lebensmittel"), names
 *   the figure by its head with the first attribute when the metric word found
 *   sits inside that phrase: the head, not a noun of the attribute, is what
 *   the number measures.
 */
import type { Clause } from './context.ts';

const NOUN = '\\p{Lu}[\\p{L}-]+';
const SP = '[\\s\\u00a0]+';
/** The noun right before "von" (or "in Höhe von") that the figure follows. */
const NOUN_VON = new RegExp(`(${NOUN})${SP}(?:in${SP}Höhe${SP})?von${SP}$`, 'u');
/** Nouns of change, size or time: "ein Plus von 5 Prozent" is the change of some metric named elsewhere. */
const NOT_A_SUBJECT = new Set(['Plus', 'Minus', 'Anstieg', 'Rückgang', 'Zuwachs', 'Steigerung', 'Einbruch', 'Wert', 'Höhe', 'Summe',
  'Betrag', 'Spanne', 'Größenordnung', 'Niveau', 'Rekord', 'Zeitraum', 'Anfang', 'Ende', 'Mitte', 'Jahr', 'Jahren', 'Vorjahr',
  'Monat', 'Monaten', 'Quartal', 'Angaben', 'Prozent', 'Euro', 'Dollar', 'Millionen', 'Milliarden']);

/** The noun that governs the figure at `start` through "von", or null. */
export function nounGoverningByVon(text: string, start: number): string | null {
  const noun = NOUN_VON.exec(text.slice(Math.max(0, start - 60), start))?.[1];
  return noun === undefined || NOT_A_SUBJECT.has(noun) ? null : noun;
}

/** An attribute of a noun: a genitive ("der Exporte", "zehnjähriger Bundesanleihen") or a prepositional phrase ("für Lebensmittel"). */
const ATTRIBUTE = `${SP}(?:(?:des|der|eines|einer|von|für|aus|in|im|am|an${SP}der)${SP}(?:\\p{Ll}[\\p{L}-]*${SP}){0,2}|\\p{Ll}[\\p{L}-]*er${SP})${NOUN}`;
/** A clause that opens with its subject: article, adjectives, head noun, then up to two attributes. */
const SUBJECT_FIRST = new RegExp(`^[\\s\\u00a0]*(?:Der|Die|Das|Den|Dem|der|die|das)${SP}(?:\\p{Ll}[\\p{L}-]*${SP}){0,2}(${NOUN}(?:${ATTRIBUTE})?)((?:${ATTRIBUTE})?)`, 'u');

/**
 * The head noun and its first attribute of the noun phrase the clause opens with, when `metricAt` (where the metric
 * word found for the figure starts) lies inside that phrase after its head; else null.
 */
export function subjectPhrase(text: string, clause: Clause, start: number, metricAt: number): string | null {
  const part = text.slice(clause.start, start);
  const m = SUBJECT_FIRST.exec(part);
  const phrase = m?.[1];
  if (m === undefined || m === null || phrase === undefined) return null;
  const headAt = clause.start + m[0].length - (m[2] ?? '').length - phrase.length;
  const end = clause.start + m[0].length;
  const head = /^\p{Lu}[\p{L}-]+/u.exec(phrase)?.[0] ?? '';
  return metricAt > headAt + head.length && metricAt < end && phrase !== head ? phrase : null;
}

/** A figure set off by commas after a noun phrase is in apposition to it: "Die Mehrheit der Aktionäre, rund 80 Prozent, …". */
const PHRASE_BEFORE_COMMA = new RegExp(`(${NOUN}(?:${SP}(?:des|der)${SP}${NOUN})?)[\\s\\u00a0]*,[\\s\\u00a0]*$`, 'u');
/** A change in apposition: "2 Mio. Fahrzeuge, ein Plus von 5 Prozent" is the change of what came before. */
const CHANGE_APPOSITION = new RegExp(`,${SP}(?:ein|einem|einen)${SP}(?:Plus|Minus|Anstieg|Rückgang|Zuwachs)${SP}(?:von|um)${SP}$`, 'u');
/** A name with an apposition, then the clause: "Siemens Energy, der Windkraftbauer, verlor 5 Prozent". */
const NAME_THEN_APPOSITION = new RegExp(`^[\\s\\u00a0]*((?:${NOUN}${SP}){0,3}${NOUN})[\\s\\u00a0]*,${SP}(?:der|die|das|ein|eine)${SP}[^,]{1,60},[\\s\\u00a0]*$`, 'u');

/**
 * The label an apposition gives a figure with no metric of its own: the noun phrase the figure stands beside, the
 * figure before it for a change in apposition, or the name the clause's subject is when an apposition splits them.
 */
export function appositionLabel(text: string, clause: Clause, start: number, end: number, previous: string | null): string | null {
  const before = text.slice(Math.max(0, start - 80), start);
  if (CHANGE_APPOSITION.test(before)) return previous;
  if (/^[\s\u00a0]*,/u.test(text.slice(end))) {
    const phrase = PHRASE_BEFORE_COMMA.exec(before)?.[1];
    if (phrase !== undefined && !NOT_A_SUBJECT.has(phrase)) return phrase;
  }
  const verbFirst = !/\p{Lu}/u.test(text.slice(clause.start, start).replace(/^[\s\u00a0]+/u, '').slice(1));
  return verbFirst ? NAME_THEN_APPOSITION.exec(text.slice(0, clause.start))?.[1] ?? null : null;
}
