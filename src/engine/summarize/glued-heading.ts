/**
 * Intertitles glued to the next sentence. Plain text that lost its line
 * breaks runs a German sub-heading into the sentence after it: "Pizza
 * bestellen wird schwierig Das Schloss ist hunderte Jahre alt." or
 * "«Die Verhandlung beginnt draussen» Die Verhandlungen fanden … statt."
 * German capitalizes a closed class of words (conjunctions, sentence
 * adverbs, pronouns, articles) only at the start of a sentence, so such a
 * word after a short unpunctuated run marks where the heading ends and the
 * sentence begins. A summary takes the sentence without the heading.
 */
import type { RuleLanguage } from '../types.ts';

/**
 * Words that, capitalized, only open a sentence: conjunctions, sentence adverbs, contracted prepositions, pronouns
 * ("Man" is left out: English names carry it, "Music Man", "Iron Man").
 */
const OPENERS: ReadonlySet<string> = new Set([
  'Aber', 'Doch', 'Denn', 'Nachdem', 'Als', 'Wenn', 'Während', 'Obwohl', 'Weil', 'Dabei', 'Damit', 'Danach', 'Dann',
  'Deshalb', 'Daher', 'Zudem', 'Ausserdem', 'Außerdem', 'Allerdings', 'Eigentlich', 'Konkret', 'Zuvor', 'Nun',
  'Jetzt', 'Bisher', 'Inzwischen', 'Trotzdem', 'Dennoch', 'Zunächst', 'Schliesslich', 'Schließlich', 'Laut', 'Gemäss',
  'Gemäß', 'Seit', 'Im', 'Am', 'Beim', 'Zum', 'Zur', 'Vom', 'Er', 'Es', 'Wir', 'Ich', 'Dieser', 'Diese', 'Dieses', 'Dies',
]);

/**
 * Articles: they also open names and titles ("die Partei Die Linke"), so they count only when the word
 * before them does not follow an article or preposition of its own.
 */
const ARTICLES: ReadonlySet<string> = new Set(['Der', 'Die', 'Das', 'Den', 'Dem', 'Ein', 'Eine', 'Einen', 'Einem']);

/** Lower-case words after which a noun and a capitalized article form one phrase ("die Zeitung Die Welt"). */
const PHRASE_OPENERS: ReadonlySet<string> = new Set([
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines',
  'von', 'vom', 'bei', 'beim', 'mit', 'für', 'in', 'im', 'an', 'am', 'auf', 'aus', 'zu', 'zum', 'zur', 'laut', 'nach',
]);

/** Fewest and most words of a glued heading. */
const HEADING_WORDS = { min: 2, max: 7 } as const;
/** Fewest words the sentence after the heading keeps. */
const MIN_REST_WORDS = 5;

/** A heading word: no sentence punctuation inside or after it. */
const PLAIN_WORD_RE = /^[\p{L}\p{N}«»"„“”'’-]+$/u;
const UPPER_START_RE = /^[«»"„“]?\p{Lu}/u;
const QUOTED_HEADING_RE = /^[«»"„“][^«»"„“”]+[«»"“”]$/u;
const TERMINAL_RE = /[.!…]["'“”»«]?$/u;

/** Whether `words[k]` can open the sentence that follows a heading of `k` words. */
function opensSentence(words: readonly string[], k: number): boolean {
  const opener = words[k] ?? '';
  if (OPENERS.has(opener)) return true;
  if (!ARTICLES.has(opener)) return false;
  return !PHRASE_OPENERS.has(words[k - 2] ?? '');
}

/** Whether the first `k` words can be a heading that ends before `words[k]` (all of them `plain`). */
function isHeading(words: readonly string[], k: number): boolean {
  if (QUOTED_HEADING_RE.test(words.slice(0, k).join(' '))) return UPPER_START_RE.test(words[k] ?? '');
  if (/[«»"“”]$/u.test(words[k - 1] ?? '')) return false;
  return opensSentence(words, k);
}

/** Whether `text` has at least `n` space-separated words from `from` on. */
function hasWords(text: string, from: number, n: number): boolean {
  let count = 0;
  for (let at = from; at !== -1 && count < n; at = text.indexOf(' ', at + 1)) count++;
  return count >= n;
}

/**
 * The sentence without a sub-heading glued to its start (German text only); the text itself when it has
 * none. The result is a verbatim tail of the text.
 */
export function withoutGluedHeading(text: string, language: RuleLanguage): string {
  if (language !== 'de' || !UPPER_START_RE.test(text) || !TERMINAL_RE.test(text)) return text;
  const words = text.split(' ', HEADING_WORDS.max + 1);
  let offset = 0;
  for (let k = 1; k < words.length; k++) {
    const previous = words[k - 1] ?? '';
    if (!PLAIN_WORD_RE.test(previous)) return text;
    offset += previous.length + 1;
    if (k < HEADING_WORDS.min || !isHeading(words, k)) continue;
    return hasWords(text, offset, MIN_REST_WORDS) ? text.slice(offset) : text;
  }
  return text;
}
