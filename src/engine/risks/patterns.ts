/**
 * Building blocks for the risk lexicons: Unicode-aware word boundaries and
 * compound-word matchers, and the shape of one lexicon entry.
 */
import type { RiskCategory } from '../schema.ts';
import { scanner, type Scanner } from '../text/quick-regex.ts';

/**
 * How a cue's meaning depends on its context (see context.ts):
 * - `decline`: a fall ("fell", "Rückgang") is a risk only when what falls is something good (sales, profit,
 *   growth), not a cost, a debt or a mere share or index price;
 * - `rise`: the mirror image: a rise is a risk only when what rises is a burden (costs, debt, unemployment, rates);
 * - `hazard`: a risk noun or verb ("risk", "loss", "Gefahr") that mitigation verbs cancel ("reduce the risk");
 * - `legal`: a legal step ("probe", "Klage") concerns the company or market only with a business actor or an
 *   economic offence in the sentence;
 * - `backdrop`: a crisis word that a temporal preposition turns into a time reference ("after the crisis");
 * - `rival`: competitors are no risk where the sentence says they were beaten ("left the competition behind");
 * - `feeling`: fear, worry and pressure are a market's risk only when someone in the market feels them (investors,
 *   customers, a company), not a narrator's or a character's feeling ("ich habe Angst").
 */
export type CueKind = 'decline' | 'rise' | 'hazard' | 'legal' | 'backdrop' | 'rival' | 'feeling';

/** One cue that a sentence states a risk. */
export interface RiskCue {
  /** Regular-expression source without capturing groups (use `(?:…)`), matched case-insensitively. */
  pattern: string;
  /** Evidence strength, about 0.3 (weak hint) to 1.5 (explicit risk word). */
  weight: number;
  /** Category the cue itself implies, if any. */
  category?: RiskCategory;
  /** How context can cancel the cue. @defaultValue none (only negation and minimizers) */
  kind?: CueKind;
  /** A German noun: only a capitalized word counts ("Gefahren" the noun, not "gefahren" the participle). */
  noun?: boolean;
}

/** Everything the detector needs for one language. */
export interface RiskLexicon {
  cues: readonly RiskCue[];
  /** Words that cancel a cue just after them ("kein Risiko", "no risk"). */
  negators: RegExp;
  /** Words that keep a negated cue a risk ("nicht ausgeschlossen", "cannot rule out"). */
  negationExceptions: RegExp;
  /** Words shortly after a cue that call the risk small ("das Risiko ist gering"). */
  minimizers: RegExp;
  /** Whole matched words that are not risks ("Risikokapital", "risk-free"). */
  nonRiskWord: RegExp;
  /** Text right after the word "risk" that makes it descriptive ("risk management"); anchored with `^`. */
  nonRiskAfter: RegExp;
  /** Text right before the word "risk" that makes it a stock phrase ("Chancen und Risiken"); anchored with `$`. */
  nonRiskBefore: RegExp;
}

/** A keyword that points to a category. */
export interface CategoryKeyword {
  pattern: string;
  category: RiskCategory;
  /** Specific words weigh 2, generic ones 1. */
  weight: number;
}

/**
 * A letter or digit. Latin script only (German and English): far cheaper for
 * the regex engine to compile than Unicode property classes.
 */
export const LETTER = '[0-9A-Za-zÀ-ÖØ-öø-ɏ]';
const L = LETTER;
/** Not after a letter: the start of a word. The cue scanners leave it out of their loose copies ({@link wordScanner}). */
const WORD_START = `(?<!${L})`;

/** Whole word(s): `w('droht')` matches "droht" but not "androht". */
export function w(source: string): string {
  return `${WORD_START}(?:${source})(?!${L})`;
}

/**
 * `stem` anywhere, also inside a compound ("Ausfallrisiko", "China-Risiko").
 * The detector widens such a match to the whole word before judging it.
 */
export function compound(stem: string): string {
  return `(?:${stem})`;
}

const WORD_CHAR_RE = /[\p{L}\p{M}\p{N}-]/u;

/** Widens `[start, end)` to the whole word(s) around it (letters, digits, hyphens). */
export function wordSpan(text: string, start: number, end: number): [number, number] {
  let a = start;
  let b = end;
  while (a > 0 && WORD_CHAR_RE.test(text[a - 1] ?? '')) a--;
  while (b < text.length && WORD_CHAR_RE.test(text[b] ?? '')) b++;
  return [a, b];
}

/** A word starting with `stem` ("verlust" → "Verluste", "Verlustzone"). */
export function prefix(stem: string): string {
  return `${WORD_START}(?:${stem})${L}*`;
}

/** White space plus up to `n` intervening words inside a clause (no sentence punctuation). */
export function gap(n: number): string {
  return `\\s+(?:(?:[^\\s,.;:!?]|[.,](?=\\d))+\\s+){0,${n}}`;
}

/** A {@link Scanner} for `source` (case-insensitive), its loose copy without word-start lookbehinds. */
export function wordScanner(source: string): Scanner {
  return scanner(source, [WORD_START]);
}

/** Compiles entries into one alternation with a {@link Scanner}; group i+1 belongs to entry i. */
export function alternation(sources: readonly string[]): Scanner {
  return wordScanner(sources.map((s) => `(${s})`).join('|'));
}

/** Index of the entry whose group matched. */
export function matchedEntry(m: RegExpExecArray): number {
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return i - 1;
  return -1;
}
