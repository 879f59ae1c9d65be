/**
 * The grounding check: is each sentence of a summary (model-written or any
 * other) supported by the article? Pure and deterministic; the LLM path and
 * `digestbot ground` run the same code.
 *
 * A sentence is checked against the source sentences it cites (ids from the
 * engine's sentence split), or against the whole article when it cites none:
 *   number    every figure and number equals one of the sources' (figures.ts)
 *   entity    every name occurs in the article, inflected or translated (entities.ts)
 *   date      every year, month and weekday occurs in the sources (dates.ts)
 *   negation  "not" / "nicht" / "kein" is not added or dropped against the sources
 * A sentence with no problem is supported.
 */
import { scanFigures } from '../figures/scan.ts';
import type { RuleLanguage } from '../types.ts';
import { datesIn, impliesNegation, negatedStems, negations, stems } from './dates.ts';
import { unsupportedNames } from './entities.ts';
import { sourceNumbers, unsupportedNumbers, type SourceNumbers } from './figures.ts';
import { NameIndex } from './names.ts';

/** What is wrong with a sentence; `source`: it cites no sentence of the article. */
export type GroundProblemKind = 'number' | 'entity' | 'date' | 'negation' | 'source';

export interface GroundProblem {
  kind: GroundProblemKind;
  /** The words of the summary sentence the problem is about. */
  text: string;
}

/** One summary sentence and, when known, the ids (0-based sentence indexes) of the article sentences it rests on. */
export interface SummaryClaim {
  text: string;
  sources?: readonly number[] | undefined;
}

export interface GroundedSentence {
  text: string;
  /** The cited ids that exist in the article (empty: checked against the whole article). */
  sources: number[];
  supported: boolean;
  problems: GroundProblem[];
}

/** The article as the check needs it: sentences (ids are their positions), title and language rules. */
export interface GroundSource {
  title: string | null;
  rules: RuleLanguage;
  sentences: readonly { text: string }[];
}

interface SentenceFacts {
  text: string;
  numbers: SourceNumbers;
  dates: Map<string, string>;
  negations: number;
  /** It carries a verb that implies a negation ("verzichtet", "failed", "overran"). */
  implied: boolean;
  stems: Set<string>;
}

/** An article read once for checking many sentences; a sentence's facts are read when first needed. */
export interface PreparedSource {
  rules: RuleLanguage;
  /** Number of sentences (valid ids are 0 … count − 1). */
  count: number;
  /** The facts of sentence `id`, or undefined for an id the article does not have. */
  sentence(id: number): SentenceFacts | undefined;
  title: SentenceFacts | null;
  names: NameIndex;
}

function facts(text: string, rules: RuleLanguage): SentenceFacts {
  return {
    text, numbers: sourceNumbers(text, rules), dates: datesIn(text), negations: negations(text, rules),
    implied: impliesNegation(text, rules), stems: stems(text),
  };
}

