/**
 * Names as the grounding check compares them: a name in a summary stands for
 * the same name in the article when the two differ only by inflection
 * (genitive "-s", German case endings, possessive "'s") or are each other's
 * translation in a small table of common names (countries, cities,
 * institutions, nationality words), or when the summary writes as an acronym
 * a name the article writes out (acronyms.ts).
 */
import { acronymKey, acronymsOf } from './acronyms.ts';

/** Common names and their translations, German | English (lower case; either side may list variants). */
const TRANSLATIONS: readonly (readonly [string, string])[] = [
  ['deutschland', 'germany'], ['deutsch', 'german'], ['münchen', 'munich'], ['münchner', 'munich'], ['wiener', 'viennese'],
  ['zürcher', 'zurich'], ['wiener', 'vienna'], ['köln', 'cologne'], ['nürnberg', 'nuremberg'],
  ['bayern', 'bavaria'], ['hannover', 'hanover'], ['wien', 'vienna'], ['österreich', 'austria'], ['österreichisch', 'austrian'],
  ['schweiz', 'switzerland'], ['schweizer', 'swiss'], ['schweizerisch', 'swiss'], ['zürich', 'zurich'], ['genf', 'geneva'],
  ['europa', 'europe'], ['europäisch', 'european'], ['eu', 'eu'], ['ezb', 'ecb'], ['frankreich', 'france'],
  ['französisch', 'french'], ['italien', 'italy'], ['italienisch', 'italian'], ['spanien', 'spain'], ['spanisch', 'spanish'],
  ['russland', 'russia'], ['russisch', 'russian'], ['moskau', 'moscow'], ['peking', 'beijing'], ['china', 'china'],
  ['chinesisch', 'chinese'], ['japan', 'japan'], ['japanisch', 'japanese'], ['usa', 'us'], ['usa', 'u.s'],
  ['usa', 'america'], ['amerikanisch', 'american'], ['vereinigte', 'united'], ['staaten', 'states'],
  ['großbritannien', 'britain'], ['britisch', 'british'], ['england', 'england'], ['englisch', 'english'],
  ['niederlande', 'netherlands'], ['niederländisch', 'dutch'], ['polen', 'poland'], ['polnisch', 'polish'],
  ['griechenland', 'greece'], ['türkei', 'turkey'], ['dänemark', 'denmark'], ['schweden', 'sweden'],
  ['norwegen', 'norway'], ['finnland', 'finland'], ['tschechien', 'czechia'], ['ungarn', 'hungary'], ['prag', 'prague'],
  ['warschau', 'warsaw'], ['rom', 'rome'], ['mailand', 'milan'], ['venedig', 'venice'], ['lissabon', 'lisbon'],
  ['athen', 'athens'], ['kopenhagen', 'copenhagen'], ['brüssel', 'brussels'], ['belgien', 'belgium'],
  ['ukraine', 'ukraine'], ['ukrainisch', 'ukrainian'], ['indien', 'india'], ['indisch', 'indian'],
  ['nordrhein-westfalen', 'north rhine-westphalia'], ['sachsen', 'saxony'], ['hessen', 'hesse'], ['rhein', 'rhine'],
  ['bundesregierung', 'federal government'], ['bundestag', 'bundestag'], ['kanzler', 'chancellor'],
  ['vereinte', 'united'], ['nationen', 'nations'], ['uno', 'un'], ['nato', 'nato'], ['ostsee', 'baltic'],
  ['nordsee', 'north sea'], ['mittelmeer', 'mediterranean'], ['afrika', 'africa'], ['asien', 'asia'],
];

/**
 * Places, their inhabitants and the adjective, in English and German: any one may stand for another ("Dutch" for
 * "the Netherlands", "Zürich" for "Zürcher", "Spanish" for "Spain"). Lower case, one word each.
 */
const PLACE_GROUPS: readonly string[] = [
  'germany german germans deutschland deutsch', 'spain spanish spaniard spanien spanisch spanier',
  'britain british briton britons brit brits uk u.k großbritannien britisch brite briten', 'netherlands dutch holland niederlande niederländisch holländisch niederländer holländer',
  'france french frankreich französisch franzose franzosen', 'italy italian italien italienisch italiener',
  'russia russian russland russisch russe russen', 'china chinese chinesisch chinese chinesen', 'japan japanese japanisch japaner',
  'usa us u.s america american americans amerikanisch amerikaner', 'austria austrian österreich österreichisch österreicher',
  'switzerland swiss schweiz schweizer schweizerisch', 'greece greek griechenland griechisch grieche griechen',
  'turkey turkish türkei türkisch türke türken', 'poland polish polen polnisch', 'sweden swedish swede schweden schwedisch',
  'norway norwegian norwegen norwegisch norweger', 'denmark danish dänemark dänisch', 'finland finnish finnland finnisch',
  'ukraine ukrainian ukrainisch ukrainer', 'india indian indien indisch inder', 'ireland irish irland irisch',
  'scotland scottish scot scots schottland schottisch schotte', 'wales welsh walisisch', 'belgium belgian belgien belgisch belgier',
  'portugal portuguese portugiesisch portugiese', 'brazil brazilian brasilien brasilianisch brasilianer',
  'mexico mexican mexiko mexikanisch mexikaner', 'canada canadian kanada kanadisch kanadier', 'australia australian aussie australien australisch australier',
  'israel israeli israelisch', 'iran iranian iranisch', 'iraq iraqi irak irakisch', 'syria syrian syrien syrisch', 'egypt egyptian ägypten ägyptisch',
  'afghanistan afghan afghanisch', 'pakistan pakistani pakistanisch', 'korea korean koreanisch', 'europe european europa europäisch europäer',
  'africa african afrika afrikanisch', 'asia asian asien asiatisch', 'monaco monegasque monegasse monegassin monegassisch',
  'zürich zurich zürcher', 'geneva genf genfer', 'bern berner', 'basel basler', 'london londoner', 'paris parisian pariser',
  'berlin berliner', 'hamburg hamburger', 'vienna viennese wien wiener', 'munich münchen münchner', 'cologne köln kölner',
];

