/**
 * Key figures of an article: every figure the grammar finds (scan.ts), with
 * label, direction and period from its clause (context.ts), deduplicated and
 * ranked so the few key figures come first.
 *
 * Rank: kind (money and percent over points, factors, quantities and bare
 * counts), a key metric as label (revenue, EPS, margin, guidance …), a stated
 * direction or period, the sentence's place in the article (news and earnings
 * calls state the headline figures early) and its overlap with the title
 * (features and weights in rank.ts). The same fact stated twice (same kind,
 * value, currency, basis and label) is listed once, at its best place; the
 * same number under another label is a fact of its own, listed after every
 * distinct number.
 */
import type { Basis, Figure } from '../schema.ts';
import type { AnalysedArticle, RuleLanguage, Sentence } from '../types.ts';
import { basesOf, revisionsOf } from './basis.ts';
import { clauseAround, directionIn, metricLabel, nounLabel, periodIn, type Clause } from './context.ts';
import { isFurniture } from './furniture.ts';
import { contextLabel, germanNounAfter, shareOf } from './label-context.ts';
import { isLoss, labelWithBasis, PER_SHARE_AFTER, perShareLabel, revisionIn, type Revision } from './label.ts';
import { rankFeatures, rankScore, titleWords, type RankFeatures } from './rank.ts';
import { scanFigures, type RawFigure } from './scan.ts';
import { appositionLabel, nounGoverningByVon, subjectPhrase } from './subject-de.ts';

/** A figure as stated at one place, with its rank features; the same fact may be stated at several places. */
export interface FigureCandidate {
  figure: Figure;
  features: RankFeatures;
  /** Place in the article, counting figures. */
  order: number;
}

const KIND_NAME: Readonly<Record<RuleLanguage, Readonly<Record<Figure['kind'], string>>>> = {
  de: { money: 'Betrag', percent: 'Anteil', 'percentage-points': 'Veränderung', factor: 'Faktor', count: 'Anzahl', quantity: 'Menge' },
  en: { money: 'amount', percent: 'share', 'percentage-points': 'change', factor: 'factor', count: 'count', quantity: 'quantity' },
};

/** The metric of a German figure: the noun governing it through "von", the subject phrase holding the metric, or the metric nearest to it. */
function germanMetric(text: string, clause: Clause, start: number, end: number): string | null {
  const metric = metricLabel(text, clause, start, end, 'de');
  const governing = nounGoverningByVon(text, start);
  if (governing !== null && (metric === null || !metric.includes(governing))) return governing;
  if (metric === null) return null;
  const before = text.lastIndexOf(metric, start);
  const at = before >= clause.start ? before : text.indexOf(metric, end);
  return subjectPhrase(text, clause, start, at) ?? metric;
}

/** A comparative right after a percent: "9 % mehr", "5 % weniger", "3% more", "10% fewer". */
const COMPARATIVE_AFTER = /^[\s\u00a0]*(?:mehr|weniger|more|fewer|less)(?![\p{L}])/iu;

/** A noun naming only an earlier value: "Vorjahreswert", "Vorjahresniveau". */
const PRIOR_VALUE_NOUN = /^vorjahres(?:wert|niveau|zeitraum|stand)$/iu;

/** The direction a comparative after the figure states: "9 % mehr" is up, "5 % weniger" down. */
function comparativeDirection(after: string): Figure['direction'] {
  const word = COMPARATIVE_AFTER.exec(after)?.[0].trim().toLowerCase();
  if (word === undefined) return undefined;
  return word === 'mehr' || word === 'more' ? 'up' : 'down';
}

/** What comparing a sentence's figures says of one of them: its forecast's revision, or that it is the earlier forecast. */
interface Compared {
  revision: Revision | null;
  priorForecast: boolean;
}

/**
 * One figure with its label, direction, basis and period. `previous` is the label of the figure before it in the
 * sentence: an earlier value without a metric of its own is the same metric ("6,31 (2014: 4,86) Millionen Euro").
 */
