/**
 * Named entities of a summary sentence: people, companies and places as a
 * linguist would spot them without a tagger. Acronyms and tickers ("SAP",
 * "NVDA", "iPhone") are names anywhere; in English a capitalized word inside a
 * sentence is a name, and at its start only when a second capitalized word
 * follows ("Bishop John Folda"); in German, where every noun is capitalized,
 * only runs of two or more capitalized words ("Deutsche Bank", "Sturmtief
 * Ignatz") or words with inner capitals count. Month and weekday names are
 * checked as dates, function words never count.
 */
import { scanFigures, type RawFigure } from '../figures/scan.ts';
import type { RuleLanguage } from '../types.ts';
import { isDateWord } from './dates.ts';
import type { NameIndex } from './names.ts';

const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'of', 'for', 'to', 'and', 'or', 'but', 'with', 'by', 'from', 'as', 'it', 'its', 'he',
  'she', 'they', 'we', 'i', 'his', 'her', 'their', 'this', 'that', 'these', 'those', 'after', 'before', 'while', 'when',
  'if', 'there', 'here', 'some', 'many', 'most', 'all', 'both', 'one', 'two', 'new', 'also', 'yet', 'so', 'no', 'not',
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines', 'im', 'am', 'vom', 'zum',
  'zur', 'und', 'oder', 'aber', 'mit', 'von', 'für', 'auf', 'aus', 'bei', 'nach', 'vor', 'er', 'sie', 'es', 'wir', 'ich',
  'auch', 'nun', 'doch', 'dies', 'diese', 'dieser', 'dieses', 'sein', 'seine', 'ihr', 'ihre', 'laut', 'wie', 'wenn',
]);
/** Acronyms of roles, measures and legal forms: written in capitals, but no name. */
const NOT_NAMES = new Set([
  'ceo', 'cfo', 'coo', 'cto', 'cio', 'gdp', 'bip', 'ipo', 'ai', 'ki', 'eps', 'tv', 'pc', 'usd', 'eur', 'chf', 'gbp', 'ag',
  'se', 'gmbh', 'inc', 'ltd', 'plc', 'co', 'corp', 'llc', 'kg', 'ok', 'pm', 'am', 'dr', 'mr', 'mrs', 'ms', 'prof', 'st',
  // Titles before a name say what someone is, not who: "King Richard III", "Sir Alex Ferguson".
  'king', 'queen', 'prince', 'princess', 'sir', 'lord', 'lady', 'pope', 'president', 'chancellor', 'minister', 'senator',
  'governor', 'mayor', 'judge', 'general', 'captain', 'könig', 'königin', 'prinz', 'prinzessin', 'papst', 'präsident',
  'kanzler', 'kanzlerin', 'minister', 'ministerin', 'bürgermeister', 'fürst', 'fürstin', 'herr', 'frau',
]);
/**
 * Words of calls to action that papers set in capitals ("CLICK HERE", "SCROLL DOWN", "WATCH THE VIDEO", "HIER KLICKEN"):
 * shouting, not acronyms.
 */
const CALL_TO_ACTION = new Set([
  'click', 'here', 'read', 'more', 'watch', 'scroll', 'down', 'see', 'below', 'video', 'videos', 'pictures', 'photos',
  'subscribe', 'follow', 'share', 'listen', 'download', 'tap', 'swipe', 'hier', 'klicken', 'klick', 'mehr', 'lesen',
]);
const ALL_CAPS = /^\p{Lu}+$/u;
/** Lower-case particles inside names ("Bank of America", "Ursula von der Leyen"). */
const PARTICLES = new Set(['of', 'de', 'von', 'van', 'der', 'den', 'du', 'da', 'di', 'la', 'le', 'del', 'zu', 'and', '&']);

interface Token {
  word: string;
  start: number;
  /** Punctuation (or the sentence start) stands before it: a run of name words ends there. */
  breakBefore: boolean;
  /** What stands between it and the word before. */
  gap: string;
}

