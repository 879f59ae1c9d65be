/**
 * Page furniture at sentence level: what a scraped article carries besides
 * its text and what must never stand in a summary, even when extraction let
 * it through glued into a paragraph. Bylines ("By . Associated Press ."),
 * publication stamps ("PUBLISHED: . 14:11 EST, 25 October 2013 ."),
 * datelines made only of dates and times, photo captions and credits
 * ("(pictured)", "Foto: dpa", "Getty Images"), and calls to action
 * ("Scroll down for video", "click here", "Lesen Sie auch", "mehr dazu").
 */
import { isDateStamp } from '../extract/text-furniture.ts';
import { quickTest } from '../text/quick-regex.ts';

/** Publication stamps and bylines at the start of a sentence. */
const STAMP_START_RE = new RegExp(
  '^(?:\\|\\s*)?(?:last\\s+updated\\b|(?:published|updated|posted|modified)\\s*:'
  + '|zuletzt\\s+aktualisiert\\b|(?:veröffentlicht|aktualisiert|publiziert)\\s*:|stand:'
  + '|by\\s*\\.)',
  'iu',
);

/** A by-line as a sentence of its own: "By Jane Doe and John Roe, Political Editor ." (no verb, only names). */
const BYLINE_RE = /^(?:[Bb]y|BY|[Vv]on|VON)\s+\p{Lu}[\p{L}.'-]*(?:\s*[,&|]|\s+(?:and|und|for|für)|\s+\p{Lu}[\p{L}.'-]*)*\s*[.|]?$/u;

/** A short run of capitalized words and nothing else ("Daily Mail Reporter ."): a credit or a label. */
const TITLE_CASE_RE = /^\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){1,4}\s*[.:|]?$/u;

/** Captions and credits: a position note in brackets, a credit label, an agency credit. */
const isCaption = quickTest(new RegExp(
  '\\((?:pictured|pictured\\s+\\w+|left|right|centre|center|above|below|top|bottom|inset|file(?:\\s+(?:photo|picture|image))?'
  + '|l|r|c|im bild|links|rechts|mitte|oben|unten|archivbild|symbolbild)\\)'
  + '|(?:^|[\\s(])(?:photo|picture|image|credit|source|video|foto|bild|quelle|grafik|fotos|bilder|video)\\s*:'
  + '|[(/]\\s*(?:getty(?: images)?|afp|reuters|ap|keystone|dpa|epa|imago|shutterstock|istock|alamy)\\b'
  + '|\\b(?:getty(?: images)?|afp|reuters|keystone|dpa|epa|imago|shutterstock|istock|alamy)\\s*[/)]|\\bap photo\\b'
  + '|\\bfile photo\\b|\\bsymbolbild\\b|\\barchivbild\\b'
  + '|,\\s(?:(?:second|third|far|top|bottom|back|front|pictured)\\s)?(?:left|right|centre|center|above|below|inset|links|rechts|mitte)\\s?,',
  'iu',
));

/** Calls to action and pointers to other pages that open a sentence, in English and German. */
const CALL_TO_ACTION_START_RE = new RegExp(
  '^(?:scroll down|click (?:here|on)|tap here|read (?:more|also|next)\\b|see (?:also|more)\\b|watch (?:the )?video|watch:|find out more'
  + '|sign up (?:for|to|here|now)|subscribe (?:now|here|today|to (?:our|the))|follow us|share (?:this|the) (?:article|story|page)'
  + '|download (?:the|our) app|lesen sie|mehr dazu|mehr zum thema|mehr infos?\\b|hier klicken|klicken sie|zum (?:artikel|video)\\b'
  + '|zur bildstrecke|weiterlesen|jetzt (?:lesen|abonnieren)|hier geht(?:\'s|s| es) zu|alle infos|im video\\b|folgen sie uns'
  + '|abonnieren sie|teilen sie)',
  'iu',
);

/** Calls to action anywhere in a sentence. */
const hasCallToAction = quickTest(new RegExp(
  '\\b(?:scroll down|click here|klicken sie hier|hier klicken|lesen sie (?:auch|mehr|hier)|mehr dazu:|read more:'
  + '|siehe (?:bildstrecke|video|box|oben|unten)|bildstrecke (?:oben|unten))',
  'iu',
));

/** Why a sentence is page furniture, or null when it is not. */
export function furnitureKind(text: string): 'stamp' | 'byline' | 'caption' | 'call-to-action' | null {
  const t = text.trim();
  if (isDateStamp(t)) return 'stamp';
  if (BYLINE_RE.test(t) || /^by\s*\.$/iu.test(t) || TITLE_CASE_RE.test(t)) return 'byline';
  if (STAMP_START_RE.test(t)) return 'stamp';
  if (isCaption(t)) return 'caption';
  if (CALL_TO_ACTION_START_RE.test(t) || hasCallToAction(t)) return 'call-to-action';
  return null;
}
