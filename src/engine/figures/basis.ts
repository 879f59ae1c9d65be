/**
 * What a figure stands for beside "the result now reported": a prior-period
 * value ("nach 4,2 Mrd. Euro im Vorjahr", "up from $1.10 a year ago",
 * "(2014: 4,86)"), an analysts' estimate ("the $2.52 analysts expected"), the
 * company's guidance ("expects revenue of $2bn") or a target ("Kursziel",
 * "aims for 10 %"). A cue binds to the figure nearest to it: a cue right
 * before or after a number ("from", "a year ago", "analysts expected") binds
 * that number only; a forward-looking verb ("expects", "rechnet mit")
 * governs the figures after it in its sentence.
 */
import type { Basis, FigureKind } from '../schema.ts';
import type { RuleLanguage } from '../types.ts';

/** A figure's span and kind in its sentence. */
export interface Span {
  start: number;
  end: number;
  kind: FigureKind;
}

const w = (source: string, flags = 'iu'): RegExp => new RegExp(source, flags);

/** Cues right after the figure: the figure is the earlier value. */
const PRIOR_AFTER: Readonly<Record<RuleLanguage, RegExp>> = {
  de: w('^[\\s\\u00a0]*\\)?[\\s\\u00a0]*(?:(?:im|in den|aus dem)[\\s\\u00a0]+)?(?:vorjahr(?:es)?(?:zeitraum|quartal|periode)?|vor einem jahr|ein jahr zuvor|im gleichen zeitraum des vorjahres)(?![\\p{L}])'),
  en: w('^[\\s\\u00a0]*\\)?[\\s\\u00a0]*,?[\\s\\u00a0]*(?:(?:in|for|during)[\\s\\u00a0]+(?:the[\\s\\u00a0]+)?)?(?:a year (?:ago|earlier|before)|(?:the[\\s\\u00a0]+)?(?:year[- ]ago|year[- ]earlier|prior[- ]year|previous[- ]year|same) (?:period|quarter|year)|(?:the[\\s\\u00a0]+)?(?:prior|previous) year|last year\'s)(?![\\p{L}])'),
};
/** Cues right before the figure: "up from", "nach" (with "im Vorjahr" after), "(2014: …)", "compared with". */
const PRIOR_BEFORE: Readonly<Record<RuleLanguage, RegExp>> = {
  de: w('(?:\\((?:[^()]{0,16})?:|(?<![\\p{L}])(?:gegenüber|verglichen mit|nach zuvor|nach|(?:zuvor|vorher|bisher|bislang|ursprünglich)[\\s\\u00a0]+(?:waren|war|lag|lagen|hatte|hatten)[\\s\\u00a0]+(?:es|sie|er|man)(?:[\\s\\u00a0]+(?:noch|mit))?|statt(?:[\\s\\u00a0]+(?:zuvor|bisher))?|zuvor|vorher|im vorjahr noch|vorjahres[\\p{L}]*(?:[\\s\\u00a0]+(?:von|in höhe von))?))[\\s\\u00a0]*(?:(?:rund|etwa|knapp|gut|über|ca\\.)[\\s\\u00a0]+)?$'),
  en: w('(?:\\((?:[^()]{0,16})?:|(?<![\\p{L}])(?:(?:double|twice|triple|treble)[\\s\\u00a0]+the|(?:up|down|rising|falling|increasing|decreasing|improved|improving|declined|declining|rose|fell|grew|increased|decreased|dropped|climbed|compared|versus|vs\\.?|against|compared (?:with|to))[\\s\\u00a0]+from(?:[\\s\\u00a0]+(?:a|an|the))?|versus|vs\\.?|compared (?:with|to)|against|(?:year[- ]ago|year[- ]earlier|prior[- ]year|previous[- ]year|last year\'s)(?:[\\s\\u00a0]+[\\p{L}-]+){0,3}[\\s\\u00a0]+of))[\\s\\u00a0]*(?:(?:about|approximately|roughly|nearly)[\\s\\u00a0]+)?$'),
};
/** "compared with an underwriting profit of $21 million", "gegenüber einem Gewinn von 21 Mio.": a few words between. */
const COMPARED_BEFORE: Readonly<Record<RuleLanguage, RegExp>> = {
  de: w('(?<![\\p{L}])(?:gegenüber|verglichen mit|nach)(?:[\\s\\u00a0]+[^\\s\\d$€£,;]+){1,5}[\\s\\u00a0]+(?:von|in höhe von)[\\s\\u00a0]+$'),
  en: w('(?<![\\p{L}])(?:compared (?:with|to)|versus|vs\\.?|(?:up|down) from)(?:[\\s\\u00a0]+[^\\s$€£,;]+){1,8}[\\s\\u00a0]+of[\\s\\u00a0]+$'),
};

