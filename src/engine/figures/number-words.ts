/**
 * Cardinal number words, German and English, read the way they are built:
 * German writes them as one word from units, teens, tens, "hundert" and
 * "tausend" ("siebenhundert", "dreihundertfünfzig", "einundzwanzig");
 * English joins tens and units with a hyphen ("twenty-five") and puts
 * "hundred" after a unit ("five hundred"). Inflected articles ("einer",
 * "einen") and halves ("halben", "half") come from the lexicon's word table.
 */
import type { RuleLanguage } from '../types.ts';
import { NUMBER_WORDS } from './lexicon.ts';

const DE_UNITS: Readonly<Record<string, number>> = {
  ein: 1, eins: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9,
};
const DE_TEENS: Readonly<Record<string, number>> = {
  zehn: 10, elf: 11, zwölf: 12, dreizehn: 13, vierzehn: 14, fünfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19,
};
const DE_TENS: Readonly<Record<string, number>> = {
  zwanzig: 20, dreißig: 30, vierzig: 40, fünfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
};
const EN_UNITS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const EN_TEENS: Readonly<Record<string, number>> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const EN_TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

const alt = (table: Readonly<Record<string, number>>): string => Object.keys(table).sort((a, b) => b.length - a.length).join('|');


const EN_BELOW_100 = `(?:${alt(EN_TENS)})(?:-(?:${alt(EN_UNITS)}))?|${alt(EN_TEENS)}|${alt(EN_UNITS)}`;
/** An English cardinal up to 999: "five", "twenty-five", "five hundred", "one hundred and twenty". */
const EN_CARDINAL = `(?:(?:${alt(EN_UNITS)})[\\s\\u00a0]+hundred(?:[\\s\\u00a0]+(?:and[\\s\\u00a0]+)?(?:${EN_BELOW_100}))?|${EN_BELOW_100})`;

/** What a German number word starts with: the scan matches such a word whole and {@link numberWordValue} reads it (NaN: none). */
const DE_START = `(?:${alt(DE_UNITS)}|${alt(DE_TEENS)}|${alt(DE_TENS)}|hundert|tausend|halb|anderthalb)\\p{L}*`;

/**
 * Regular-expression source of the number words of a language. German cardinals are one word of any length
 * ("dreihundertfünfundzwanzigtausend"): the source matches words by their start and the value is read after;
 * English cardinals are matched by their grammar.
 */
export function numberWordSource(language: RuleLanguage): string {
  const table = Object.keys(NUMBER_WORDS[language]).sort((a, b) => b.length - a.length).join('|');
  return language === 'de' ? DE_START : `${EN_CARDINAL}|${table}`;
}


function germanBelow1000(word: string): number {
  let rest = word;
  let total = 0;
  const h = rest.indexOf('hundert');
  if (h >= 0) {
    const head = rest.slice(0, h);
    total += (head === '' ? 1 : (DE_UNITS[head] ?? Number.NaN)) * 100;
    rest = rest.slice(h + 'hundert'.length);
  }
  if (rest === '') return total;
  const direct = DE_UNITS[rest] ?? DE_TEENS[rest] ?? DE_TENS[rest];
  if (direct !== undefined) return total + direct;
  const und = rest.indexOf('und');
  if (und <= 0) return Number.NaN;
  return total + (DE_UNITS[rest.slice(0, und)] ?? Number.NaN) + (DE_TENS[rest.slice(und + 3)] ?? Number.NaN);
}

function germanCardinal(word: string): number {
  const t = word.indexOf('tausend');
  if (t < 0) return germanBelow1000(word);
  const head = word.slice(0, t);
  const tail = word.slice(t + 'tausend'.length);
  return (head === '' ? 1 : germanBelow1000(head)) * 1000 + (tail === '' ? 0 : germanBelow1000(tail));
}

function englishBelow100(word: string): number {
  const [tens = '', unit] = word.split('-');
  const direct = EN_UNITS[tens] ?? EN_TEENS[tens] ?? EN_TENS[tens];
  if (direct === undefined) return Number.NaN;
  return unit === undefined ? direct : direct + (EN_UNITS[unit] ?? Number.NaN);
}

function englishCardinal(phrase: string): number {
  const parts = phrase.split(/[\s\u00a0]+/u).filter((p) => p !== 'and');
  if (parts[1] !== 'hundred') return englishBelow100(parts[0] ?? '');
  const hundreds = (EN_UNITS[parts[0] ?? ''] ?? Number.NaN) * 100;
  return parts[2] === undefined ? hundreds : hundreds + englishBelow100(parts[2]);
}

/** The value of a number word or phrase matched by {@link numberWordSource}; NaN when it is none. */
export function numberWordValue(raw: string, language: RuleLanguage): number {
  const word = raw.toLowerCase();
  const listed = NUMBER_WORDS[language][word];
  if (listed !== undefined) return listed;
  return language === 'de' ? germanCardinal(word) : englishCardinal(word);
}