/** Reads the article's numbers, dates, names and negations once. */
export function prepareSource(source: GroundSource): PreparedSource {
  const read: (SentenceFacts | undefined)[] = [];
  const all = [source.title ?? '', ...source.sentences.map((s) => s.text)].join('\n');
  return {
    rules: source.rules,
    count: source.sentences.length,
    sentence(id) {
      const text = source.sentences[id]?.text;
      if (text === undefined) return undefined;
      read[id] ??= facts(text, source.rules);
      return read[id];
    },
    title: source.title === null ? null : facts(source.title, source.rules),
    names: new NameIndex(all),
  };
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/** Same language: the best-matching source sentence must not differ in negation on the words they share. */
function negationFlipSameLanguage(text: string, language: RuleLanguage, cited: readonly SentenceFacts[]): boolean {
  const own = stems(text);
  let best: SentenceFacts | undefined;
  let bestShared = 0;
  for (const s of cited) {
    const shared = overlap(own, s.stems);
    if (shared > bestShared) {
      best = s;
      bestShared = shared;
    }
  }
  if (best === undefined || bestShared < Math.max(2, own.size * 0.3)) return false;
  const negated = negations(text, language) > 0;
  if (negated === best.negations > 0) return false;
  // "did not go" for "verzichtete", "not completed in time" for "overran": the source's verb holds the negation.
  if (negated && best.implied) return false;
  // The negation may stand in another source sentence about the same words ("there was 'no tax advantage'").
  if (negated) {
    const scope = negatedStems(text, language);
    if (cited.some((s) => s.negations > 0 && overlap(scope, negatedStems(s.text, language)) >= 2)) return false;
  }
  // A dropped negation counts only on the words of the source's negated clause, without the subject and verb of saying.
  const scope = negated ? negatedStems(text, language) : negatedStems(best.text, language, true);
  return overlap(scope, negated ? best.stems : own) >= 2;
}

/** Across languages (a translation): the cited sentences as a whole must agree on whether something did not happen. */
function negationFlipAcross(text: string, language: RuleLanguage, cited: readonly SentenceFacts[]): boolean {
  if (cited.length === 0) return false;
  const negated = negations(text, language) > 0;
  const citedNegated = cited.filter((s) => s.negations > 0 || (negated && s.implied)).length;
  return negated ? citedNegated === 0 : citedNegated === cited.length;
}

function negationWord(text: string): string | null {
  return /(?<![\p{L}])(?:not|never|no|nicht|nie|niemals|kein\p{L}*|nichts|niemand|none|nobody|nothing)(?![\p{L}])|\p{L}+n['’]t/iu.exec(text)?.[0] ?? null;
}

function citedFacts(prepared: PreparedSource, ids: readonly number[]): SentenceFacts[] {
  const chosen = ids.length > 0 ? ids : Array.from({ length: prepared.count }, (_, i) => i);
  const out = chosen.map((i) => prepared.sentence(i)).filter((s) => s !== undefined);
  return ids.length > 0 || prepared.title === null ? out : [prepared.title, ...out];
}

/**
 * Checks one sentence written in `language` ('de' or 'en' rules) against the article.
 * Ids that do not exist in the article are ignored; when ids were given and none exists, the sentence fails (`source`).
 */
export function groundSentence(prepared: PreparedSource, claim: SummaryClaim, language: RuleLanguage): GroundedSentence {
  const text = claim.text.trim();
  const given = claim.sources ?? [];
  const ids = [...new Set(given)].filter((i) => Number.isInteger(i) && i >= 0 && i < prepared.count);
  const problems: GroundProblem[] = [];
  if (given.length > 0 && ids.length === 0) problems.push({ kind: 'source', text: given.join(', ') });
  const cited = citedFacts(prepared, ids);
  const figures = scanFigures(text, language);
  for (const n of unsupportedNumbers(text, language, cited.map((c) => c.numbers), figures)) problems.push({ kind: 'number', text: n });
  for (const name of unsupportedNames(text, language, prepared.names, figures)) problems.push({ kind: 'entity', text: name });
  const citedDates = new Set(cited.flatMap((c) => [...c.dates.keys()]));
  for (const [key, words] of datesIn(text)) if (!citedDates.has(key)) problems.push({ kind: 'date', text: words });
  const flip = language === prepared.rules
    ? negationFlipSameLanguage(text, language, cited)
    : ids.length > 0 && negationFlipAcross(text, language, cited);
  if (flip) {
    const own = negationWord(text);
    const theirs = cited.map((c) => negationWord(c.text)).find((w) => w !== null);
    problems.push({ kind: 'negation', text: own ?? `without "${theirs ?? 'not'}"` });
  }
  return { text, sources: ids, supported: problems.length === 0, problems };
}

/** Checks every sentence of a summary written in `language`. */
export function groundSummary(source: GroundSource, claims: readonly SummaryClaim[], language: RuleLanguage): GroundedSentence[] {
  const prepared = prepareSource(source);
  return claims.map((c) => groundSentence(prepared, c, language));
}
