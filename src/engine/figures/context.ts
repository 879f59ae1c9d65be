/**
 * What a figure refers to, read from its clause: the direction word nearest
 * to it ("stürzte … ab", "rose"), the period ("im Vergleich zum Vorjahr",
 * "Q3", "2026") and a short label (the metric noun nearest to it, with its
 * modifier: "bereinigte Ergebnis pro Aktie", "adjusted EBITDA margin").
 */
import type { Direction } from '../schema.ts';
import type { RuleLanguage } from '../types.ts';
import { DIRECTION_WORDS, METRICS, METRIC_MODIFIERS, PERIOD_PATTERNS } from './context-lexicon.ts';

/** Clause boundaries: a comma or semicolon (not inside a number), a dash, a conjunction that turns. */
const CLAUSE_BREAK = /[;]|,(?!\d)|:(?!\d)|\s[–—]\s|\s(?:während|aber|doch|jedoch|sondern|while|but|whereas|although)\s|\sand(?=\s(?:our|the|its|their|we|it)\s)/giu;

export interface Clause {
  start: number;
  end: number;
}

/** The clause of `text` around the span [start, end). */
export function clauseAround(text: string, start: number, end: number): Clause {
  let from = 0;
  let to = text.length;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m !== null; m = CLAUSE_BREAK.exec(text)) {
    const at = m.index;
    if (at + m[0].length <= start) from = at + m[0].length;
    else if (at >= end) {
      to = at;
      break;
    }
  }
  return { start: from, end: to };
}

const wordRe = (source: string): RegExp => new RegExp(`(?<![\\p{L}])(?:${source})(?![\\p{L}])`, 'giu');

const DIRECTIONS: Readonly<Record<RuleLanguage, readonly (readonly [Direction, RegExp])[]>> = {
  de: [['up', wordRe(DIRECTION_WORDS.de.up)], ['down', wordRe(DIRECTION_WORDS.de.down)]],
  en: [['up', wordRe(DIRECTION_WORDS.en.up)], ['down', wordRe(DIRECTION_WORDS.en.down)]],
};
/** "up to" is a qualifier, not a direction. */
const UP_TO = /^up[\s\u00a0]+to(?![\p{L}])/iu;

/** The direction word nearest to the figure within its clause, if any. */
export function directionIn(text: string, clause: Clause, start: number, end: number, language: RuleLanguage): Direction | undefined {
  let best: Direction | undefined;
  let bestDistance = Infinity;
  const part = text.slice(clause.start, clause.end);
  for (const [direction, re] of DIRECTIONS[language]) {
    re.lastIndex = 0;
    for (let m = re.exec(part); m !== null; m = re.exec(part)) {
      const at = clause.start + m.index;
      if (at >= start && at < end) continue;
      if (direction === 'up' && UP_TO.test(part.slice(m.index))) continue;
      const distance = at < start ? start - at : at - end;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = direction;
      }
    }
  }
  return best;
}

const PERIODS: Readonly<Record<RuleLanguage, readonly (readonly [RegExp, string])[]>> = {
  de: PERIOD_PATTERNS.de.map(([source, label]) => [new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'iu'), label] as const),
  en: PERIOD_PATTERNS.en.map(([source, label]) => [new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'iu'), label] as const),
};

/** The period the clause states: a quarter, half, fiscal year or year, and "y/y" for comparisons. */
export function periodIn(text: string, clause: Clause, language: RuleLanguage): string | undefined {
  const part = text.slice(clause.start, clause.end);
  const found: string[] = [];
  for (const [re, label] of PERIODS[language]) {
    const m = re.exec(part);
    if (m === null) continue;
    const captured = m.slice(1).find((g) => g !== undefined) ?? '';
    const value = label.replace('$1', captured);
    if (!found.includes(value) && !(value === 'y/y' ? false : found.some((f) => f !== 'y/y'))) found.push(value);
  }
  return found.length === 0 ? undefined : found.join(' ');
}

