/**
 * How a key figure ranks: a weighted sum of features a financial analyst
 * would name. The kind (money and percent over points, factors and counts),
 * the metric (per-share earnings, then revenue, profit and guidance, then
 * margins, EBITDA, cash flow), the basis (the result reported now over
 * earlier values, analysts' estimates and forecasts), whether the figure is a
 * level or a change, rounded ("about 30 %"), a part of the business or a
 * one-off, and where it stands (early in the article, in a sentence sharing
 * words with the title). Weights tuned on ECTSum val fold A (README).
 */
import type { Figure } from '../schema.ts';
import type { Sentence } from '../types.ts';
import { METRIC_TIERS } from './context-lexicon.ts';
import { PER_SHARE_AFTER } from './label.ts';

const TIERS: readonly (readonly [number, RegExp])[] = METRIC_TIERS.map(([weight, words]) => [weight, new RegExp(`(?:${words})(?![\\p{L}])`, 'iu')] as const);
const FORWARD = /(?<![\p{L}])(?:expect|expects|expected|guidance|outlook|forecast|anticipate|erwartet|erwarten|prognose|ausblick|rechnet)(?![\p{L}])/iu;
/** A part of the business rather than the whole: its figures are rarely the headline. */
const PART = /(?<![\p{L}])(?:segment|segments|division|divisions|region|regions|sparte|sparten|geschäftsbereich|bereich|unit)(?![\p{L}])/iu;
/** One-off items and their effects, stated beside the headline figures. */
const ONE_OFF = /(?<![\p{L}])(?:charge|charges|one-time|impact|impacts|benefit|headwind|tailwind|excluding|exclude|excludes|items|sondereffekt|sondereffekte|einmaleffekt|einmaleffekte|belastung)(?![\p{L}])/iu;
/** The whole company's result. */
const WHOLE = /(?<![\p{L}])(?:total|consolidated|overall|record|reported|konzern|insgesamt|rekord)(?![\p{L}])/iu;
/** Money stating a change, not the level reported: "grew by $0.19 to $1.96", "an increase of $36 million". */
const DELTA_BEFORE = /(?<![\p{L}])(?:by|increased|decreased|rose|fell|grew|declined|improved|dropped|gained|expanded|increase of|decrease of|improvement of|decline of|reduction of|up|down|um|plus|minus|anstieg von|rückgang von|zuwachs von)[\s\u00a0]+(?:(?:about|approximately|roughly|nearly|rund|etwa)[\s\u00a0]+)?$/iu;
/** The label {@link perShareLabel} gives a price per share. */
const PRICE_LABEL = /^(?:price per share|Preis je Aktie)$/u;
const TITLE_WORD = /[\p{L}\p{N}]{4,}/gu;

/** The features of one figure, each 0 or 1 unless said otherwise. */
export interface RankFeatures {
  money: number; percent: number; points: number; factor: number; quantity: number; count: number;
  /** Money per share that is not a price paid (per-share earnings, dividends). */
  perShare: number;
  /** Money per share paid (a buyback's average price, an offer). */
  pricePerShare: number;
  /** The metric's tier weight from {@link METRIC_TIERS} (0 when none). */
  metric: number;
  prior: number; estimate: number; target: number; guidance: number;
  qualified: number; delta: number; range: number; forward: number; part: number; oneOff: number; whole: number;
  period: number; currency: number; smallCount: number;
  /** 1 for the first sentence, falling to 0 at the last. */
  position: number;
  heading: number;
  /** Words shared with the title, ×0.3, at most 1.5. */
  title: number;
}

/** Weights of {@link RankFeatures}. */
export const RANK_WEIGHTS: Readonly<RankFeatures> = {
  money: 3, percent: 2.5, points: 1, factor: 1.5, quantity: 1.5, count: 1,
  perShare: 4, pricePerShare: 4, metric: 1,
  prior: -2, estimate: -2, target: -0.5, guidance: -0.25,
  qualified: -2, delta: -1, range: 1, forward: 0.5, part: -1, oneOff: -1, whole: 0.5,
  period: 0.5, currency: 0.25, smallCount: -1, position: 1, heading: -0.5, title: 1,
};

function metricWeight(label: string): number {
  for (const [weight, re] of TIERS) if (re.test(label)) return weight;
  return 0;
}

/** The words of a title, for the overlap feature. */
export function titleWords(title: string | null): Set<string> {
  return new Set((title?.toLowerCase().match(TITLE_WORD) ?? []));
}

const flag = (b: boolean): number => (b ? 1 : 0);

/** The rank features of a figure with its metric (the label before its basis) in its sentence. */
export function rankFeatures(figure: Figure, metric: string, sentence: Sentence, total: number, title: ReadonlySet<string>): RankFeatures {
  const text = sentence.text;
  const at = text.indexOf(figure.text);
  const perShare = figure.kind === 'money' && PER_SHARE_AFTER.test(text.slice(at + figure.text.length));
  const price = perShare && PRICE_LABEL.test(figure.label);
  const words = text.toLowerCase().match(TITLE_WORD) ?? [];
  const shared = words.filter((w) => title.has(w)).length;
  return {
    money: flag(figure.kind === 'money'), percent: flag(figure.kind === 'percent'), points: flag(figure.kind === 'percentage-points'),
    factor: flag(figure.kind === 'factor'), quantity: flag(figure.kind === 'quantity'), count: flag(figure.kind === 'count'),
    perShare: flag(perShare && !price), pricePerShare: flag(price), metric: perShare ? 0 : metricWeight(metric),
    prior: flag(figure.basis === 'prior'), estimate: flag(figure.basis === 'estimate'), target: flag(figure.basis === 'target'),
    guidance: flag(figure.basis === 'guidance'),
    qualified: flag(figure.qualifier !== undefined),
    delta: flag(figure.kind === 'money' && DELTA_BEFORE.test(text.slice(0, at))),
    range: flag(figure.valueMax !== undefined), forward: flag(FORWARD.test(text)), part: flag(PART.test(text)),
    oneOff: flag(ONE_OFF.test(text)), whole: flag(WHOLE.test(text)), period: flag(figure.period !== undefined),
    currency: flag(figure.currency !== undefined), smallCount: flag(figure.kind === 'count' && figure.value < 10),
    position: 1 - sentence.index / Math.max(1, total), heading: flag(sentence.heading), title: Math.min(1.5, shared * 0.3),
  };
}

/** The rank score: the weighted sum of the features. */
export function rankScore(features: RankFeatures, weights: Readonly<RankFeatures> = RANK_WEIGHTS): number {
  let s = 0;
  for (const key of Object.keys(features) as (keyof RankFeatures)[]) s += features[key] * weights[key];
  return s;
}
