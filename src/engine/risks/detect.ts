/**
 * Finds the risk cues in one sentence: lexicon matches that are not negated
 * ("kein Risiko", "no threat"), not minimized ("das Risiko ist gering") and
 * not a descriptive use ("Risikokapital", "risk management").
 */
import type { RiskCategory } from '../schema.ts';
import type { RuleLanguage } from '../types.ts';
import { CATEGORY_KEYWORDS, CATEGORY_PRIORITY } from './categories.ts';
import { cancelledByContext } from './context.ts';
import { DE_LEXICON } from './lexicon-de.ts';
import { EN_LEXICON } from './lexicon-en.ts';
import { scanFrom, type Scanner } from '../text/quick-regex.ts';
import { alternation, matchedEntry, wordSpan, type RiskCue, type RiskLexicon } from './patterns.ts';

/** One cue found in a sentence. */
export interface CueHit {
  cue: RiskCue;
  start: number;
  end: number;
}

interface CompiledLexicon {
  lexicon: RiskLexicon;
  all: Scanner;
}

const compile = (lexicon: RiskLexicon): CompiledLexicon => ({ lexicon, all: alternation(lexicon.cues.map((c) => c.pattern)) });
const LEXICONS: Readonly<Record<RuleLanguage, CompiledLexicon>> = { de: compile(DE_LEXICON), en: compile(EN_LEXICON) };
const CATEGORY_RE = alternation(CATEGORY_KEYWORDS.map((k) => k.pattern));

/** Clause punctuation: negation does not reach across it. */
const CLAUSE_BREAK_RE = /[,;:()–—]/u;
/** The words "risk"/"Risiko" themselves (descriptive uses are checked only for them). */
const RISK_WORD_RE = /^ris[ik]/iu;
const WORD_RE = /[\p{L}\p{M}\p{N}'’-]+/gu;
/** Words before a cue that can negate it. */
const NEGATION_WINDOW = 3;

function lastWords(text: string, n: number): string {
  const words = text.match(WORD_RE) ?? [];
  return words.slice(-n).join(' ');
}

/** The clause part before `at` (back to the last clause break). */
function clauseBefore(text: string, at: number): string {
  let i = at - 1;
  while (i >= 0 && !CLAUSE_BREAK_RE.test(text[i] ?? '')) i--;
  return text.slice(i + 1, at);
}

function clauseAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && !CLAUSE_BREAK_RE.test(text[i] ?? '')) i++;
  return text.slice(at, i);
}

/** An attributive adjective or participle ("erklärten", "neuen"): German negation before it negates only it. */
const ATTRIBUTIVE_RE = /^\p{Ll}[\p{L}]*(?:e|en|em|er|es)$/u;
const UPPER_START_RE = /^\p{Lu}/u;

/**
 * Whether a negator in `before` reaches the cue. German "nicht" right before an attributive adjective
 * negates only the adjective ("ein nicht erklärter Streik" is still a strike); "kein" negates the noun.
 */
function negates(before: string, lex: RiskLexicon, cue: RiskCue): boolean {
  if (!lex.negators.test(before)) return false;
  if (cue.noun !== true) return true;
  const words = before.trim().split(/\s+/u);
  const last = words[words.length - 1] ?? '';
  const beforeLast = words[words.length - 2] ?? '';
  return !(ATTRIBUTIVE_RE.test(last) && /^nicht$/iu.test(beforeLast));
}

/**
 * German negation after a finite verb (verb second): "droht keine Überlastung mehr", "sinken nicht". Not
 * "nicht nur" (not only), which adds rather than negates.
 */
