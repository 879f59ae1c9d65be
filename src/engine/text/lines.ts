/**
 * Line-level tests shared by the summarizer and the risk detector: whether a
 * sentence is a question, page furniture (separators, links, promos, a line
 * without lower-case letters) or a repeat of the title.
 */

import { quickTest } from './quick-regex.ts';

const TRAILING_CLOSERS_RE = /["'”“’‘»«)\]›‹\s]+$/u;
const QUESTION_RE = /\?$/u;
const hasFurnitureMark = quickTest(new RegExp(
  [
    '[|➤✓✔►▶•©®]', 'https?://', 'www\\.', '@\\w+\\.\\w',
    '\\b(?:lesen sie (?:auch|mehr)|mehr zum thema|jetzt (?:abonnieren|anmelden|lesen|kaufen)|zum artikel|newsletter|anzeige|werbung|cookie)',
    '\\b(?:read more|click here|sign up|subscribe|advertisement|all rights reserved|follow us|share this)',
  ].join('|'),
  'iu',
));
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
  return hasFurnitureMark(text) || !LOWER_RE.test(text);
}

const SIMPLIFY_RE = /[^\p{L}\p{N}]+/gu;

/** Lower-case letters and digits only, single-spaced: for comparing lines with the title. */
export function simplify(text: string): string {
  return text.toLowerCase().replace(SIMPLIFY_RE, ' ').trim();
}

const RUN_RE = /[\p{L}\p{N}]+/gu;

/**
 * Whether `text` starts with the title, both {@link simplify simplified}: a line that adds nothing to the
 * title. The simplified text is the runs of letters and digits of the lower-cased text joined by single
 * spaces; it is compared run by run, so a line that differs early is not simplified to its end.
 */
export function repeatsTitle(text: string, simplifiedTitle: string): boolean {
  const t = simplifiedTitle;
  if (t.length === 0) return false;
  const lower = text.toLowerCase();
  let at = 0;
  RUN_RE.lastIndex = 0;
  for (let m = RUN_RE.exec(lower); m !== null; m = RUN_RE.exec(lower)) {
    if (at > 0) {
      if (t[at] !== ' ') return false;
      at++;
      if (at === t.length) return true;
    }
    const run = m[0];
    const n = Math.min(run.length, t.length - at);
    if (!t.startsWith(n === run.length ? run : run.slice(0, n), at)) return false;
    at += n;
    if (at === t.length) return true;
  }
  return false;
}
