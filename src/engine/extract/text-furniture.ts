/**
 * Line-level evidence that a line of scraped text is page furniture rather
 * than article text: site-name suffixes, marketing bullets, calls to action,
 * cookie and newsletter notices, paywall notices. Tables only; the decisions
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
