/**
 * Labels for figures whose clause names no metric from the lexicon, read the
 * way a reader does: what a share is of ("50 Prozent der Kunden", "45% of our
 * stores"), the noun right after a German figure ("10 % Vegetarier",
 * "1600 Euro Schadenersatz"), what the verb makes of money ("kostet" → Preis,
 * "invested" → investment), and the English subject of the clause ("hair
 * color was up 19%").
 */
import type { RuleLanguage } from '../types.ts';
import type { Clause } from './context.ts';

const OF_DE = /^[\s\u00a0]+(?:der|des|von|aller|unserer|ihrer)[\s\u00a0]+(?:[\p{Ll}-]+[\s\u00a0]+)?(\p{Lu}[\p{L}-]{2,})/u;
const OF_EN = /^[\s\u00a0]+of[\s\u00a0]+(?:(?:the|our|its|their|all|total)[\s\u00a0]+)?((?:[\p{Ll}&-]+[\s\u00a0]+){0,2}?[\p{Ll}&-]{3,})(?=[\s\u00a0]*(?:[,;.:)]|$|[\s\u00a0](?:in|on|at|for|to|from|with|by|and|or|was|were|is|are|that|which|during|across)(?![\p{L}])))/u;
const NOUN_AFTER_DE = /^[\s\u00a0]+(\p{Lu}\p{Ll}[\p{L}-]{2,})(?![\p{L}])/u;
const NOT_A_LABEL_DE = new Set(['Anfang', 'Ende', 'Mitte', 'Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September',
  'Oktober', 'November', 'Dezember', 'Jahr', 'Jahre', 'Jahren', 'Monat', 'Monate', 'Prozent', 'Euro', 'Dollar', 'Millionen', 'Milliarden',
  'Punkte', 'Punkten', 'Zinsen', 'Plus', 'Minus']);

/** The noun an English amount modifies or is "in": "a $50 million charge", "the $62 million beat", "$20 million in savings". */
const NOUN_AFTER_EN = /^[\s\u00a0]+(?:in[\s\u00a0]+)?(\p{Ll}[\p{Ll}-]{2,})(?=[\s\u00a0,.;:)]|$)/u;
const NOT_A_NOUN_EN = new Set(['was', 'were', 'are', 'been', 'will', 'would', 'could', 'should', 'has', 'have', 'had', 'for', 'from',
  'and', 'per', 'the', 'year', 'years', 'quarter', 'quarters', 'month', 'months', 'last', 'this', 'next', 'each', 'annually',
  'more', 'less', 'than', 'versus', 'compared', 'over', 'higher', 'lower', 'which', 'that', 'with', 'into', 'after', 'before',
  'during', 'through', 'while', 'its', 'our', 'their', 'they', 'total', 'cash', 'net', 'gross', 'about', 'already', 'also',
  'since', 'back', 'out', 'off', 'due', 'against', 'above', 'below', 'under', 'between', 'including', 'excluding', 'this',
  'these', 'those', 'respectively', 'sequentially', 'year-over-year', 'versus', 'when', 'where', 'what', 'annual', 'today']);

const VERB_LABELS: Readonly<Record<RuleLanguage, readonly (readonly [RegExp, string])[]>> = {
  de: [
    [/(?<![\p{L}])(?:kostet|kosten|kostete|kosteten)(?![\p{L}])/iu, 'Preis'],
    [/(?<![\p{L}])(?:gefördert|fördert|förderte)(?![\p{L}])/iu, 'Förderung'],
    [/(?<![\p{L}])(?:investiert|investierte|investieren)(?![\p{L}])/iu, 'Investition'],
    [/(?<![\p{L}])(?:spart|sparen|gespart|einsparen|eingespart)(?![\p{L}])/iu, 'Einsparung'],
    [/(?<![\p{L}])(?:zahlt|zahlte|zahlen|gezahlt|bezahlt)(?![\p{L}])/iu, 'Zahlung'],
    [/(?<![\p{L}])(?:verdient|verdiente|verdienten)(?![\p{L}])/iu, 'Gewinn'],
    [/(?<![\p{L}])(?:übernommen|übernahm|übernimmt|gekauft|kaufte|kauft|erworben|erwarb|erwirbt)(?![\p{L}])/iu, 'Kaufpreis'],
    // "einnehmen", also split: "nahm der Staat damit ein".
    [/(?<![\p{L}])(?:eingenommen|einnahm|einnahmen|einnimmt|(?:nimmt|nahm|nahmen|nehmen)(?![\p{L}])[^,;]{0,60}?[\s\u00a0]ein(?=[\s\u00a0]*[.!?]?$))(?![\p{L}])/iu, 'Einnahmen'],
  ],
  en: [
    [/(?<![\p{L}])(?:costs|cost|priced)(?![\p{L}])/iu, 'price'],
    [/(?<![\p{L}])(?:invested|invest|invests|investing)(?![\p{L}])/iu, 'investment'],
    [/(?<![\p{L}])(?:paid|pays|pay|paying)(?![\p{L}])/iu, 'payment'],
    [/(?<![\p{L}])(?:raised|raises)(?![\p{L}])/iu, 'funding'],
    [/(?<![\p{L}])(?:earned|earns)(?![\p{L}])/iu, 'earnings'],
    [/(?<![\p{L}])(?:acquired|acquires|bought|buys|purchased)(?![\p{L}])/iu, 'purchase price'],
    [/(?<![\p{L}])(?:saved|saves|savings)(?![\p{L}])/iu, 'savings'],
  ],
};

