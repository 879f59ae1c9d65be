/**
 * Decides what a fetched body is from its first bytes, not from its URL: the root element of an XML document
 * (after BOM, whitespace, XML declaration, processing instructions, comments and doctype), a JSON Feed version
 * marker, HTML markup, or plain text. The Content-Type header only breaks ties the bytes leave open: a `<feed>`
 * root without a namespace, a JSON object without a version, text that starts without markup.
 */
import { looksBinary } from '../../engine/extract/charset.ts';
import type { SourceType } from './feed-types.ts';

/** How many leading bytes are sniffed. */
const SNIFF_BYTES = 4096;

const ATOM_NAMESPACES = /xmlns(?::\w+)?\s*=\s*["']https?:\/\/(?:www\.w3\.org\/2005\/atom|purl\.org\/atom\/ns#?)\/?["']/iu;
const JSON_FEED_VERSION = /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\/1(?:\.\d+)?\/?"/iu;
/** Root elements that make a document HTML (XHTML included). */
const HTML_ROOTS = new Set([
  'html', 'head', 'body', 'meta', 'title', 'link', 'script', 'style', 'div', 'p', 'span', 'a', 'table', 'section',
  'article', 'main', 'header', 'nav', 'h1', 'h2', 'h3', 'ul', 'ol', 'img', 'br', 'form', 'noscript', 'base', 'iframe',
]);
/** Tags that show a document is HTML even when it does not start with markup. */
const HTML_TAG_INSIDE = /<(?:html|head|body|p|div|br|meta|title|article|h[1-6]|a\s+href)\b/iu;

/** The first bytes as text: BOM-aware, decoded leniently (only ASCII structure is looked at). */
function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const [a, b] = head;
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(head);
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(head);
  return new TextDecoder('utf-8').decode(head); // strips a UTF-8 BOM; stray Latin-1 bytes become U+FFFD
}

/** Skips whitespace, `<?…?>`, `<!--…-->` and `<!DOCTYPE …>` (with an internal subset) at `text`'s start. */
function skipProlog(text: string): { rest: string; doctype: string | null } {
  let rest = text.replace(/^\uFEFF/u, '');
  let doctype: string | null = null;
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith('<?')) {
      const end = rest.indexOf('?>');
      if (end < 0) return { rest: '', doctype };
      rest = rest.slice(end + 2);
    } else if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end < 0) return { rest: '', doctype };
      rest = rest.slice(end + 3);
    } else if (/^<!doctype/iu.test(rest)) {
      const subset = rest.indexOf('[');
      const close = rest.indexOf('>');
      const end = subset >= 0 && subset < close ? rest.indexOf(']>', subset) + 1 : close;
      if (end <= 0) return { rest: '', doctype: rest };
      doctype = rest.slice(0, end + 1);
      rest = rest.slice(end + 1);
    } else {
      return { rest, doctype };
    }
  }
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function typeFromHeader(contentType: string | null): SourceType | null {
  const media = mediaType(contentType);
  if (media === 'application/rss+xml') return 'rss';
  if (media === 'application/atom+xml') return 'atom';
  if (media === 'application/rdf+xml') return 'rdf';
  if (media === 'application/feed+json') return 'json-feed';
  if (media === 'text/html' || media === 'application/xhtml+xml') return 'html';
  if (media === 'text/plain') return 'text';
  return null;
}

/** Type of a document whose first element is `<tag …>` (`tag` lower-cased, namespace prefix kept). */
function typeFromRoot(tag: string, openTag: string, contentType: string | null): SourceType {
  const local = tag.includes(':') ? tag.slice(tag.indexOf(':') + 1) : tag;
  if (local === 'rss') return 'rss';
  if (local === 'rdf') return 'rdf';
  if (local === 'feed') {
    if (ATOM_NAMESPACES.test(openTag)) return 'atom';
    return typeFromHeader(contentType) === 'atom' || !openTag.includes('xmlns') ? 'atom' : 'unknown';
  }
  if (HTML_ROOTS.has(local)) return 'html';
  return typeFromHeader(contentType) === 'html' ? 'html' : 'unknown';
}

function typeOfJson(bytes: Uint8Array, head: string, contentType: string | null): SourceType {
  if (JSON_FEED_VERSION.test(head)) return 'json-feed';
  // The version may come after a long first member: read the whole document once before giving up.
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8').decode(bytes));
    if (typeof value === 'object' && value !== null && 'version' in value) {
      const version = (value as { version: unknown }).version;
      if (typeof version === 'string' && /^https?:\/\/jsonfeed\.org\/version\/1/iu.test(version)) return 'json-feed';
    }
    return typeFromHeader(contentType) === 'json-feed' ? 'json-feed' : 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * The kind of content in `bytes`: a feed format, HTML, plain text, or `unknown` (binary, empty, JSON that is
 * not a JSON Feed, XML that is not a feed). Sniffs the content first; `contentType` only breaks ties.
 */
export function detectSourceType(bytes: Uint8Array, contentType: string | null): SourceType {
  if (bytes.length === 0 || looksBinary(bytes)) return 'unknown';
  const { rest, doctype } = skipProlog(headText(bytes));
  if (rest === '') return doctype !== null && /^<!doctype\s+html/iu.test(doctype) ? 'html' : 'unknown';
  if (rest.startsWith('{')) return typeOfJson(bytes, rest, contentType);
  const root = /^<([a-z][\w.-]*(?::[\w.-]+)?)(?=[\s/>])/iu.exec(rest);
  if (root?.[1] !== undefined) {
    const end = rest.indexOf('>');
    return typeFromRoot(root[1].toLowerCase(), end < 0 ? rest : rest.slice(0, end + 1), contentType);
  }
  if (doctype !== null && /^<!doctype\s+html/iu.test(doctype)) return 'html';
  const header = typeFromHeader(contentType);
  if (header === 'html' || HTML_TAG_INSIDE.test(rest)) return 'html';
  return 'text';
}
