/**
 * Small HTML ↔ text helpers for feed fields: feed titles and descriptions are often HTML fragments
 * ("&lt;p&gt;Hallo &amp;auml;…"), and the rest of the bot wants plain text.
 */
import { parseHtml } from '../../engine/extract/html/bounded-parser.ts';

/** Elements whose text is never shown. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head', 'title']);
/** Elements that start a new line of text: their text must not run into the neighbour's. */
const BLOCKS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'tr', 'td', 'th',
  'table', 'section', 'article', 'header', 'footer', 'figure', 'figcaption', 'dd', 'dt', 'hr',
]);

/**
 * Plain text of an HTML fragment: tags stripped, entities decoded, whitespace collapsed to single spaces,
 * script/style content dropped, block boundaries kept as spaces. Null when no text is left.
 */
export function htmlToText(html: string | null | undefined): string | null {
  if (html == null || html.trim() === '') return null;
  if (!/[<&]/u.test(html)) return collapse(html);
  const parts: string[] = [];
  let hidden = 0;
  parseHtml(
    html,
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hidden++;
        else if (BLOCKS.has(name)) parts.push(' ');
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BLOCKS.has(name)) parts.push(' ');
      },
      ontext(text) {
        if (hidden === 0) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  return collapse(parts.join(''));
}

/** Markup left after one decoding: a start or end tag of an element, or an entity reference. */
const LEFT_MARKUP = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/iu;
/** How often a title is decoded again when markup is left (double- and triple-escaped feeds). */
const MAX_TITLE_PASSES = 4;

/**
 * A title as plain text: {@link htmlToText}, repeated while what is left still holds tags or entity
 * references (a feed that escaped its markup twice, `&amp;lt;b&amp;gt;`), so no tag, script text or
 * event handler reaches a chat message. Text such as "a < b" or "AT&T" is kept as it is.
 */
export function plainTitle(value: string | null | undefined): string | null {
  let text = htmlToText(value);
  for (let pass = 1; pass < MAX_TITLE_PASSES && text !== null && LEFT_MARKUP.test(text); pass++) text = htmlToText(text);
  return text;
}

/** NFC, whitespace runs (including no-break spaces) collapsed to one space, trimmed; null when empty. */
export function collapse(text: string): string | null {
  const out = text.normalize('NFC').replace(/[\s\u00a0]+/gu, ' ').trim();
  return out === '' ? null : out;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain text as an HTML fragment: escaped, paragraphs (blank-line separated) wrapped in `<p>`. */
export function textToHtml(text: string | null | undefined): string | null {
  if (text == null || text.trim() === '') return null;
  return text
    .split(/\n\s*\n/u)
    .map((para) => para.trim())
    .filter((para) => para !== '')
    .map((para) => `<p>${para.replace(/[&<>"']/gu, (c) => ESCAPES[c] ?? c)}</p>`)
    .join('\n');
}
