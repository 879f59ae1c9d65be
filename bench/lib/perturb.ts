/**
 * Deterministic perturbations of a reference summary sentence for the
 * grounding evaluation: one number, currency, scale or name changed. The
 * target words are picked by simple surface rules that do not use the
 * checker's own grammar (so the evaluation does not grade the checker against
 * itself), and a replacement is never a value or word the article contains
 * (a change that happens to state another true fact is no error).
 */

/** A perturbed sentence and what was changed. */
export interface Perturbation {
  kind: 'number' | 'currency' | 'scale' | 'name';
  text: string;
  /** "43 → 34" */
  change: string;
}

const NUMBER = /(?<![\p{L}\p{N}.,])\d+(?:[.,]\d+)?(?![\p{N}])/gu;
const SCALES: readonly (readonly [RegExp, string, string])[] = [
  [/(?<![\p{L}])million(s?)(?![\p{L}])/u, 'million', 'billion'], [/(?<![\p{L}])billion(s?)(?![\p{L}])/u, 'billion', 'million'],
  [/(?<![\p{L}])Millionen(?![\p{L}])/u, 'Millionen', 'Milliarden'], [/(?<![\p{L}])Milliarden(?![\p{L}])/u, 'Milliarden', 'Millionen'],
  [/(?<![\p{L}])Mio\./u, 'Mio.', 'Mrd.'], [/(?<![\p{L}])Mrd\./u, 'Mrd.', 'Mio.'], [/(?<=\d)m(?![\p{L}])/u, 'm', 'bn'],
  [/(?<=\d)bn(?![\p{L}])/u, 'bn', 'm'], [/(?<![\p{L}])thousand(?![\p{L}])/u, 'thousand', 'million'],
  [/(?<![\p{L}])Tausend(?![\p{L}])/u, 'Tausend', 'Millionen'],
];
const CURRENCIES: readonly (readonly [RegExp, string])[] = [
  [/\$/u, '€'], [/£/u, '$'], [/€/u, '$'], [/(?<![\p{L}])(?:dollars?)(?![\p{L}])/iu, 'euros'], [/(?<![\p{L}])(?:pounds?)(?![\p{L}])/iu, 'dollars'],
  [/(?<![\p{L}])Euro(?![\p{L}])/u, 'Dollar'], [/(?<![\p{L}])Franken(?![\p{L}])/u, 'Euro'], [/(?<![\p{L}])Dollar(?![\p{L}])/u, 'Euro'],
  [/(?<![\p{L}])CHF(?![\p{L}])/u, 'EUR'], [/(?<![\p{L}])euros?(?![\p{L}])/iu, 'dollars'],
];
/** Surnames and company names used as replacements (first one the article does not contain). */
const NAMES = ['Lindqvist', 'Okonkwo', 'Marchetti', 'Haverkamp', 'Szabo', 'Nakamura', 'Brennholt', 'Quintero'];
const SKIP_WORDS = /^(?:I|The|A|An|He|She|It|They|We|In|On|At|Of|And|But|For|Police|Der|Die|Das|Ein|Eine|Er|Sie|Es)$/u;
const MONTH_OR_DAY = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Januar|Februar|März|Juni|Juli|Oktober|Dezember|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)$/u;

const splice = (text: string, at: number, length: number, by: string): string => text.slice(0, at) + by + text.slice(at + length);

/** Another value for a written number: digits swapped ("43" → "34"), else changed by a third or by 7. */
function otherNumbers(raw: string): string[] {
  const sep = raw.match(/[.,]/u)?.[0] ?? '';
  const n = Number(raw.replace(',', '.'));
  const out: string[] = [];
  if (/^[1-9][1-9]$/u.test(raw) && raw[0] !== raw[1]) out.push(`${raw[1] ?? ''}${raw[0] ?? ''}`);
  const decimals = (raw.split(/[.,]/u)[1] ?? '').length;
  for (const v of [n + 7, Math.round(n * 1.3 * 10 ** decimals) / 10 ** decimals + 1, n + 13]) {
    out.push(decimals > 0 ? v.toFixed(decimals).replace('.', sep) : String(Math.round(v)));
  }
  return out;
}

function numberChanges(sentence: string, article: string): Perturbation[] {
  const out: Perturbation[] = [];
  for (const m of sentence.matchAll(NUMBER)) {
    if (/^(?:19|20)\d\d$/u.test(m[0]) && out.length > 0) continue;
    const by = otherNumbers(m[0]).find((v) => !new RegExp(`(?<![\\d.,])${v.replace(/[.,]/gu, '[.,]')}(?![\\d])`, 'u').test(article));
    if (by === undefined) continue;
    out.push({ kind: 'number', text: splice(sentence, m.index, m[0].length, by), change: `${m[0]} → ${by}` });
    if (out.length === 2) break;
  }
  return out;
}

function firstSwap(sentence: string, table: readonly (readonly [RegExp, string] | readonly [RegExp, string, string])[], kind: 'scale' | 'currency'): Perturbation[] {
  for (const entry of table) {
    const m = entry[0].exec(sentence);
    if (m === null) continue;
    const by = entry.length === 3 ? m[0].replace(entry[1], entry[2]) : entry[1];
    return [{ kind, text: splice(sentence, m.index, m[0].length, by), change: `${m[0]} → ${by}` }];
  }
  return [];
}

function nameChanges(sentence: string, article: string): Perturbation[] {
  const out: Perturbation[] = [];
  const replacement = NAMES.find((n) => !article.includes(n)) ?? 'Lindqvist';
  for (const m of sentence.matchAll(/(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}{2,}(?![\p{L}'’-])/gu)) {
    const before = sentence.slice(0, m.index).trim();
    if (before === '' || /[.!?:]$/u.test(before) || SKIP_WORDS.test(m[0]) || MONTH_OR_DAY.test(m[0])) continue;
    // A name, not a German noun: the article writes it capitalized and never with an article word before it.
    if (!article.includes(m[0]) || new RegExp(`(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer)\\s+${m[0]}`, 'u').test(article)) continue;
    out.push({ kind: 'name', text: splice(sentence, m.index, m[0].length, replacement), change: `${m[0]} → ${replacement}` });
    if (out.length === 2) break;
  }
  return out;
}

/** Every perturbation of a sentence: up to two numbers, one currency, one scale, up to two names. */
export function perturbations(sentence: string, article: string): Perturbation[] {
  return [
    ...numberChanges(sentence, article),
    ...firstSwap(sentence, CURRENCIES, 'currency'),
    ...firstSwap(sentence, SCALES, 'scale'),
    ...nameChanges(sentence, article),
  ];
}