/** "von X auf Y", "from X to Y": X is the earlier value. */
const FROM_BEFORE: Readonly<Record<RuleLanguage, RegExp>> = {
  de: w('(?<![\\p{L}])von[\\s\\u00a0]+(?:(?:rund|etwa|knapp)[\\s\\u00a0]+)?$'),
  en: w('(?<![\\p{L}])(?<!(?:range|ranges|ranging|ranged)[\\s\\u00a0]+)from[\\s\\u00a0]+(?:(?:about|approximately|roughly)[\\s\\u00a0]+)?$'),
};
const TO_AFTER: Readonly<Record<RuleLanguage, RegExp>> = {
  de: w('^[^,;]{0,30}?(?<![\\p{L}])auf(?![\\p{L}])'),
  en: w('^[^,;]{0,30}?(?<![\\p{L}])to(?![\\p{L}])'),
};

const TO_BEFORE: Readonly<Record<RuleLanguage, RegExp>> = {
  de: w('(?<![\\p{L}])auf[\\s\\u00a0]+[^,;]{0,40}?\\d[^,;]{0,30}$'),
  en: w('(?<![\\p{L}])to[\\s\\u00a0]+[^,;]{0,40}?\\d[^,;]{0,30}$'),
};

/** Between two coordinated figures: a short phrase (a period, "per share") ending in "and", "or", "und", "bzw.". */
const COORDINATED = /^[^;:–—]{0,50}?(?:,[\s\u00a0]*)?(?<![\p{L}])(?:and|or|und|oder|bzw\.|sowie)[\s\u00a0]+(?:(?:an?|the|einem|einer|einen)[\s\u00a0]+)?(?:[\p{L}-]+[\s\u00a0]+){0,3}?$/u;

/** Analysts' expectations: bind to the nearest figure. */
const ESTIMATE: Readonly<Record<RuleLanguage, RegExp>> = {
  de: w('(?<![\\p{L}])(?:analyst(?:en|innen)?|experten|marktbeobachter|konsens|schätzung(?:en)?|erwartet hatten|gerechnet hatten|prognostiziert hatten)(?![\\p{L}])', 'giu'),
  en: w('(?<![\\p{L}])(?:analysts?|consensus|estimates|estimated by|had expected|had forecast|were expecting|factset|refinitiv|lseg|zacks|visible alpha|wall street)(?![\\p{L}])', 'giu'),
};
/** Before an estimate cue, a comparison: the figure is the result, the estimate only its yardstick. */
const THAN_BEFORE = /(?<![\p{L}])(?:als|than|wie)(?:[\s\u00a0]+[\p{L}]+){0,2}[\s\u00a0]*$/iu;
/** The company's own forward view: governs the figures after it in the sentence (and, in its clause, before). */
const GUIDANCE: Readonly<Record<RuleLanguage, RegExp>> = {
  de: w('(?<![\\p{L}])(?<!wie[\\s\\u00a0])(?:prognose|prognostiziert|ausblick|rechnet|rechnen|erwartet|erwarten|peilt|stellt[\\s\\u00a0]+in[\\s\\u00a0]+aussicht|geht[\\s\\u00a0]+von)(?![\\p{L}])', 'giu'),
  en: w('(?<![\\p{L}])(?:guidance|outlook|forecasts?|expects?|expecting|anticipates?|sees|guided|guides|targets? for)(?![\\p{L}])', 'giu'),
};
const TARGET: Readonly<Record<RuleLanguage, RegExp>> = {
  // "will bis 2030 einen Umsatz von 10 Mrd. Euro erreichen": a modal of intent before a verb of reaching.
  de: w('(?<![\\p{L}])(?:kursziel|ziel|ziele|zielt|anpeilen|anstreben|strebt|(?:will|wollen|möchte|möchten)(?=[^,;.]{0,80}[\\s\\u00a0](?:erreichen|erzielen|steigern|erhöhen|ausbauen|verdoppeln)(?![\\p{L}])))(?![\\p{L}])', 'giu'),
  en: w('(?<![\\p{L}])(?:price target|target|targets|aims?|aiming|goal|ambition|to achieve|to reach)(?![\\p{L}])', 'giu'),
};

/** Guidance as the yardstick of a result, not its basis: "above the midpoint of our guidance", "über der Prognose". */
const MEASURED_AGAINST = /(?<![\p{L}])(?:above|below|ahead of|in line with|within|exceed(?:ed|s|ing)?|beat|beating|top|midpoint|über|unter|oberhalb|unterhalb)(?:[\s\u00a0]+(?:of|the|our|its|their|previous|prior|der|die|dem|den|unserer|seiner|ihrer|eigenen|range|high|low|end|upper|lower))*[\s\u00a0]+$/iu;

