/**
 * Line-level tests shared by the summarizer and the risk detector: whether a
 * sentence is a question, page furniture (separators, links, promos, a line
 * without lower-case letters) or a repeat of the title.
 */

const TRAILING_CLOSERS_RE = /["'”“’‘»«)\]›‹\s]+$/u;
const QUESTION_RE = /\?$/u;
const FURNITURE_RE = new RegExp(
  [
    '[|➤✓✔►▶•©®]', 'https?://', 'www\\.', '@\\w+\\.\\w',
    '\\b(?:lesen sie (?:auch|mehr)|mehr zum thema|jetzt (?:abonnieren|anmelden|lesen|kaufen)|zum artikel|newsletter|anzeige|werbung|cookie)',
    '\\b(?:read more|click here|sign up|subscribe|advertisement|all rights reserved|follow us|share this)',
  ].join('|'),
  'iu',
);
const LOWER_RE = /\p{Ll}/u;

/** A sentence without its closing quotes and brackets (and trailing white space). */
export function withoutClosers(text: string): string {
  return text.replace(TRAILING_CLOSERS_RE, '');
}

/** Whether a sentence is a question (closing quotes and brackets aside). */
export function isQuestion(text: string): boolean {
  return QUESTION_RE.test(withoutClosers(text.trim()));
}

/** Whether a line looks like page furniture: separators, tick marks, links, promos, or no lower-case letter. */
export function isFurniture(text: string): boolean {
  return FURNITURE_RE.test(text) || !LOWER_RE.test(text);
}

const SIMPLIFY_RE = /[^\p{L}\p{N}]+/gu;

/** Lower-case letters and digits only, single-spaced: for comparing lines with the title. */
export function simplify(text: string): string {
  return text.toLowerCase().replace(SIMPLIFY_RE, ' ').trim();
}

/** Whether `text` starts with the title, both {@link simplify simplified}: a line that adds nothing to the title. */
export function repeatsTitle(text: string, simplifiedTitle: string): boolean {
  return simplifiedTitle.length > 0 && simplify(text).startsWith(simplifiedTitle);
}