/** The English subject before the clause's verb: "hair color was up 19%", "Total deposits were up 2%". */
const SUBJECT_EN = /(?:^|[\s\u00a0])((?:[\p{L}&'-]+[\s\u00a0]+){0,2}[\p{L}&'-]{3,})[\s\u00a0]+(?:(?:right[\s\u00a0]+)?now[\s\u00a0]+|also[\s\u00a0]+|still[\s\u00a0]+)?(?:was|were|is|are|has been|have been|rose|fell|grew|increased|decreased|declined|improved|remained|totaled|totalled|reached|climbed|dropped|came in|stood)(?![\p{L}])/u;
const DETERMINER = /^(?:the|our|its|their|this|that|these|those|a|an)[\s\u00a0]+/iu;
const NOT_SUBJECT = /^(?:we|it|they|this|that|which|there|he|she|i|you)$/iu;

/** The noun right after a German amount or percent, its head: "150 Euro Ordnungsgeld", "67 Prozent Umsatzzuwachs". */
export function germanNounAfter(text: string, end: number): string | null {
  const noun = NOUN_AFTER_DE.exec(text.slice(end, end + 40))?.[1];
  return noun === undefined || NOT_A_LABEL_DE.has(noun) ? null : noun;
}

/** What a share is of: "70 Prozent der Projekte" → "Projekte", "45% of our store locations" → "store locations". */
export function shareOf(text: string, clause: Clause, end: number, language: RuleLanguage): string | null {
  return (language === 'de' ? OF_DE : OF_EN).exec(text.slice(end, Math.min(clause.end, end + 60)))?.[1] ?? null;
}

/** What a payment is for, in German: "zahlte … zur Abgeltung von 14 Urlaubstagen" → "Zahlung zur Abgeltung". */
const PURPOSE_DE = /(?<![\p{L}])(zur|zum)[\s\u00a0]+(\p{Lu}[\p{L}-]{3,})/u;

/** The verb's label with the purpose its clause states, if any. */
function withPurpose(label: string, part: string, language: RuleLanguage): string {
  const purpose = language === 'de' ? PURPOSE_DE.exec(part) : null;
  return purpose === null ? label : `${label} ${purpose[1] ?? ''} ${purpose[2] ?? ''}`;
}

/** A label for a figure without a metric in its clause, or null. */
export function contextLabel(text: string, clause: Clause, start: number, end: number, money: boolean, language: RuleLanguage): string | null {
  const after = text.slice(end, Math.min(clause.end, end + 60));
  const of = shareOf(text, clause, end, language);
  if (of !== null) return of;
  if (language === 'de') {
    const noun = germanNounAfter(text, end);
    if (noun !== null) return noun;
  }
  if (language === 'en' && money) {
    const noun = NOUN_AFTER_EN.exec(after)?.[1];
    if (noun !== undefined && !NOT_A_NOUN_EN.has(noun)) return noun;
  }
  const part = text.slice(clause.start, clause.end);
  if (money) for (const [verb, label] of VERB_LABELS[language]) if (verb.test(part)) return withPurpose(label, part, language);
  if (language === 'en') {
    const subject = SUBJECT_EN.exec(text.slice(clause.start, start));
    const phrase = subject?.[1]?.replace(DETERMINER, '').trim();
    if (phrase !== undefined && phrase !== '' && !NOT_SUBJECT.test(phrase) && !/\d/u.test(phrase)) return phrase;
  }
  return null;
}