/** Longer metric phrases first, so "return on average assets" wins over "return". */
const longestFirst = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).join('|');
const METRIC_RES: Readonly<Record<RuleLanguage, RegExp>> = {
  // German: a metric noun alone or as the head of a compound ("Cloud-Umsatz", "Nettogewinn").
  de: new RegExp(`(?<![\\p{L}])[\\p{L}-]*(?:${longestFirst(METRICS.de)})(?:s|es|n|en|e)?(?![\\p{L}])`, 'giu'),
  en: new RegExp(`(?<![\\p{L}])(?:${longestFirst(METRICS.en)})(?![\\p{L}])`, 'giu'),
};
const AFTER_METRIC: Readonly<Record<RuleLanguage, RegExp>> = {
  // "Umsatz im Schlussquartal", "Aktie des Konzerns", "Anteil erneuerbarer Energien", "Rendite zehnjähriger Anleihen".
  de: /^(?:[\s\u00a0]+(?:pro|je)[\s\u00a0]+Aktie)?(?:[\s\u00a0]+\([\p{Lu}\d-]{2,8}\))?(?:[\s\u00a0]+(?:(?:im|in der|des|der)[\s\u00a0]+|(?!(?:über|unter|aber|oder|wieder|weiter|immer|hinter|unser|jeder|dieser|einer|keiner)[\s\u00a0])\p{Ll}[\p{L}-]*er[\s\u00a0]+)\p{Lu}[\p{L}-]+)?/u,
  en: /^(?:[\s\u00a0]+per[\s\u00a0]+(?:(?:diluted|basic|common)[\s\u00a0]+)*share)?(?:[\s\u00a0]+\([\p{Lu}\d-]{2,8}\))?/u,
};
const WORD_BEFORE = /([\p{L}-]+)[\s\u00a0]+$/u;
/** A noun with a prepositional or genitive attribute ending right before a metric: "Kursziel für die ", "Prognose des ". */
const GOVERNING_METRIC_DE = /(\p{Lu}[\p{L}-]+)[\s\u00a0]+(?:für|des|der|von)[\s\u00a0]+(?:(?:den|die|das|dem|der|seinen|seine|ihre|ihren)[\s\u00a0]+)?$/u;
/** One German word that is itself a metric (a compound ending in one included). */
const METRIC_WORD_DE = new RegExp(`^[\\p{L}-]*(?:${longestFirst(METRICS.de)})(?:s|es|n|en|e)?$`, 'iu');

/** A comparison between a figure and a metric after it: the metric belongs to the other figure ("$198m … compared to a loss"). */
const COMPARISON = /(?<![\p{L}])(?:compared|versus|above|below|vs\.|against|from|than|gegenüber|verglichen|nach|als|unter|über|oberhalb|unterhalb)(?![\p{L}])/iu;
/** A coordinated phrase after the figure starts a new conjunct: its metric names the next figure ("$17 billion … and improving flows"). */
const CONJUNCT = /(?<![\p{L}])(?:and|or|und|oder|sowie|plus)(?![\p{L}])/iu;
/** How far before the figure, across commas, a metric may stand when its own clause names none ("net income, on a GAAP basis, of $198m"). */
const WIDE_WINDOW = 80;

interface Match { at: number; len: number }

/** The metric nearest to [start, end) between `from` and `to`: distance from its end before, from its start (×1.5) after. */
function nearestMetric(text: string, from: number, to: number, start: number, end: number, language: RuleLanguage): Match | null {
  const re = METRIC_RES[language];
  const part = text.slice(from, to);
  re.lastIndex = 0;
  let best: Match | null = null;
  let bestDistance = Infinity;
  for (let m = re.exec(part); m !== null; m = re.exec(part)) {
    const at = from + m.index;
    const len = m[0].length;
    if (at < end && at + len > start) continue;
    if (at >= end && (COMPARISON.test(text.slice(end, at)) || CONJUNCT.test(text.slice(end, at)))) continue;
    // "Capital One", "Cash America": a capitalized metric word before a capitalized word is part of a name.
    if (language === 'en' && /^\p{Lu}/u.test(m[0]) && /^[\s\u00a0]+\p{Lu}/u.test(text.slice(at + len))) continue;
    const distance = at < start ? start - (at + len) : (at - end) * 1.5;
    if (distance < bestDistance || (distance === bestDistance && best !== null && len > best.len)) {
      bestDistance = distance;
      best = { at, len };
    }
  }
  return best;
}