/** Each name's translations and related place words, both ways. */
const TRANSLATED: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  const add = (a: string, b: string): void => {
    const list = map.get(a) ?? [];
    if (a !== b && !list.includes(b)) list.push(b);
    map.set(a, list);
  };
  for (const [de, en] of TRANSLATIONS) {
    for (const d of de.split(' ')) for (const e of en.split(' ')) {
      add(d, e);
      add(e, d);
    }
  }
  for (const group of PLACE_GROUPS) {
    const words = group.split(' ');
    for (const a of words) for (const b of words) add(a, b);
  }
  return map;
})();

/** Endings a name may take in running text: genitive, plural, German case and adjective endings. */
const ENDINGS = ['s', 'es', 'n', 'en', 'e', 'er', 'em', 'ern', 'ns'];
const POSSESSIVE = /(?:['’]s|['’])$/u;

/** The lower-case stem a name is compared by: possessive removed. */
export function nameKey(word: string): string {
  return word.toLowerCase().replace(POSSESSIVE, '');
}

/**
 * English nouns for a nation's people built with "-man" / "-woman" ("Dutchman", "Englishwomen", "Scotsman") stand
 * for the nationality word they are built on: its stem when that is a place word of the tables, else null.
 */
function demonymStem(key: string): string | null {
  // Cheap test first: the lazy stem below backtracks over every letter of every word.
  if (!key.endsWith('man') && !key.endsWith('men')) return null;
  const stem = /^(\p{L}{3,}?)(?:man|men|woman|women)$/u.exec(key)?.[1];
  return stem !== undefined && TRANSLATED.has(stem) ? stem : null;
}

/** Forms under which `key` can appear in an article: itself, its inflections and its translations. */
function forms(key: string): string[] {
  const out = [key, ...(TRANSLATED.get(key) ?? [])];
  const demonym = demonymStem(key);
  if (demonym !== null) out.push(demonym, ...(TRANSLATED.get(demonym) ?? []));
  // A summary may also add an ending the article does not have ("Siemens'", "Deutschlands").
  for (const ending of ENDINGS) {
    if (key.length > ending.length + 2 && key.endsWith(ending)) {
      const stem = key.slice(0, -ending.length);
      out.push(stem, ...(TRANSLATED.get(stem) ?? []));
    }
  }
  return out;
}

/** Word keys of an article, for looking names up (each word with its endings stripped as well). */
export class NameIndex {
  private readonly words = new Set<string>();
  /** The acronyms of the article's names, read when an acronym is first looked up. */
  private acronyms: Set<string> | undefined;

  constructor(private readonly text: string) {
    for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.'’&-]*/gu)) {
      const word = nameKey(m[0].replace(/[.'’-]+$/u, ''));
      this.words.add(word);
      const demonym = demonymStem(word);
      if (demonym !== null) this.words.add(demonym);
      if (word.includes('-')) for (const part of word.split('-')) if (part !== '') this.words.add(part);
    }
  }

  /** Whether the article has `form`, as is or with one of the endings. */
  private seen(form: string): boolean {
    if (this.words.has(form)) return true;
    for (const ending of ENDINGS) if (this.words.has(form + ending)) return true;
    return false;
  }

  /**
   * Whether the name word occurs in the article, inflected or translated; with `compounds` (German) also as a part
   * of an article word or with one as its part ("Sturmfluten" for "Sturmflut", "Nordseeküste" for "Küste").
   */
  has(word: string, compounds = false): boolean {
    const key = nameKey(word);
    if (key === '') return true;
    for (const form of forms(key)) if (this.seen(form)) return true;
    if (compounds && key.length >= 4) {
      for (const w of this.words) {
        if (w.startsWith(key) || (key.length >= 5 && w.length >= 5 && (w.includes(key) || key.startsWith(w) || key.endsWith(w)))) return true;
      }
    }
    // "Munich-based", "Siemens-Konzern": the capitalized parts carry the name.
    if (key.includes('-')) {
      return word.split('-').filter((part) => /^\p{Lu}/u.test(part)).every((part) => forms(nameKey(part)).some((f) => this.seen(f)));
    }
    const acronym = acronymKey(word.replace(POSSESSIVE, ''));
    if (acronym === null) return false;
    this.acronyms ??= acronymsOf(this.text);
    return this.acronyms.has(acronym);
  }
}
