/**
 * Line-level evidence that a line of scraped text is page furniture rather
 * than article text: site-name suffixes, marketing bullets, calls to action,
 * cookie and newsletter notices, paywall notices, photo credits,
 * "PUBLISHED:/UPDATED:" stamps and lines of nothing but a date and a time. Tables only; the decisions
 * are made in text.ts.
 */

/** "Some headline… | AlleAktien", "Title - Site": a title card with a site name. */
export const SITE_SUFFIX = /\s[|｜]\s*\p{Lu}[\p{L}\p{N}.&' -]{1,40}$/u;

/** Marketing bullets: "➤ … ✓ Fundamentalanalyse ✓ Fair Value". */
export const MARKETING = /^[➤►▶→»✔✓☞]|✓.*✓/u;

/** Whole lines that are page furniture on their own (compared lower-cased, without trailing ":"). */
export const FURNITURE_LINES: ReadonlySet<string> = new Set([
  'anzeige', 'werbung', 'advertisement', 'sponsored', 'sponsored content', 'ad',
  'mehr zum thema', 'lesen sie auch', 'auch interessant', 'das könnte sie auch interessieren',
  'weitere artikel', 'verwandte artikel', 'empfohlene artikel', 'meistgelesen', 'top-artikel',
  'related', 'related articles', 'related coverage', 'related stories', 'read more', 'more on this story',
  'you may also like', 'recommended', 'most read', 'trending',
  'teilen', 'artikel teilen', 'share', 'share this article', 'share on', 'drucken', 'print',
  'kommentare', 'comments', 'zum artikel', 'weiterlesen', 'mehr lesen', 'newsletter',
  'startseite', 'home', 'impressum', 'datenschutz', 'kontakt', 'privacy policy', 'terms of use',
]);

/** Lines that start like a pointer to another article or a call to action. */
export const FURNITURE_START = new RegExp(
  '^(?:lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|siehe auch|zum thema|passend dazu'
  + '|read (?:more|also)|see also|related:|more:|also read|watch:|listen:|(?:jetzt )?(?:hier )?(?:kostenlos )?'
  + '(?:abonnieren|anmelden|registrieren)\\b|sign up\\b|subscribe (?:now|today|to our)|follow us'
  + '|folgen sie uns|melden sie sich|newsletter\\b|©|copyright\\b|alle rechte vorbehalten|all rights reserved'
  + '|foto:|bild:|quelle:|photo:|image:|credit:|getty images)',
  'iu',
);

/** Most words in a line that {@link STAMP_LINE} or {@link isDateStamp} can mark as furniture (a longer line holds text too). */
export const STAMP_LINE_MAX_WORDS = 25;

/**
 * Short lines that are publication stamps, bylines with stamps, credits or calls to action:
 * "PUBLISHED: 14:11 EST, 25 October 2013", "By . Associated Press . UPDATED: …", "Fotos: Keystone", "Scroll down for video".
 */
export const STAMP_LINE = new RegExp(
  '^(?:by\\s*\\.|(?:published|updated|posted|modified)\\s*:|last updated\\b|(?:veröffentlicht|aktualisiert|publiziert)\\s*:'
  + '|zuletzt aktualisiert\\b|stand:|fotos?\\s*:|bilder\\s*:|photos?\\s*:|pictures?\\s*:|images?\\s*:|credits?\\s*:|sources?\\s*:|scroll down|click here|klicken sie hier'
  + '|hier klicken|mehr dazu\\b|read more:)|\\b(?:published|updated|veröffentlicht|aktualisiert)\\s*:\\s*\\.?\\s*\\d',
  'iu',
);

/** Cookie and consent notices. */
export const COOKIE = /\bcookies?\b.*\b(?:akzeptier|zustimm|einwillig|accept|consent|agree)|\b(?:akzeptier|accept)\w*\b.*\bcookies?\b/iu;

/** Paywall and subscriber-only notices; a hit is also evidence that the text is a teaser. */
export const PAYWALL = new RegExp(
  '(?:nur für (?:abonnenten|abonnentinnen|abonnierende|digital-abonnenten)|exklusiv für abonnenten|mit (?:einem )?\\w*abo\\b'
  + '|jetzt (?:weiterlesen|abonnieren|abo)|weiterlesen mit|um (?:den|diesen) (?:ganzen |vollständigen )?artikel (?:zu )?lesen'
  + '|(?:\\+|plus)-?artikel|this (?:article|story|content) is (?:only )?(?:available )?(?:for|to) (?:subscribers|members)'
  + '|subscribe to (?:continue|read)|to continue reading|already a subscriber|subscribers only'
  + '|you have reached your (?:free )?article limit|become a member to read)',
  'iu',
);

/** A by-line of its own: "Von Max Mustermann", "By Jane Doe". */
export const BYLINE = /^(?:[Vv]on|[Bb]y|VON|BY)\s+(\p{Lu}[\p{L}.'-]+(?:\s+(?:\p{Lu}[\p{L}.'-]*|von|van|de|der))*(?:\s*(?:,|und|and)\s*\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+)*)*)$/u;

/** Sentence-final punctuation, optionally followed by closing quotes or brackets. */
export const SENTENCE_END = /[.!?…:;]["'”“»«’)\]]*$/u;

/** Words of a date or a time stamp (lower-case), besides numbers. */
const STAMP_WORDS: ReadonlySet<string> = new Set([
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug',
  'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
  'januar', 'jänner', 'februar', 'märz', 'mai', 'juni', 'juli', 'oktober', 'dezember',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag',
  'est', 'edt', 'gmt', 'bst', 'utc', 'cet', 'cest', 'mez', 'mesz', 'pst', 'pdt', 'am', 'pm', 'uhr', 'on', 'at', 'um',
  'last', 'updated', 'published', 'posted', 'aktualisiert', 'veröffentlicht', 'publiziert', 'stand',
]);
const STAMP_TOKEN_RE = /[\p{L}\p{N}]+/gu;
const ORDINAL_RE = /^\p{N}+(?:st|nd|rd|th)$/u;
const HAS_LETTER_RE = /\p{L}/u;
const HAS_DIGIT_RE = /\p{N}/u;

/** A line or sentence made only of dates, times, time zones and stamp words ("14:11 EST, 25 October 2013 ."). */
export function isDateStamp(text: string): boolean {
  const lower = text.toLowerCase();
  // Every digit of the text is in one of its tokens.
  if (!HAS_DIGIT_RE.test(lower)) return false;
  STAMP_TOKEN_RE.lastIndex = 0;
  for (let m = STAMP_TOKEN_RE.exec(lower); m !== null; m = STAMP_TOKEN_RE.exec(lower)) {
    const t = m[0];
    if (HAS_LETTER_RE.test(t) && !STAMP_WORDS.has(t) && !ORDINAL_RE.test(t)) return false;
  }
  return true;
}