/** The label: the nearest metric phrase in the clause (before the figure preferred), else shortly before it in the sentence; or null. */
export function metricLabel(text: string, clause: Clause, start: number, end: number, language: RuleLanguage): string | null {
  const inClause = nearestMetric(text, clause.start, clause.end, start, end, language);
  const windowStart = Math.max(0, start - WIDE_WINDOW, ...[...text.slice(0, start).matchAll(/[:;]/gu)].map((m) => m.index + 1));
  const best = inClause ?? nearestMetric(text, windowStart, start, start, end, language);
  if (best === null) return null;
  let from = best.at;
  let to = best.at + best.len;
  // A metric compound: "adjusted EBITDA guidance", "sales growth", "Umsatz-Prognose".
  const head = nearestMetric(text, Math.max(clause.start, from - 25), from, from, to, language);
  if (head !== null && /^[\s\u00a0-]*$/u.test(text.slice(head.at + head.len, from))) from = head.at;
  // "Kursziel für die Aktie", "Prognose für den Umsatz": a metric in the attribute of a metric noun names the head.
  if (language === 'de') {
    const governing = GOVERNING_METRIC_DE.exec(text.slice(Math.max(clause.start, from - 40), from))?.[1];
    if (governing !== undefined && METRIC_WORD_DE.test(governing)) from = text.lastIndexOf(governing, from);
  }
  const modifier = WORD_BEFORE.exec(text.slice(Math.max(0, from - 30), from));
  if (modifier !== null && METRIC_MODIFIERS.has((modifier[1] ?? '').toLowerCase())) from -= modifier[0].length;
  const after = AFTER_METRIC[language].exec(text.slice(to, Math.min(text.length, to + 40)));
  if (after !== null && to + after[0].length <= start) to += after[0].length;
  else if (after !== null && best.at > end) to += after[0].length;
  return text.slice(from, to).trim();
}

const NOUN_DE = /(?<![\p{L}])\p{Lu}[\p{L}-]{3,}(?![\p{L}])/gu;
const NOUN_STOP = new Set(['Prozent', 'Euro', 'Dollar', 'Millionen', 'Milliarden', 'Mio', 'Mrd', 'Yuan', 'Franken', 'Vorjahr', 'Jahr', 'Zahlen', 'Während', 'Analysten', 'Konzern', 'Unternehmen',
  // Function words that stand capitalized at the start of a sentence.
  'Eine', 'Einen', 'Einer', 'Einem', 'Eines', 'Diese', 'Dieser', 'Dieses', 'Diesem', 'Diesen', 'Nach', 'Seit', 'Laut', 'Auch', 'Dabei',
  'Damit', 'Denn', 'Doch', 'Dann', 'Noch', 'Rund', 'Etwa', 'Mehr', 'Über', 'Unter', 'Gegen', 'Wegen', 'Trotz', 'Insgesamt', 'Zudem',
  'Außerdem', 'Allein', 'Bereits', 'Jetzt', 'Heute', 'Zuletzt', 'Damals', 'Somit', 'Dort', 'Hier', 'Alle', 'Viele', 'Jeder', 'Jede',
  'Beim', 'Ganze', 'Sein', 'Seine', 'Ihre', 'Unsere', 'Wenn', 'Weil', 'Dass', 'Aber', 'Oder', 'Sowie', 'Knapp', 'Fast', 'Gut', 'Mindestens',
  // Times: "lag im März bei 2,2 Prozent" says when, not what.
  'Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember',
  'Monat', 'Monaten', 'Woche', 'Wochen', 'Quartal', 'Halbjahr', 'Jahren', 'Anfang', 'Ende', 'Mitte', 'Vorjahres', 'Zeitraum']);
/** The noun an adjectival figure qualifies: "eine 5-prozentige Erhöhung", "die 0,45-prozentigen Anleihen". */
const ADJECTIVAL_BEFORE_NOUN = /prozentig\p{L}*$/iu;
const NOUN_AFTER = /^[\s\u00a0]+(\p{Lu}[\p{L}-]{2,})/u;

/** A fallback label: the noun an adjectival figure qualifies, else the nearest German noun before the figure in its clause. */
export function nounLabel(text: string, clause: Clause, start: number, end: number = start): string | null {
  if (ADJECTIVAL_BEFORE_NOUN.test(text.slice(start, end))) {
    const noun = NOUN_AFTER.exec(text.slice(end));
    if (noun !== null) return noun[1] ?? null;
  }
  const part = text.slice(clause.start, start);
  let last: string | null = null;
  NOUN_DE.lastIndex = 0;
  for (let m = NOUN_DE.exec(part); m !== null; m = NOUN_DE.exec(part)) if (!NOUN_STOP.has(m[0])) last = m[0];
  return last;
}
