/**
 * Tokens that end in a period without ending a sentence, per language.
 * Entries are compared case-sensitively without their final period; the
 * "may end" lists hold abbreviations that often close a sentence too.
 */
import type { RuleLanguage } from '../types.ts';

const COMMON = [
  'Dr', 'Prof', 'St', 'Nr', 'No', 'Nos', 'vs', 'bzw', 'ca', 'z', 'B', 'u', 'a', 'd', 'h', 'v', 'Chr', 'ggf', 'inkl',
  'evtl', 'vgl', 'sog', 'rd', 'max', 'min', 'Abs', 'Art', 'Kap', 'gem', 'Hr', 'Fr', 'Str', 'Mio', 'Mrd', 'Bio', 'Tsd',
  'Jan', 'Feb', 'Mrz', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Okt', 'Oct', 'Nov', 'Dez', 'Dec',
  'zB', 'z.B', 'u.a', 'd.h', 'i.d.R', 'u.U', 'v.a', 'o.ä', 'z.T', 'e.V', 'Mass', 'Calif', 'Fla', 'Wash',
];

const GERMAN = [
  'bspw', 'bzgl', 'ehem', 'einschl', 'entspr', 'erg', 'geb', 'gegr', 'Hrsg', 'i', 'R', 'insb', 'Jh', 'Jhd', 'jährl',
  'lt', 'mtl', 'o', 'ä', 'Pkt', 'Ref', 's', 'S', 'sen', 'jun', 'urspr', 'usf', 'vs', 'z', 'T', 'zzgl', 'zw', 'Mt',
  'Tel', 'Dipl', 'Ing', 'Kfm', 'Mag', 'Ges', 'Std', 'Mon', 'Gebr', 'Ltd', 'Co', 'Inc', 'Corp', 'Hbf', 'Pf', 'ff',
];

const ENGLISH = [
  'Mr', 'Mrs', 'Ms', 'Messrs', 'Jr', 'Sr', 'Gen', 'Gov', 'Sen', 'Rep', 'Rev', 'Capt', 'Col', 'Lt', 'Sgt', 'Mt', 'Ft',
  'e.g', 'i.e', 'approx', 'est', 'fig', 'Fig', 'cf', 'al', 'Ave', 'Blvd', 'Rd', 'Ph.D', 'U.S', 'U.K', 'U.N', 'E.U',
  'a.m', 'p.m', 'Gov', 'Dept', 'Univ', 'Assn', 'Bros', 'Hon', 'Pres', 'Supt', 'Maj', 'Adm', 'Cmdr',
];

/** Abbreviations that frequently end a sentence as well ("… Harbor Foods Inc. The company …"). */
const MAY_END = ['etc', 'usw', 'Mio', 'Mrd', 'Bio', 'Tsd', 'Inc', 'Corp', 'Co', 'Ltd', 'Bros', 'AG', 'U.S', 'U.K', 'a.m', 'p.m', 'al', 'ff'];

function toSet(...lists: string[][]): ReadonlySet<string> {
  return new Set(lists.flat());
}

export const ABBREVIATIONS: Record<RuleLanguage, ReadonlySet<string>> = {
  de: toSet(COMMON, GERMAN, ['etc', 'usw']),
  en: toSet(COMMON, ENGLISH, ['etc', 'Inc', 'Corp', 'Co', 'Ltd']),
};

export const MAY_END_SENTENCE: ReadonlySet<string> = new Set(MAY_END);

/** Month names (lower-case): a number with a period before them is a date ordinal ("21. Februar"). */
export const MONTHS: ReadonlySet<string> = new Set([
  'januar', 'jänner', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober',
  'november', 'dezember', 'jan', 'feb', 'mrz', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dez',
]);

/** German words after which "<number>." is an ordinal ("im 3. Quartal", "am 21. Februar"). */
export const ORDINAL_CONTEXT: ReadonlySet<string> = new Set([
  'am', 'im', 'zum', 'zur', 'vom', 'beim', 'bis', 'ab', 'seit', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein',
  'eine', 'einem', 'einer', 'eines', 'jeden', 'jedem', 'jeder', 'jedes', 'jede', 'ihr', 'ihre', 'ihrem', 'ihren',
  'ihrer', 'sein', 'seine', 'seinem', 'seinen', 'seiner', 'unser', 'unsere', 'unserem', 'dieses', 'diesem',
  'dieser', 'diesen', 'nach', 'vor', 'zwischen', 'und', 'oder', 'bzw.', 'über', 'unter', 'für', 'auf', 'in',
]);

/**
 * Words that typically open a sentence; after a "may end" abbreviation they
 * signal a boundary. German nouns are capitalized, so capitalization alone
 * says little there.
 */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  'Der', 'Die', 'Das', 'Dies', 'Diese', 'Dieser', 'Er', 'Sie', 'Es', 'Wir', 'Ich', 'Man', 'Doch', 'Aber', 'Auch',
  'Im', 'In', 'Am', 'Als', 'Nach', 'Zudem', 'Außerdem', 'Allerdings', 'Damit', 'Dabei', 'Dennoch', 'Trotzdem',
  'So', 'Wie', 'Was', 'Wer', 'Wenn', 'Ein', 'Eine', 'Mit', 'Für', 'Bei', 'Laut', 'Zuletzt', 'Jetzt', 'Nun',
  'The', 'This', 'That', 'These', 'Those', 'It', 'He', 'She', 'We', 'They', 'I', 'But', 'And', 'However', 'In',
  'On', 'At', 'As', 'After', 'Its', 'Their', 'His', 'Her', 'Our', 'A', 'An', 'For', 'Shares', 'Analysts', 'Meanwhile',
]);
