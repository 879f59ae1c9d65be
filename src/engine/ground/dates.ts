/**
 * Dates and negation: a summary sentence may not name a year, month or
 * weekday its sources do not name, and may not say "not" where they say it
 * happened (or the reverse).
 */
import type { RuleLanguage } from '../types.ts';

const MONTHS: readonly (readonly string[])[] = [
  ['january', 'januar', 'jänner', 'jan'], ['february', 'februar', 'feb'], ['march', 'märz', 'mar'], ['april', 'apr'],
  ['may', 'mai'], ['june', 'juni', 'jun'], ['july', 'juli', 'jul'], ['august', 'aug'], ['september', 'sept', 'sep'],
  ['october', 'oktober', 'oct', 'okt'], ['november', 'nov'], ['december', 'dezember', 'dec', 'dez'],
];
const WEEKDAYS: readonly (readonly string[])[] = [
  ['monday', 'montag'], ['tuesday', 'dienstag'], ['wednesday', 'mittwoch'], ['thursday', 'donnerstag'],
  ['friday', 'freitag'], ['saturday', 'samstag', 'sonnabend'], ['sunday', 'sonntag'],
];

function lookup(table: readonly (readonly string[])[]): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  table.forEach((names, i) => {
    for (const n of names) map.set(n, i + 1);
  });
  return map;
}
const MONTH = lookup(MONTHS);
const WEEKDAY = lookup(WEEKDAYS);
/** Short forms that are also ordinary words ("may", "mar") count as months only when capitalized and not sentence-initial. */
const AMBIGUOUS = new Set(['may', 'mar', 'jan', 'jun', 'jul', 'aug', 'sep', 'nov', 'dec', 'feb', 'apr', 'oct', 'okt', 'dez', 'sept']);

/** German weekday compounds: "Donnerstagmorgen", "Freitagabend". */
const DAYTIME = /(?:morgen|abend|nachmittag|vormittag|mittag|nacht)$/u;

/** Whether a word names a month or weekday (in either language). */
export function isDateWord(word: string): boolean {
  const w = word.toLowerCase();
  return MONTH.has(w) || WEEKDAY.has(w) || WEEKDAY.has(w.replace(DAYTIME, ''));
}

/** Date facts of a text: `y:2026`, `m:3`, `w:4`, with the words that state them. */
export function datesIn(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}.,])(1[89]\d\d|20\d\d)(?:s|er)?(?![\p{L}\p{N}]|[.,]\d)/gu)) out.set(`y:${m[1] ?? ''}`, m[0]);
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const w = m[0].toLowerCase();
    const month = MONTH.get(w);
    if (month !== undefined && (!AMBIGUOUS.has(w) || (/^\p{Lu}/u.test(m[0]) && m.index > 0 && !/\.\s*$/u.test(text.slice(0, m.index))))) {
      out.set(`m:${String(month)}`, m[0]);
    }
    const day = WEEKDAY.get(w) ?? WEEKDAY.get(w.replace(DAYTIME, ''));
    if (day !== undefined) out.set(`w:${String(day)}`, m[0]);
  }
  return out;
}

