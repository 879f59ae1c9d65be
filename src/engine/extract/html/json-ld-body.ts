/**
 * The article body a page gives only in its JSON-LD (`articleBody`): app shells that render the text in
 * the browser, AMP-less teasers with the full text in their structured data. The body is plain text with
 * line breaks between paragraphs, or (on some sites) HTML; either way it comes out as paragraphs.
 */
import { BLOCK_TAGS } from './patterns.ts';
import { parseHtml } from './bounded-parser.ts';

const SPACE_RUN = /\s+/gu;
const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/iu;
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'figcaption']);
/** Shortest JSON-LD body taken (a description-sized one is a teaser, not the article). */
const MIN_BODY_CHARS = 200;
/** Share of the JSON-LD body's length below which the text found in the markup is not the article. */
const MARKUP_SHARE = 0.5;

function tidy(parts: readonly string[]): string[] {
  return parts.map((p) => p.replace(SPACE_RUN, ' ').trim().normalize('NFC')).filter((p) => p !== '');
}

/** Paragraphs of an `articleBody`: HTML blocks, else blank-line or line-break separated text. */
export function jsonLdParagraphs(body: string): string[] {
  if (!TAG.test(body)) return tidy(body.split(/\n\s*\n/u).length > 1 ? body.split(/\n\s*\n/u) : body.split('\n'));
  const blocks: string[] = [];
  let current = '';
  let hidden = 0;
  const flush = (): void => {
    blocks.push(current);
    current = '';
  };
  parseHtml(body, {
    onopentag(name) {
      if (HIDDEN.has(name)) hidden++;
      else if (BLOCK_TAGS.has(name)) flush();
    },
    onclosetag(name) {
      if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
      else if (BLOCK_TAGS.has(name)) flush();
    },
    ontext(text) {
      if (hidden === 0) current += text;
    },
  }, { decodeEntities: true, lowerCaseTags: true });
  flush();
  return tidy(blocks);
}

/**
 * The JSON-LD body's paragraphs when the markup did not give the article: the text extracted from the
 * markup is under half as long as a JSON-LD body of at least 200 characters. Else null.
 */
export function jsonLdBodyInstead(articleBody: string | null, extracted: readonly string[]): string[] | null {
  if (articleBody === null) return null;
  const paragraphs = jsonLdParagraphs(articleBody);
  const length = paragraphs.reduce((n, p) => n + p.length, 0);
  if (length < MIN_BODY_CHARS) return null;
  const own = extracted.reduce((n, p) => n + p.length, 0);
  return own < length * MARKUP_SHARE ? paragraphs : null;
}
