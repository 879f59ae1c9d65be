/**
 * Page furniture at sentence level: what a scraped article carries besides
 * its text and what must never stand in a summary, even when extraction let
 * it through glued into a paragraph. Bylines ("By . Associated Press ."),
 * publication stamps ("PUBLISHED: . 14:11 EST, 25 October 2013 ."),
 * datelines made only of dates and times, photo captions and credits
 * ("(pictured)", "Foto: dpa", "Getty Images"), and calls to action
 * ("Scroll down for video", "click here", "Lesen Sie auch", "mehr dazu").
 */

/** Words of a date or a time stamp (lower-case), besides numbers. */
const STAMP_WORDS = new Set([
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug',
  'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
  'januar', 'jänner', 'februar', 'märz', 'mai', 'juni', 'juli', 'oktober', 'dezember',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag',
  'est', 'edt', 'gmt', 'bst', 'utc', 'cet', 'cest', 'mez', 'mesz', 'pst', 'pdt', 'am', 'pm', 'uhr', 'on', 'at', 'um',
  'am', 'last', 'updated', 'published', 'posted', 'aktualisiert', 'veröffentlicht', 'publiziert', 'stand', 'th', 'st', 'nd', 'rd',
]);

const STAMP_TOKEN_RE = /[\p{L}\p{N}]+/gu;
const LETTER_RE = /\p{L}/u;

/** A sentence made only of dates, times, time zones and stamp words ("14:11 EST, 25 October 2013 ."). */
export function isDateStamp(text: string): boolean {
  const tokens = text.toLowerCase().match(STAMP_TOKEN_RE) ?? [];
  if (tokens.length === 0 || !tokens.some((t) => /\p{N}/u.test(t))) return false;
  return tokens.every((t) => !LETTER_RE.test(t) || STAMP_WORDS.has(t) || /^\p{N}+(?:st|nd|rd|th)$/u.test(t));
}

/** Publication stamps and bylines at the start of a sentence. */
const STAMP_START_RE = new RegExp(
  '^(?:\\|\\s*)?(?:(?:last\\s+)?(?:published|updated|posted|modified)\\s*(?::|\\bat\\b|\\bon\\b)'
  + '|(?:zuletzt\\s+)?(?:veröffentlicht|aktualisiert|publiziert)\\s*(?::|\\bam\\b|\\bum\\b)|stand:'
  + '|by\\s*\\.)',
  'iu',
);

/** A by-line as a sentence of its own: "By Jane Doe and John Roe, Political Editor ." (no verb, only names). */
const BYLINE_RE = /^(?:[Bb]y|BY|[Vv]on|VON)\s+\p{Lu}[\p{L}.'-]*(?:\s*[,&|]|\s+(?:and|und|for|für)|\s+\p{Lu}[\p{L}.'-]*)*\s*[.|]?$/u;

/** A short run of capitalized words and nothing else ("Daily Mail Reporter ."): a credit or a label. */
const TITLE_CASE_RE = /^\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,4}\s*[.:|]?$/u;

/** Captions and credits: a position note in brackets, a credit label, an agency credit. */
const CAPTION_RE = new RegExp(
  '\\((?:pictured|pictured\\s+\\w+|left|right|centre|center|above|below|top|bottom|inset|file(?:\\s+(?:photo|picture|image))?'
  + '|l|r|c|im bild|links|rechts|mitte|oben|unten|archivbild|symbolbild)\\)'
  + '|(?:^|[\\s(])(?:photo|picture|image|credit|source|video|foto|bild|quelle|grafik|fotos|bilder|video)\\s*:'
  + '|\\b(?:getty images|afp/getty|reuters/|/reuters|ap photo|keystone|dpa/|/dpa|epa/|imago|shutterstock|istock|alamy)\\b'
  + '|\\bfile photo\\b|\\bsymbolbild\\b|\\barchivbild\\b',
  'iu',
);

/** Calls to action and pointers to other pages, in English and German. */
const CALL_TO_ACTION_RE = new RegExp(
  '\\b(?:scroll down|click here|read more|read:|see more|see also|watch the video|watch:|pictured:|find out more|tap here'
  + '|sign up|subscribe|follow us|share this|download the app|lesen sie (?:auch|mehr|hier)|mehr dazu|mehr zum thema'
  + '|mehr infos?|hier klicken|klicken sie|zum artikel|zum video|zur bildstrecke|bildstrecke|weiterlesen|jetzt lesen'
  + '|hier geht(?:\'s|s| es) zum|alle infos|im video|video:|folgen sie uns|abonnieren sie|teilen sie)',
  'iu',
);

/** Why a sentence is page furniture, or null when it is not. */
export function furnitureKind(text: string): 'stamp' | 'byline' | 'caption' | 'call-to-action' | null {
  const t = text.trim();
  if (isDateStamp(t)) return 'stamp';
  if (BYLINE_RE.test(t) || /^by\s*\.$/iu.test(t) || TITLE_CASE_RE.test(t)) return 'byline';
  if (STAMP_START_RE.test(t)) return 'stamp';
  if (CAPTION_RE.test(t)) return 'caption';
  if (CALL_TO_ACTION_RE.test(t)) return 'call-to-action';
  return null;
}
