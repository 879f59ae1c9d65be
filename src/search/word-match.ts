/**
 * Search by words, not substrings: the one matcher behind `/figures WORD`, `/risks WORD` and the digest
 * definitions' include/exclude keywords. Pure.
 *
 * The rule, for each query word against each word of the text (words are runs of letters and digits, so
 * "KI-Blase" is "KI" and "Blase", "Apple's" is "Apple" and "s"):
 *
 * 1. **Names and tickers**: a query word of two to five characters written all in capitals ("AI", "SAP", "EZB",
 *    "DAX") matches only the same word in the same case, optionally with a plural "s" ("ETFs"): "AI" never
 *    matches "ai", "Ai" or the "ai" inside "said".
 * 2. **Other words** are compared folded (lower case, accents and umlauts dropped, "ß" as "ss", so "Zölle" is
 *    "zolle"). A text word matches when it is the query word, the query word plus an inflection ending
 *    ("Zoll" → "Zolle" = "Zölle", "Zolls"; "tariff" → "tariffs"), or shares the query word's stem: the query
 *    minus one ending, when at least four letters remain ("Zölle" → "zoll" matches "Zoll"; "companies" →
 *    "compan" matches "company"). Anything else is no match: "Signa" does not match "signal", because "l"
 *    is no ending.
 * 3. **German compounds** (only in German text, only for query words of four letters or more): the query
 *    word (or its stem) starts the text word and at least four more letters follow, after an optional linking
 *    "s"/"es"/"n"/"en"/"er"/"e", that begin the way a German word begins (a vowel or an initial consonant
 *    cluster such as "str", "pr", "sch": "Zoll" → "Zollstreit", "Arbeit" → "Arbeitsmarkt", but "Signa" is not
 *    the head of "Signalwerk", since no word begins with "lw"); or it ends the text word, with
 *    an optional ending, after at least three letters ("Zoll" → "Strafzölle"). English has no such rule, so
 *    "rate" never matches "corporate".
 *
 * Ranking: a title that holds every query word outranks any number of sentence hits; then the number of
 * sentences with a hit (up to five); then recency.
 */
import type { Digest } from '../engine/schema.ts';

/** Endings stripped from a word to find its stem (German and English inflection); longest first. */
const ENDINGS = ['ies', 'en', 'er', 'es', 'em', 'e', 'n', 's', 'y'] as const;
/** Endings that may follow the query word in the text (plural and case endings). */
const FOLLOWING: readonly string[] = ['ern', 'ens', 'en', 'er', 'es', 'em', 'e', 'n', 's'];
/** Linking elements between the parts of a German compound. */
const LINKS = ['', 's', 'es', 'n', 'en', 'er', 'e'] as const;
const MIN_STEM = 4;
const MIN_COMPOUND_QUERY = 4;
const MIN_COMPOUND_REST = 4;
const MIN_COMPOUND_HEAD = 3;
const WORD = /[\p{L}\p{N}]+/gu;
/** Consonant clusters a German word may begin with (folded; loanword clusters included), besides a single consonant. */
const ONSETS: ReadonlySet<string> = new Set([
  'bl', 'br', 'ch', 'chr', 'cl', 'cr', 'dr', 'fl', 'fr', 'gl', 'gn', 'gr', 'kl', 'kn', 'kr', 'pf', 'pfl', 'pfr', 'ph', 'pl', 'pr', 'ps',
  'sch', 'schl', 'schm', 'schn', 'schr', 'schw', 'sh', 'sk', 'sl', 'sm', 'sn', 'sp', 'spl', 'spr', 'st', 'str', 'th', 'tr', 'ts', 'tsch', 'wr', 'zw',
]);
const LEADING_CONSONANTS = /^[^aeiouy]*/u;

/** Whether a folded word part begins the way a German word can: a vowel, one consonant, or a known cluster. */
function germanOnset(part: string): boolean {
  const onset = LEADING_CONSONANTS.exec(part)?.[0] ?? '';
  return onset.length <= 1 || ONSETS.has(onset);
}
const NAME = /^(?=.*\p{Lu})[\p{Lu}\p{N}]{2,5}$/u;

/** A word folded for comparison: lower case, without accents or umlaut dots, "ß" as "ss". */
export function foldWord(word: string): string {
  return word.toLowerCase().replace(/ß/gu, 'ss').normalize('NFD').replace(/\p{M}/gu, '');
}

/** The words of a text, as written. */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** One word of a query, compiled. */
export interface QueryTerm {
  /** As typed. */
  raw: string;
  /** Name or ticker: matched case-exact. */
  exact: boolean;
  /** Folded forms the text word is compared with: the word itself and its stem, when it has one. */
  bases: string[];
}

export function compileTerm(raw: string): QueryTerm {
  if (NAME.test(raw)) return { raw, exact: true, bases: [raw] };
  const folded = foldWord(raw);
  const stem = stemOf(folded);
  return { raw, exact: false, bases: stem === folded ? [folded] : [folded, stem] };
}