const NEGATED_AFTER_DE = /^\s+(?:[\p{L}-]+\s+)?(?:kein(?:e[nmrs]?)?|keinerlei|nicht)(?![\p{L}])(?!\s+nur(?![\p{L}]))/iu;
/** "statt …, … zu erhöhen", "instead of …": the infinitive clauses after it name what does not happen. */
const INSTEAD_RE = /(?<![\p{L}])(?:(?:an)?statt|instead of|rather than)(?![\p{L}])[^.;!?]*$/iu;
const INFINITIVE_END_RE = /(?<![\p{L}])zu\s+\p{L}+[\s.!?"'“”«»]*$/u;

/**
 * A span of years in the clause after the cue ("tariffs from 1985 to 1992", "Zölle zwischen 2002 und 2004") in a
 * sentence told in the past tense: history, not a risk ahead (a plan "from 2027 to 2030" stays one).
 */
const PAST_TENSE_RE = /(?<![\p{L}])(?:\p{Ll}{3,}ed|was|were|had|war|waren|hatte|hatten|wurde|wurden)(?![\p{L}])/u;
const PAST_SPAN_RE = /(?<![\p{L}])(?:from|between|von|zwischen)\s+(?:19|20)\d\d\s+(?:to|and|until|bis|und)\s+(?:19|20)\d\d(?!\d)/iu;

/** A negated subject reaches the whole clause: "neither of them has to recall any cars", "none of the banks faces a fine". */
const NEITHER_RE = /(?<![\p{L}])(?:neither|none) of (?:them|us|the\s+[\p{L}\p{N}\s-]+?)\s+(?:[\p{L}'’-]+\s+){0,3}$/iu;

/** The clause before `start` and the clause before that one. */
function previousClause(text: string, start: number): string {
  const own = clauseBefore(text, start);
  const end = start - own.length - 1;
  return end <= 0 ? '' : clauseBefore(text, end);
}

function isCancelled(text: string, start: number, end: number, lex: RiskLexicon, cue: RiskCue, language: RuleLanguage): boolean {
  const word = text.slice(start, end).replace(/\s+/gu, ' ');
  if (cue.noun === true && !UPPER_START_RE.test(word)) return true;
  if (lex.nonRiskWord.test(word.replace(/-/gu, '').toLowerCase()) || lex.nonRiskWord.test(word)) return true;
  if (RISK_WORD_RE.test(word) && (lex.nonRiskAfter.test(text.slice(end)) || lex.nonRiskBefore.test(text.slice(0, start)))) return true;
  const ownBefore = clauseBefore(text, start);
  const before = lastWords(ownBefore, NEGATION_WINDOW);
  const clauseRest = clauseAfter(text, end);
  if (NEITHER_RE.test(ownBefore)) return true;
  if (negates(before, lex, cue) && !lex.negationExceptions.test(clauseRest) && !lex.negationExceptions.test(before)) return true;
  if (lex.minimizers.test(clauseRest) && !lex.negators.test(clauseRest)) return true;
  if (language === 'de' && cue.noun !== true && NEGATED_AFTER_DE.test(clauseRest) && !lex.negationExceptions.test(clauseRest)) return true;
  if (PAST_SPAN_RE.test(clauseRest) && PAST_TENSE_RE.test(text)) return true;
  if (INSTEAD_RE.test(text.slice(0, start)) && INFINITIVE_END_RE.test(text.slice(0, end + clauseRest.length))) return true;
  return cancelledByContext(cue, word, { before: ownBefore, after: clauseRest, previous: previousClause(text, start), sentence: text, lead: text.slice(0, start) }, language);
}

/** The risk cues of a sentence, in order, with cancelled ones dropped. */
export function findCues(text: string, language: RuleLanguage): CueHit[] {
  const { lexicon, all } = LEXICONS[language];
  const hits: CueHit[] = [];
  let from = 0;
  for (let m = scanFrom(all, text, from); m !== null; m = scanFrom(all, text, from)) {
    from = m.index + m[0].length;
    if (m[0].length === 0) {
      from++;
      continue;
    }
    const cue = lexicon.cues[matchedEntry(m)];
    if (cue === undefined) continue;
    const [start, end] = wordSpan(text, m.index, from);
    from = Math.max(from, end);
    if (!isCancelled(text, start, end, lexicon, cue, language)) hits.push({ cue, start, end });
  }
  return hits;
}

/** The category of a risk sentence: keyword scores over the sentence plus the categories its cues imply. */
export function categorize(text: string, hits: readonly CueHit[]): RiskCategory {
  const scores = new Map<RiskCategory, number>();
  const add = (c: RiskCategory, v: number): void => {
    scores.set(c, (scores.get(c) ?? 0) + v);
  };
  let from = 0;
  for (let m = scanFrom(CATEGORY_RE, text, from); m !== null; m = scanFrom(CATEGORY_RE, text, from)) {
    from = m.index + m[0].length;
    if (m[0].length === 0) {
      from++;
      continue;
    }
    const k = CATEGORY_KEYWORDS[matchedEntry(m)];
    if (k !== undefined) add(k.category, k.weight);
  }
  for (const h of hits) if (h.cue.category !== undefined) add(h.cue.category, 1.5);
  let best: RiskCategory = 'other';
  let bestScore = 0;
  for (const c of CATEGORY_PRIORITY) {
    const s = scores.get(c) ?? 0;
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}
