/**
 * Key figures of an article: every figure the grammar finds (scan.ts), with
 * label, direction and period from its clause (context.ts), deduplicated and
 * ranked so the few key figures come first.
 *
 * Rank: kind (money and percent over points, factors, quantities and bare
 * counts), a key metric as label (revenue, EPS, margin, guidance …), a stated
 * direction or period, the sentence's place in the article (news and earnings
 * calls state the headline figures early) and its overlap with the title. The
 * same fact stated twice (same kind, value and currency) is listed once, at
 * its best place.
 */
import type { Basis, Figure } from '../schema.ts';
import type { AnalysedArticle, RuleLanguage, Sentence } from '../types.ts';
import { basesOf, revisionsOf } from './basis.ts';
import { METRIC_TIERS } from './context-lexicon.ts';
import { clauseAround, directionIn, metricLabel, nounLabel, periodIn, type Clause } from './context.ts';
import { isFurniture } from './furniture.ts';
import { contextLabel, shareOf } from './label-context.ts';
import { isLoss, labelWithBasis, PER_SHARE_AFTER, perShareLabel, revisionIn, type Revision } from './label.ts';
import { scanFigures, type RawFigure } from './scan.ts';
import { appositionLabel, nounGoverningByVon, subjectPhrase } from './subject-de.ts';

const KIND_WEIGHT: Readonly<Record<Figure['kind'], number>> = {
  money: 3, percent: 2.5, 'percentage-points': 1, factor: 1.5, quantity: 1.5, count: 1,
};
const TIERS: readonly (readonly [number, RegExp])[] = METRIC_TIERS.map(([weight, words]) => [weight, new RegExp(`(?:${words})(?![\\p{L}])`, 'iu')] as const);
const FORWARD = /(?<![\p{L}])(?:expect|expects|expected|guidance|outlook|forecast|anticipate|erwartet|erwarten|prognose|ausblick|rechnet)(?![\p{L}])/iu;

/** A part of the business rather than the whole: its figures are rarely the headline. */
const PART = /(?<![\p{L}])(?:segment|segments|division|divisions|region|regions|sparte|sparten|geschäftsbereich|bereich|unit)(?![\p{L}])/iu;
/** One-off items and their effects, stated beside the headline figures. */
const ONE_OFF = /(?<![\p{L}])(?:charge|charges|one-time|impact|impacts|benefit|headwind|tailwind|excluding|exclude|excludes|items|sondereffekt|sondereffekte|einmaleffekt|einmaleffekte|belastung)(?![\p{L}])/iu;
/** The whole company's result. */
const WHOLE = /(?<![\p{L}])(?:total|consolidated|overall|record|reported|konzern|insgesamt|rekord)(?![\p{L}])/iu;

function metricWeight(label: string): number {
  for (const [weight, re] of TIERS) if (re.test(label)) return weight;
  return 0;
}
const TITLE_WORD = /[\p{L}\p{N}]{4,}/gu;

interface Scored {
  figure: Figure;
  score: number;
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
  const base = raw.compoundLabel
    ?? (perShare ? perShareLabel(metric, clauseText, language) : null)
    ?? (raw.kind === 'percent' ? shareOf(text, clause, raw.end, language) : null)
    ?? metric
    ?? (basis === 'prior' ? previous : null)
    ?? (raw.kind === 'count' || raw.kind === 'quantity' ? raw.unit : undefined)
    ?? (language === 'de' ? appositionLabel(text, clause, raw.start, raw.end, previous) : null)
    ?? contextLabel(text, clause, raw.start, raw.end, raw.kind === 'money', language)
    ?? (language === 'de' ? nounLabel(text, clause, raw.start, raw.end) : null)
    // "Mit 458.000 TEU wurden 9 % mehr bewegt": a change with no subject of its own is the change of the amount before it.
    ?? (raw.kind === 'percent' && COMPARATIVE_AFTER.test(text.slice(raw.end)) ? previous : null)
    ?? KIND_NAME[language][raw.kind];
  const revision = basis === 'guidance' ? revisionIn(clauseText) ?? compared.revision : null;
  const label = labelWithBasis(base, basis, revision, language, compared.priorForecast);
  const figure: Figure = { kind: raw.kind, value: raw.value, label, text: text.slice(raw.start, raw.end), sentence: text };
  if (raw.valueMax !== undefined) figure.valueMax = raw.valueMax;
  if (raw.currency !== undefined) figure.currency = raw.currency;
  if (raw.unit !== undefined) figure.unit = raw.unit;
  if (raw.qualifier !== undefined) figure.qualifier = raw.qualifier;
  // A loss is down and a cut forecast is down, whatever verb stands beside them ("the loss widened").
  const stated = raw.sign ?? (raw.kind === 'count' ? undefined : directionIn(text, clause, raw.start, raw.end, language));
  // An earlier value has no direction of its own ("up from $1.10"): the change belongs to the figure now.
  const direction = (raw.kind === 'money' && isLoss(base)) || revision === 'cut' ? 'down' : basis === 'prior' ? undefined : stated;
  if (direction !== undefined) figure.direction = direction;
  if (basis !== undefined) figure.basis = basis;
  const period = periodIn(text, clause, language);
  if (period !== undefined) figure.period = period;
  return { figure, metric: base };
}

