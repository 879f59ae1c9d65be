/**
 * Readability.js (the baseline to beat) over linkedom or jsdom, returning the
 * extracted article text with blocks separated by blank lines (its
 * `textContent` glues words across block boundaries).
 */
import { Readability } from '@mozilla/readability';
import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { createRequire } from 'node:module';

/** The slice of jsdom used here (the package ships no type declarations). */
interface JsdomModule {
  JSDOM: new (html: string, options: { url?: string; virtualConsole: unknown }) => {
    window: { document: ParsedDocument; close(): void };
  };
  VirtualConsole: new () => unknown;
}
const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom') as JsdomModule;

const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th', 'figure', 'figcaption', 'br', 'hr',
]);

/** Text of an HTML fragment with a blank line at each block boundary. */
export function htmlToBlockText(html: string): string {
  const parts: string[] = [];
  const parser = new Parser({
    onopentag(name) {
      if (BLOCKS.has(name)) parts.push('\n\n');
    },
    ontext(text) {
      parts.push(text);
    },
    onclosetag(name) {
      if (BLOCKS.has(name)) parts.push('\n\n');
    },
  }, { decodeEntities: true });
  parser.end(html);
  return parts.join('').split(/\n\n+/u).map((s) => s.replace(/\s+/gu, ' ').trim()).filter((s) => s !== '').join('\n\n');
}

type ParsedDocument = ConstructorParameters<typeof Readability>[0];

/** Readability's result: the page title and the article text ('' when nothing was found). */
export interface ReadabilityArticle {
  title: string;
  text: string;
}

const NOTHING: ReadabilityArticle = { title: '', text: '' };

function run(document: ParsedDocument): ReadabilityArticle {
  const article = new Readability(document).parse();
  return { title: article?.title ?? '', text: article?.content == null ? '' : htmlToBlockText(article.content) };
}

/** Readability.js over linkedom: title and text. */
export function readabilityArticleLinkedom(html: string): ReadabilityArticle {
  try {
    const { document } = parseHTML(html);
    return run(document as unknown as ParsedDocument);
  } catch {
    return NOTHING;
  }
}

/** Readability.js over linkedom; '' when it finds nothing or fails. */
export function readabilityLinkedom(html: string, _url: string): string {
  return readabilityArticleLinkedom(html).text;
}

const quiet = new VirtualConsole();

/** Readability.js over jsdom: title and text (jsdom's CSS parser throws on some pages). */
export function readabilityArticleJsdom(html: string, url: string): ReadabilityArticle {
  try {
    const dom = new JSDOM(html, url === '' ? { virtualConsole: quiet } : { url, virtualConsole: quiet });
    const result = run(dom.window.document);
    dom.window.close();
    return result;
  } catch {
    return NOTHING;
  }
}

/** Readability.js over jsdom; '' when it finds nothing or fails. */
export function readabilityJsdom(html: string, url: string): string {
  return readabilityArticleJsdom(html, url).text;
}