function toFigure(raw: RawFigure, sentence: Sentence, language: RuleLanguage, basis: Basis | undefined, previous: string | null, compared: Compared): { figure: Figure; metric: string } {
  const text = sentence.text;
  const clause = clauseAround(text, raw.start, raw.end);
  const metric = language === 'de' ? germanMetric(text, clause, raw.start, raw.end) : metricLabel(text, clause, raw.start, raw.end, language);
  const perShare = raw.kind === 'money' && PER_SHARE_AFTER.test(text.slice(raw.end));
  const clauseText = text.slice(clause.start, clause.end);
  let base = raw.compoundLabel
    ?? (perShare ? perShareLabel(metric, clauseText, language) : null)
    ?? (raw.kind === 'percent' ? shareOf(text, clause, raw.end, language) : null)
    // "150 EUR Ordnungsgeld", "67 Prozent Umsatzzuwachs": the noun after a German amount is its head, whatever metric stands nearby.
    ?? (language === 'de' && (raw.kind === 'money' || raw.kind === 'percent') ? germanNounAfter(text, raw.end) : null)
    ?? metric
    ?? (basis === 'prior' ? previous : null)
    ?? (raw.kind === 'count' || raw.kind === 'quantity' ? raw.unit : undefined)
    ?? (language === 'de' ? appositionLabel(text, clause, raw.start, raw.end, previous) : null)
    ?? contextLabel(text, clause, raw.start, raw.end, raw.kind === 'money', language)
    ?? (language === 'de' ? nounLabel(text, clause, raw.start, raw.end) : null)
    // "Mit 458.000 TEU wurden 9 % mehr bewegt", "67 Prozent Umsatzzuwachs, 2022 erneut 54 Prozent": a percent with no
    // subject of its own continues the metric before it in the sentence.
    ?? (raw.kind === 'percent' ? previous : null)
    ?? KIND_NAME[language][raw.kind];
  // "unter dem Vorjahreswert von 3,2 Mrd. Euro": a noun that only says "last year's value" is the metric before it.
  if (basis === 'prior' && previous !== null && PRIOR_VALUE_NOUN.test(base)) base = previous;
  const revision = basis === 'guidance' ? revisionIn(clauseText) ?? compared.revision : null;
  const label = labelWithBasis(base, basis, revision, language, compared.priorForecast);
  const figure: Figure = { kind: raw.kind, value: raw.value, label, text: text.slice(raw.start, raw.end), sentence: text };
  if (raw.valueMax !== undefined) figure.valueMax = raw.valueMax;
  if (raw.currency !== undefined) figure.currency = raw.currency;
  if (raw.unit !== undefined) figure.unit = raw.unit;
  if (raw.qualifier !== undefined) figure.qualifier = raw.qualifier;
  // A loss is down and a cut forecast is down, whatever verb stands beside them ("the loss widened").
  const stated = raw.sign ?? (raw.kind === 'count' ? undefined : directionIn(text, clause, raw.start, raw.end, language))
    ?? comparativeDirection(text.slice(raw.end));
  // An earlier value has no direction of its own ("up from $1.10"): the change belongs to the figure now.
  const direction = (raw.kind === 'money' && isLoss(base)) || revision === 'cut' ? 'down' : basis === 'prior' ? undefined : stated;
  if (direction !== undefined) figure.direction = direction;
  if (basis !== undefined) figure.basis = basis;
  const period = periodIn(text, clause, language);
  if (period !== undefined) figure.period = period;
  return { figure, metric: base };
}

/** The number a figure states: its kind, value (range) and currency. */
const valueKey = (f: Figure): string => `${f.kind}|${String(f.value)}|${String(f.valueMax ?? '')}|${f.currency ?? ''}`;
/** The key of a fact: the same number with the same basis and label stated twice is one fact. */
export const factKey = (f: Figure): string => `${valueKey(f)}|${f.basis ?? ''}|${f.label.toLowerCase()}`;

/** Every figure of the article at every place it is stated, in order, with its rank features. */
export function figureCandidates(article: AnalysedArticle): FigureCandidate[] {
  const title = titleWords(article.title);
  const total = article.sentences.length;
  const out: FigureCandidate[] = [];
  for (const sentence of article.sentences) {
    if (isFurniture(sentence, total)) continue;
    const raws = scanFigures(sentence.text, article.rules);
    const bases = basesOf(sentence.text, raws, article.rules);
    const { revision, priorForecast } = revisionsOf(sentence.text, raws, bases);
    let previous: string | null = null;
    for (const [i, raw] of raws.entries()) {
      const compared = { revision: revision[i] ?? null, priorForecast: priorForecast[i] ?? false };
      const { figure, metric } = toFigure(raw, sentence, article.rules, bases[i], previous, compared);
      if (figure.basis === undefined && figure.label !== KIND_NAME[article.rules][figure.kind]) previous = figure.label;
      out.push({ figure, features: rankFeatures(figure, metric, sentence, total, title), order: out.length });
    }
  }
  return out;
}

/** All key figures of the article, deduplicated (each fact at its best-ranked place), best first. */
export function extractFigures(article: AnalysedArticle): Figure[] {
  const best = new Map<string, { figure: Figure; score: number; order: number }>();
  for (const { figure, features, order } of figureCandidates(article)) {
    const score = rankScore(features);
    const key = factKey(figure);
    const seen = best.get(key);
    if (seen === undefined || score > seen.score) best.set(key, { figure, score, order });
  }
  const ranked = [...best.values()].sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.figure);
  // The same number under a second label ("volume up 3 %" beside "AUM up 3 %") is kept, after every distinct number.
  const shown = new Set<string>();
  const [distinct, again] = [[] as Figure[], [] as Figure[]];
  for (const f of ranked) {
    const value = valueKey(f);
    (shown.has(value) ? again : distinct).push(f);
    shown.add(value);
  }
  return [...distinct, ...again];
}