const WORD = /[\p{L}\p{N}&][\p{L}\p{N}.'’&-]*/gu;
const CAPITALIZED = /^\p{Lu}/u;
/** "SAP", "NVDA", "iPhone", "McKinsey", "BioNTech": names wherever they stand. */
const SHAPED = /^(?:\p{Lu}{2,}[\p{Lu}\p{N}]*s?|\p{Ll}+\p{Lu}[\p{L}]*|\p{Lu}\p{Ll}+\p{Lu}[\p{L}]*)$/u;

function tokens(text: string): Token[] {
  let end = 0;
  return [...text.matchAll(WORD)].map((m) => {
    const gap = text.slice(end, m.index);
    end = m.index + m[0].length;
    return { word: m[0].replace(/[.'’-]+$/u, ''), start: m.index, gap, breakBefore: m.index === 0 || /[:;,()«»„“"!?]/u.test(gap) };
  });
}

/** German nouns by their suffix (-ung, -heit, -in/-innen, -ion …): common nouns, not names. */
const GERMAN_NOUN = /(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|erin|erinnen|in|innen|ion|ionen|tät|täten|ismus|nis|nisse|tum|ling|linge|chen|ment|ments|ik|ie|ien|eur|eure|ten|gen|ern|ler)$/u;
/** The commonest endings of German nouns (Frage, Lehrer, Mantel, Garten, Bäckerei, Kultur, Museum): a capitalized word after a determiner with one is a noun. */
const GERMAN_NOUN_ENDING = /(?:e|er|el|en|ei|ur|um|chen|lein)$/u;
/** Frequent German common nouns without such an ending (general frequency vocabulary, not names). */
const GERMAN_COMMON_NOUNS = new Set(`jahr jahre mal teil tag zeit mann frau kind land welt stadt haus geld recht spiel ziel fall grund
punkt sieg platz team job arzt amt bild ort weg art bund text wort satz blick schritt druck kampf krieg streit tod mord
angriff unfall brand sturm schnee regen wind eis feuer wasser luft licht raum markt preis wert plan bericht fund
risiko last kopf hand fuss fuß herz blut leib geist sinn rat staat volk heim hof dorf berg see meer fluss strand
park zoo hund pferd tier auto bus zug flug schiff boot rad weg ticket konto lohn zins kurs deal chef boss star fan
fans coach profi titel tor tore match duell finale saison sport gold silber medaille rang rekord trend test virus
impfstoff problem konzept projekt produkt programm system modell format thema dienst vertrag prozess urteil gericht
gesetz verbot antrag auftrag auftritt besuch abschied beginn start ende schluss rest kreis bezirk kanton verein
konzern betrieb handel verkehr einsatz alarm schaden verlust gewinn umsatz erfolg streik protest skandal verdacht
vorwurf verfahren opfer täter zeuge polizist gast freund feind paar baby sohn stück glück gesicht geschäft blatt buch
brief dach feld fest fleisch gas glas gut haar holz kleid kraft kunst lied loch maß mund netz öl paket pfund reich
salz schild schloss stahl stein stern stoff strom stuhl tisch volk wald werk zelt zug zweck bett heft hemd tal tier
bedarf aufwand anspruch anteil anlass ausgang austausch beitrag bereich beschluss betrag bezug eingriff einfluss
eindruck entscheid entwurf ertrag gehalt genuss hinweis rückgang schutz umgang umfang unterschied verbrauch verkauf
verlauf vorteil nachteil zugang zustand zuwachs alltag anfang ansatz aufstieg ausbau abbau anstieg absturz ausfall
einbruch überfall diebstahl betrug schuss stich schlag tritt biss halt stopp stau lärm rauch duft geschmack
hotel festival restaurant café bar club pilot wolf bär fuchs fisch vogel koch wirt bub mond nacht monat abend morgen
kauf pass kuss zoll flughafen bahnhof hafen spital notfall patient polizist bauer förster
sicht fahrt kunft schrift sucht flucht macht pflicht schicht wahl lage gabe nahme`.split(/\s+/u));
/** Whether a German word is a common noun by its head: a compound ending in a common noun ("Dorfplatz", "Bergbauer") is one. */
function germanCommonHead(lower: string): boolean {
  for (let i = 3; i <= lower.length - 3; i++) if (GERMAN_COMMON_NOUNS.has(lower.slice(i))) return true;
  return false;
}
/** The word opens a clause after a colon or quote ("READ: Berahino …"): capitalized there by position, not as a name. */
function startsClause(tok: Token, index: number): boolean {
  return index === 0 || /:\s*["“«„]?\s*$/u.test(tok.gap);
}

/**
 * Genitive determiners: a capitalized word after one that ends in -s is a masculine or neuter noun in the genitive
 * ("während des Drehs", "eines Jahres"); names of people and most places take no article.
 */
const GERMAN_GENITIVE = /^(?:des|eines|keines|dieses|jenes|meines|deines|seines|ihres|unseres|eures)$/iu;

/** German words after which a capitalized word is a common noun: determiners, contractions, inflected adjectives. */
const GERMAN_DETERMINER = /^(?:das|ein|kein|sein|ihr|mein|unser|zur|zum|im|am|vom|beim|ins|ans|aufs|\p{Ll}+(?:e|en|er|es|em))$/u;

function isNameWord(tok: Token, index: number, all: readonly Token[], language: RuleLanguage): boolean {
  const word = tok.word;
  const lower = word.toLowerCase();
  if (word === '' || FUNCTION_WORDS.has(lower) || NOT_NAMES.has(lower) || isDateWord(word)) return false;
  if (ALL_CAPS.test(word) && CALL_TO_ACTION.has(lower)) return false;
  if (SHAPED.test(word) && /\p{L}{2}/u.test(word)) return true;
  if (!CAPITALIZED.test(word)) return false;
  const next = all[index + 1];
  const prev = all[index - 1];
  const capitalNeighbour = (t: Token | undefined): boolean => t !== undefined && CAPITALIZED.test(t.word)
    && !FUNCTION_WORDS.has(t.word.toLowerCase()) && !isDateWord(t.word);
  const joinsNext = next !== undefined && !next.breakBefore && capitalNeighbour(next);
  const joinsPrev = prev !== undefined && !tok.breakBefore && capitalNeighbour(prev);
  // A clause's first word is capitalized by position: never a name on its own evidence ("Rival Samsung …" → "Samsung").
  if (language === 'en') return !startsClause(tok, index);
  const noun = GERMAN_NOUN.test(word.split('-').pop()?.toLowerCase() ?? '');
  if (noun) return false;
  if ((joinsNext && !startsClause(tok, index)) || (index > 0 && joinsPrev)) return true;
  if (startsClause(tok, index)) return false;
  if (prev !== undefined && !tok.breakBefore && GERMAN_GENITIVE.test(prev.word) && /s$/u.test(word)) return false;
  // A single capitalized word: a name when no determiner or adjective makes it a noun ("Aldi verkauft", "in Hamburg").
  // After one it is still a name when it has none of the common endings of German nouns ("der erste Nakamura"):
  // it then counts only when the article lacks it (and every compound with it), see unsupportedNames.
  return !(prev !== undefined && !tok.breakBefore && GERMAN_DETERMINER.test(prev.word.toLowerCase()))
    || !(GERMAN_NOUN_ENDING.test(lower) || GERMAN_COMMON_NOUNS.has(lower) || germanCommonHead(lower));
}

/** Runs of name words (with particles between them), as written; `masked` spans (figures) are left out. */
export function namesIn(text: string, language: RuleLanguage, masked: readonly { start: number; end: number }[] = []): string[][] {
  const all = tokens(text).filter((t) => !masked.some((m) => t.start >= m.start && t.start < m.end));
  const runs: string[][] = [];
  let run: string[] = [];
  let pendingParticle = false;
  all.forEach((tok, i) => {
    if (tok.breakBefore && run.length > 0) {
      runs.push(run);
      run = [];
    }
    if (isNameWord(tok, i, all, language)) {
      run.push(tok.word);
      pendingParticle = false;
    } else if (run.length > 0 && PARTICLES.has(tok.word.toLowerCase()) && !pendingParticle) {
      pendingParticle = true;
    } else {
      if (run.length > 0) runs.push(run);
      run = [];
      pendingParticle = false;
    }
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

/** A hyphenated word without its parts that are no names ("TV-Show" → "Show", "CEO-Posten" → "Posten"); '' when none is left. */
function nameParts(word: string): string {
  if (!word.includes('-')) return word;
  return word.split('-').filter((part) => !NOT_NAMES.has(part.toLowerCase())).join('-');
}

/** The name words of a summary sentence the article does not contain (inflected or translated), one entry per name. */
export function unsupportedNames(text: string, language: RuleLanguage, article: NameIndex, figures: readonly RawFigure[] = scanFigures(text, language)): string[] {
  return namesIn(text, language, figures)
    .map((run) => run.filter((word) => !article.has(nameParts(word), language === 'de')))
    .filter((missing) => missing.length > 0)
    .map((missing) => missing.join(' '));
}