const CLAUSE_BREAK = /[;]|,(?!\d)|\s[–—]\s|\s(?:während|aber|doch|jedoch|while|but|whereas)\s/u;
/** Where a forward-looking verb's reach ends in its sentence. */
const SENTENCE_TURN = /[;]|\s[–—]\s|\s(?:während|aber|jedoch|nachdem|while|but|whereas|after)\s/u;

/** The figure a cue at `at` binds to: the nearest one in the cue's clause. */
function nearest(spans: readonly Span[], text: string, at: number, end: number, taken: readonly (Basis | undefined)[]): number {
  let best = -1;
  let bestDistance = Infinity;
  spans.forEach((s, i) => {
    if (taken[i] !== undefined) return;
    const between = s.start >= end ? text.slice(end, s.start) : text.slice(s.end, at);
    if (CLAUSE_BREAK.test(between)) return;
    const distance = s.start >= end ? s.start - end : at - s.end;
    if (distance >= 0 && distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

/**
 * A clause that opens with an earlier period states that period's values: "Im Vorjahr hatte der Konzern noch 2,3
 * Mrd. Euro verdient", "A year ago, revenue was $2 billion".
 */
const PRIOR_OPENING: Readonly<Record<RuleLanguage, RegExp>> = {
  de: w('^[\\s\\u00a0]*(?:im[\\s\\u00a0]+vorjahr(?:eszeitraum|esquartal)?|vor[\\s\\u00a0]+einem[\\s\\u00a0]+jahr|ein[\\s\\u00a0]+jahr[\\s\\u00a0]+(?:zuvor|davor|vorher)|im[\\s\\u00a0]+gleichen[\\s\\u00a0]+zeitraum[\\s\\u00a0]+des[\\s\\u00a0]+vorjahres)(?![\\p{L}]),?[^,;:]*$'),
  en: w('^[\\s\\u00a0]*(?:a[\\s\\u00a0]+year[\\s\\u00a0]+(?:ago|earlier|before)|in[\\s\\u00a0]+the[\\s\\u00a0]+(?:prior|previous|year-ago|same)[- ](?:year[\\s\\u00a0]+)?(?:period|quarter|year))(?![\\p{L}]),?[^,;:]*$'),
};
/** A figure in a "when" clause after a comparison period: "against the second quarter of 2020 when our organic change was -9.9%". */
const COMPARISON_PERIOD_WHEN: Readonly<Record<RuleLanguage, RegExp>> = {
  de: w('(?<![\\p{L}])(?:gegenüber|verglichen[\\s\\u00a0]+mit)[\\s\\u00a0]+[^;:]{0,50}?(?:19|20)\\d\\d,?[\\s\\u00a0]+als(?![\\p{L}])[^;:]{0,100}$'),
  en: w('(?<![\\p{L}])(?:against|compare[sd]?[\\s\\u00a0]+(?:with|to)|versus|vs\\.?)[\\s\\u00a0]+[^;:]{0,50}?(?:19|20)\\d\\d,?[\\s\\u00a0]+when(?![\\p{L}])[^;:]{0,100}$'),
};

function priorAt(text: string, s: Span, language: RuleLanguage): boolean {
  const before = text.slice(Math.max(0, s.start - 60), s.start);
  const after = text.slice(s.end, s.end + 60);
  if (PRIOR_AFTER[language].test(after)) return true;
  const head = text.slice(0, s.start);
  if (PRIOR_OPENING[language].test(head)) return true;
  if (COMPARISON_PERIOD_WHEN[language].test(head)) return true;
  // "(2019: 17,4 %, 2018: 18,1 Prozent)": every year-labelled value inside a comparison parenthesis is earlier.
  if (/\([^()]{0,60}(?<![\p{N}])(?:19|20)\d\d:[\s\u00a0]*$/u.test(before)) return true;
  // "nach einem Gewinn von 21 Mio." is prior only with the earlier period named after it.
  const named = /vorjahr|zuvor|vor einem jahr/iu.test(after.slice(0, 40));
  if (COMPARED_BEFORE[language].test(before) && (named || !/nach(?:[\s\u00a0]+\S+){1,5}[\s\u00a0]*$/iu.test(before))) return true;
  if (PRIOR_BEFORE[language].test(before)) {
    // "nach 4,2 Mrd." is prior only when the earlier period is named: "nach 4,2 Mrd. Euro im Vorjahr".
    return !/(?<![\p{L}])nach[\s\u00a0]+(?:\S+[\s\u00a0]+)?$/iu.test(before) || /vorjahr|zuvor|vor einem jahr/iu.test(after.slice(0, 40));
  }
  // "from X to Y" and "to Y from X": X is the earlier value.
  return FROM_BEFORE[language].test(before) && (TO_AFTER[language].test(after) || TO_BEFORE[language].test(before));
}

/** The basis of each figure of a sentence (undefined: the reported, current figure). */
export function basesOf(text: string, spans: readonly Span[], language: RuleLanguage): (Basis | undefined)[] {
  const out: (Basis | undefined)[] = spans.map((s) => (priorAt(text, s, language) ? 'prior' : undefined));
  // "from $3.41 in the second quarter and $2.75 a year ago", "$187 million or $1.98 per share": coordinated with an earlier value.
  spans.forEach((s, i) => {
    const previous = spans[i - 1];
    if (i > 0 && out[i] === undefined && out[i - 1] === 'prior' && previous !== undefined
      && COORDINATED.test(text.slice(previous.end, s.start))) out[i] = 'prior';
  });
  const bind = (re: RegExp, basis: Basis, governsAfter: boolean): void => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const at = m.index;
      const end = at + m[0].length;
      if (basis === 'guidance' && MEASURED_AGAINST.test(text.slice(Math.max(0, at - 50), at))) continue;
      // "schwächer als von Analysten erwartet", "better than analysts expected": the figure is the result measured against them.
      if (basis !== 'target' && THAN_BEFORE.test(text.slice(Math.max(0, at - 30), at))) continue;
      if (governsAfter) {
        spans.forEach((s, i) => {
          if (s.start >= end && out[i] === undefined && !SENTENCE_TURN.test(text.slice(end, s.start))) out[i] = basis;
        });
      }
      // The nearest figure, or when another basis holds it, the nearest without one: "hob das Kursziel von 50 auf 60 Euro an".
      const closest = nearest(spans, text, at, end, []);
      const i = closest >= 0 && out[closest] !== undefined && out[closest] !== basis ? nearest(spans, text, at, end, out) : closest;
      if (i >= 0 && out[i] === undefined) out[i] = basis;
    }
  };
  // A target names itself ("Kursziel", "price target") even where analysts set it.
  bind(TARGET[language], 'target', false);
  bind(ESTIMATE[language], 'estimate', false);
  bind(GUIDANCE[language], 'guidance', true);
  return out;
}

/** What {@link revisionsOf} compares: a figure's kind, value (range), currency and span. */
export interface Comparable {
  kind: FigureKind;
  value: number;
  valueMax?: number | undefined;
  currency?: string | undefined;
  start: number;
  end: number;
}

const middle = (f: Comparable): number => (f.valueMax === undefined ? f.value : (f.value + f.valueMax) / 2);
/** Before an earlier value: the words that say it was the forecast now replaced. */
const REPLACED = /(?<![\p{L}])(?:zuvor|bisher|bislang|ursprünglich|statt|previous|previously|prior|earlier|original|originally)(?![\p{L}])[^.;]{0,40}$/iu;
/** After an earlier value: a year-ago period, so the value is last year's result, not the forecast replaced. */
const YEAR_AGO = /^[^.;]{0,30}?(?:vorjahr|vor einem jahr|year ago|year earlier|prior year|previous year|last year)/iu;

/**
 * A forecast revised by the numbers: a guidance figure stated beside the earlier forecast it replaces ("rechnet nun
 * mit 4,6 bis 4,8 Mrd. Euro, zuvor waren es rund 5 Mrd.", "expects $2.85 to $3.10, up from a previous range of …")
 * is cut when below it and raised when above. Per figure: the revision of a guidance figure, else null; and whether
 * a prior figure is that earlier forecast.
 */
export function revisionsOf(text: string, figures: readonly Comparable[], bases: readonly (Basis | undefined)[]): { revision: ('cut' | 'raised' | null)[]; priorForecast: boolean[] } {
  const same = (a: Comparable, b: Comparable): boolean => a.kind === b.kind && a.currency === b.currency;
  const replaced = figures.map((f, i) => bases[i] === 'prior'
    && REPLACED.test(text.slice(Math.max(0, f.start - 60), f.start)) && !YEAR_AGO.test(text.slice(f.end)));
  const revision = figures.map((f, i) => {
    if (bases[i] !== 'guidance') return null;
    const prior = figures.find((g, j) => replaced[j] === true && same(f, g));
    if (prior === undefined || middle(prior) === middle(f)) return null;
    return middle(f) < middle(prior) ? 'cut' as const : 'raised' as const;
  });
  const priorForecast = figures.map((f, i) => replaced[i] === true && figures.some((g, j) => bases[j] === 'guidance' && same(f, g)));
  return { revision, priorForecast };
}