const NEGATION: Readonly<Record<RuleLanguage, RegExp>> = {
  en: /(?<![\p{L}])(?:not|never|no|none|nobody|nothing|neither|nor|cannot)(?![\p{L}])|n['’]t(?![\p{L}])/giu,
  de: /(?<![\p{L}])(?:nicht|nie|niemals|nichts|niemand|weder|kein|keine|keinen|keinem|keiner|keines)(?![\p{L}])/giu,
};

/**
 * Phrases with a negation word that deny nothing: "not only … but also", "at least as big, if not larger",
 * "not least", "nicht nur … sondern auch", "nicht zuletzt", "wenn nicht gar".
 */
const NOT_DENIALS: Readonly<Record<RuleLanguage, RegExp>> = {
  // "blasted Obama for not knowing how …": a reproach states the norm the article words positively ("a politician knows how").
  en: /(?<![\p{L}])(?:not\s+(?:only|just|merely|least)|if\s+not|(?:blast|criticiz|criticis|slamm|slam|accus|fault|attack|chid|lambast|rebuk|scold)\p{L}*\s+(?:[\p{L}'’.-]+\s+){0,3}?(?:for|of)\s+not)(?![\p{L}])/giu,
  de: /(?<![\p{L}])(?:nicht\s+(?:nur|bloß|bloss|allein|zuletzt)|wenn\s+nicht(?:\s+gar)?)(?![\p{L}])/giu,
};

/** The text with its non-denying negation phrases blanked out. */
function denials(text: string, language: RuleLanguage): string {
  return text.replace(NOT_DENIALS[language], (m) => ' '.repeat(m.length));
}

/** How many negations a text has. */
export function negations(text: string, language: RuleLanguage): number {
  return [...denials(text, language).matchAll(NEGATION[language])].length;
}

const STEM = /[\p{L}\p{N}]{4,}/gu;

/** Content-word stems (first five letters) of a text. */
export function stems(text: string): Set<string> {
  return new Set([...text.toLowerCase().matchAll(STEM)].map((m) => m[0].slice(0, 5)));
}

/** Where a clause ends: after a word with a comma, semicolon, colon or dash, before a conjunction that starts a new one. */
const ENDS_CLAUSE = /[,;:–—]$/u;
const STARTS_CLAUSE: Readonly<Record<RuleLanguage, RegExp>> = {
  en: /^(?:but|while|whereas|although|because|since|after|before|when|which|who)$/iu,
  de: /^(?:aber|sondern|doch|jedoch|während|obwohl|weil|da|nachdem|bevor|wenn|als|dass|der|die|das|welche|welcher)$/iu,
};

/**
 * Verbs of saying and thinking: what follows one is its complement clause ("Neville believes they aren't …"), so a
 * negation after one denies the complement, not the subject's saying or believing.
 */
const REPORTS: Readonly<Record<RuleLanguage, RegExp>> = {
  en: /^(?:says?|said|tells?|told|believes?|believed|thinks?|thought|claims?|claimed|insists?|insisted|argues?|argued|adds?|added|warns?|warned|admits?|admitted|feels?|felt|knows?|knew|fears?|feared|hopes?|hoped|reckons?|reckoned|suggests?|suggested|explains?|explained)$/iu,
  de: /^(?:sagt|sagte|sagten|glaubt|glaubte|glauben|meint|meinte|meinen|findet|fand|erklärt|erklärte|betont|betonte|denkt|dachte|befürchtet|befürchtete|hofft|hoffte|behauptet|behauptete|verlauten|schreibt|schrieb)$/iu,
};

/**
 * The words of the clause around word `i`, at most four on each side of it: a negation reaches no further. With
 * `complement`, a verb of saying or thinking before it ends the clause as well.
 */
function clauseWindow(words: readonly string[], i: number, language: RuleLanguage, complement: boolean): readonly string[] {
  let from = i;
  const opens = (w: string): boolean => STARTS_CLAUSE[language].test(w);
  const closes = (w: string): boolean => ENDS_CLAUSE.test(w) || (complement && REPORTS[language].test(w));
  while (from > Math.max(0, i - 4) && !closes(words[from - 1] ?? '') && !opens(words[from] ?? '')) from--;
  let to = i;
  while (to < Math.min(words.length - 1, i + 4) && !ENDS_CLAUSE.test(words[to] ?? '') && !STARTS_CLAUSE[language].test(words[to + 1] ?? '')) to++;
  return words.slice(from, to + 1);
}

/**
 * Verbs whose meaning holds a negation: "verzichtet auf Tokio" (does not go), "sagte ab", "failed to", "missed",
 * "overran" (was not done in time). A closed list; a summary's "not" may paraphrase a source sentence with one.
 */
const IMPLIES_NEGATION: Readonly<Record<RuleLanguage, RegExp>> = {
  en: /(?<![\p{L}])(?:fail(?:s|ed|ing|ures?)?|miss(?:es|ed|ing)?|overr(?:an|un|uns|unning))(?![\p{L}])/iu,
  de: /(?<![\p{L}])(?:verzicht\p{L}*|absag\p{L}*|abgesagt\p{L}*|sag(?:t|te|ten|en)\s+(?:[^\s.;,:!?]+\s+){0,8}?ab(?=[\s.,;:!?]|$))(?![\p{L}])/iu,
};

/** Whether a text carries a verb of the closed list that implies a negation. */
export function impliesNegation(text: string, language: RuleLanguage): boolean {
  return IMPLIES_NEGATION[language].test(text);
}

/**
 * Content-word stems that stand in a negation's clause, within four words of it. `complement`: the clause is
 * narrowed to a verb of saying's complement (for the words a source denies; a summary's added negation is read
 * in its wider window, so that an added "not" is caught even when the summary rewords the denied verb).
 */
export function negatedStems(text: string, language: RuleLanguage, complement = false): Set<string> {
  const out = new Set<string>();
  const words = denials(text, language).split(/\s+/u);
  words.forEach((w, i) => {
    NEGATION[language].lastIndex = 0;
    if (!NEGATION[language].test(w)) return;
    for (const near of clauseWindow(words, i, language, complement)) for (const s of stems(near)) out.add(s);
  });
  return out;
}