/** The words of a query, compiled (empty for a query without letters or digits). */
export function compileQuery(query: string): QueryTerm[] {
  return wordsOf(query).map(compileTerm);
}

function inflected(word: string, base: string): boolean {
  if (word === base) return true;
  if (word.startsWith(base) && FOLLOWING.includes(word.slice(base.length))) return true;
  // A stem pair such as company / companies: the word's stem is the base.
  return base.length >= MIN_STEM && stemOf(word) === base;
}

function stemOf(word: string): string {
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM) return word.slice(0, -ending.length);
  }
  return word;
}

function compound(word: string, base: string): boolean {
  if (base.length < MIN_COMPOUND_QUERY) return false;
  if (word.startsWith(base)) {
    const rest = word.slice(base.length);
    if (LINKS.some((link) => rest.startsWith(link) && rest.length - link.length >= MIN_COMPOUND_REST && germanOnset(rest.slice(link.length)))) return true;
  }
  for (let head = MIN_COMPOUND_HEAD; head <= word.length - base.length; head++) {
    if (word.startsWith(base, head) && inflected(word.slice(head), base)) return true;
  }
  return false;
}

/** Whether one word of a text matches a query term; `german`: the text is German (compounds count). */
export function termMatchesWord(term: QueryTerm, word: string, german: boolean): boolean {
  if (term.exact) return word === term.raw || word === `${term.raw}s`;
  const folded = foldWord(word);
  return term.bases.some((base) => inflected(folded, base) || (german && compound(folded, base)));
}

/** Whether a text holds a word matching the term. */
export function textHasTerm(text: string, term: QueryTerm, german: boolean): boolean {
  return wordsOf(text).some((w) => termMatchesWord(term, w, german));
}

/** Whether a text holds every term of the query (an empty query matches nothing). */
export function textMatchesQuery(text: string, terms: readonly QueryTerm[], german: boolean): boolean {
  return terms.length > 0 && terms.every((t) => textHasTerm(text, t, german));
}

/** The text of a searchable item: its title and its sentences (summary, figures' and risks' sentences). */
export interface SearchText {
  title: string | null;
  sentences: readonly string[];
  /** German text: compounds count. */
  german: boolean;
  /** ISO time for recency (publication, or first seen); null sorts last. */
  at: string | null;
}

/** How well an item matches, or null when it does not hold every query word. */
export interface Relevance {
  titleHit: boolean;
  sentenceHits: number;
}

const MAX_COUNTED_SENTENCES = 5;

/** The relevance of an item to a query: every term must occur in the title or some sentence. */
export function relevance(item: SearchText, terms: readonly QueryTerm[]): Relevance | null {
  if (terms.length === 0) return null;
  const titleHit = item.title !== null && textMatchesQuery(item.title, terms, item.german);
  const hitSentences = item.sentences.filter((s) => terms.some((t) => textHasTerm(s, t, item.german)));
  const all = [item.title ?? '', ...hitSentences].join(' \n ');
  if (!titleHit && !textMatchesQuery(all, terms, item.german)) return null;
  return { titleHit, sentenceHits: Math.min(new Set(hitSentences).size, MAX_COUNTED_SENTENCES) };
}

/** The items matching every query word, best first (title hit, then sentence hits, then newest). */
export function rankByRelevance<T>(items: readonly T[], query: string, textOf: (item: T) => SearchText): T[] {
  const terms = compileQuery(query);
  const scored = items.flatMap((item, index) => {
    const text = textOf(item);
    const r = relevance(text, terms);
    return r === null ? [] : [{ item, index, r, at: text.at === null ? 0 : Date.parse(text.at) || 0 }];
  });
  scored.sort((a, b) => Number(b.r.titleHit) - Number(a.r.titleHit) || b.r.sentenceHits - a.r.sentenceHits || b.at - a.at || a.index - b.index);
  return scored.map((s) => s.item);
}

/** What of a digest is searched: its title, summary, figures (label and sentence) and risks. */
export function digestSearchText(digest: Digest, at: string | null = digest.published): SearchText {
  return {
    title: digest.title,
    sentences: [...digest.summary, ...digest.figures.map((f) => `${f.label} ${f.sentence}`), ...digest.risks.map((r) => r.text)],
    german: digest.language === 'de',
    at,
  };
}

/** Whether a digest holds any of the words or phrases (each phrase: all its words), by the rules above. */
export function digestMentionsAny(digest: Digest, phrases: readonly string[]): boolean {
  const text = digestSearchText(digest);
  return phrases.some((p) => relevance(text, compileQuery(p)) !== null);
}

/** Whether a line (a figure's label and sentence, a risk) holds any word of the query. */
export function lineMentionsAny(line: string, query: string, german: boolean): boolean {
  return compileQuery(query).some((t) => textHasTerm(line, t, german));
}