function titleWords(title: string | null): Set<string> {
  return new Set((title?.toLowerCase().match(TITLE_WORD) ?? []));
}

/** Rank weights of the context features (tuned on ECTSum val fold A; see README). */
const W = { forward: 0.5, part: 1, oneOff: 1, whole: 0.5, position: 1, period: 0.5, qualified: 2, delta: 1 } as const;
const DELTA_BEFORE = /(?<![\p{L}])(?:by|increased|decreased|rose|fell|grew|declined|improved|dropped|gained|expanded|increase of|decrease of|improvement of|decline of|reduction of|up|down|um|plus|minus|anstieg von|rückgang von|zuwachs von)[\s\u00a0]+(?:(?:about|approximately|roughly|nearly|rund|etwa)[\s\u00a0]+)?$/iu;
/** Rank below the figure reported now: earlier values and analysts' numbers far below, the company's forecasts a little. */
const BASIS_PENALTY: Readonly<Record<Basis, number>> = { prior: 2, estimate: 2, target: 0.5, guidance: 0.25 };

function score(figure: Figure, metric: string, sentence: Sentence, total: number, title: Set<string>): number {
  let s = KIND_WEIGHT[figure.kind];
  const afterText = sentence.text.slice(sentence.text.indexOf(figure.text) + figure.text.length);
  s += figure.kind === 'money' && PER_SHARE_AFTER.test(afterText) ? (TIERS[0]?.[0] ?? 3) : metricWeight(metric);
  if (figure.basis !== undefined) s -= BASIS_PENALTY[figure.basis];
  // "about 30 %", "more than $1bn": a rounded figure is commentary more often than the reported result.
  if (figure.qualifier !== undefined) s -= W.qualified;
  // "grew by $0.19 to $1.96", "an increase of $36 million": money stating a change, not the level reported.
  if (figure.kind === 'money' && DELTA_BEFORE.test(sentence.text.slice(0, sentence.text.indexOf(figure.text)))) s -= W.delta;
  if (figure.valueMax !== undefined) s += 1;
  if (FORWARD.test(sentence.text)) s += W.forward;
  if (PART.test(sentence.text)) s -= W.part;
  if (ONE_OFF.test(sentence.text)) s -= W.oneOff;
  if (WHOLE.test(sentence.text)) s += W.whole;
  if (figure.period !== undefined) s += W.period;
  if (figure.currency !== undefined) s += 0.25;
  if (figure.kind === 'count' && figure.value < 10) s -= 1;
  s += W.position * (1 - sentence.index / Math.max(1, total));
  if (sentence.heading) s -= 0.5;
  const words = sentence.text.toLowerCase().match(TITLE_WORD) ?? [];
  let shared = 0;
  for (const w of words) if (title.has(w)) shared++;
  s += Math.min(1.5, shared * 0.3);
  return s;
}

const factKey = (f: Figure): string => `${f.kind}|${String(f.value)}|${String(f.valueMax ?? '')}|${f.currency ?? ''}|${f.basis ?? ''}`;

/** All key figures of the article, deduplicated, best first (the digest keeps the top ones). */
export function extractFigures(article: AnalysedArticle): Figure[] {
  const title = titleWords(article.title);
  const total = article.sentences.length;
  const best = new Map<string, Scored>();
  let order = 0;
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
      const scored: Scored = { figure, score: score(figure, metric, sentence, total, title), order: order++ };
      const key = factKey(figure);
      const seen = best.get(key);
      if (seen === undefined || scored.score > seen.score) best.set(key, scored);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.figure);
}
