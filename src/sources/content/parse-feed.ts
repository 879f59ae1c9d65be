/**
 * Feed bytes → a normalised, validated {@link ParsedFeed}. Decoding uses the engine's charset decoder (BOM,
 * Content-Type charset, XML encoding declaration, windows-1252 fallback), parsing uses feedsmith (no
 * hand-written XML handling), and the result is checked against the zod schema before it is returned.
 *
 * Before parsing, a namespace prefix on the root is taken off and base64 text constructs are decoded
 * (feed-repair.ts). Bare ampersands (`AT&T`, `?a=1&b=2`) need no repair: the XML parser reads them as text.
 *
 * Errors: anything that is not a readable feed is a DigestError `feed/malformed` with a one-line message.
 * An empty feed (no items) is not an error.
 */
import { DetectError, MalformedError, ParseError, parseAtomFeed, parseJsonFeed, parseRdfFeed, parseRssFeed } from 'feedsmith';
import { decodeHtml } from '../../engine/extract/charset.ts';
import { DigestError } from '../../errors.ts';
import { detectSourceType } from './detect-type.ts';
import { decodeBase64Elements, unprefixRoot } from './feed-repair.ts';
import { parsedFeedSchema } from './feed-types.ts';
import type { FeedFormat, ParsedFeed } from './feed-types.ts';
import { normalizeAtom, normalizeJson, normalizeRdf, normalizeRss } from './normalize-feed.ts';

/** Options for {@link parseFeed}. */
export interface ParseFeedOptions {
  /** The URL the feed was fetched from: the last base for relative links. @defaultValue none */
  feedUrl?: string;
  /** Most items read (the newest come first in nearly every feed). @defaultValue 500 */
  maxItems?: number;
}

const DEFAULT_MAX_ITEMS = 500;

const FORMAT_NAMES: Readonly<Record<FeedFormat, string>> = {
  rss: 'RSS feed', atom: 'Atom feed', rdf: 'RDF feed', 'json-feed': 'JSON Feed',
};

/** One line from a parser error (fast-xml-parser and JSON.parse messages can span lines). */
function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return (message.split('\n')[0] ?? '').trim().slice(0, 160);
}

function malformed(format: FeedFormat, err: unknown, feedUrl: string | null): DigestError {
  const cause: unknown = err instanceof MalformedError && err.cause !== undefined ? err.cause : err;
  const detail = cause instanceof SyntaxError || err instanceof MalformedError ? firstLine(cause) : firstLine(err);
  const reason = detail === '' || detail === 'Invalid feed format'
    ? 'it cannot be read'
    : detail.charAt(0).toLowerCase() + detail.slice(1).replace(/\.$/u, '');
  return new DigestError('feed/malformed', `malformed ${FORMAT_NAMES[format]}: ${reason}`, {
    cause: err,
    context: { format, ...(feedUrl === null ? {} : { url: feedUrl }) },
  });
}

function parseAs(format: FeedFormat, text: string, feedUrl: string | null, maxItems: number): ParsedFeed {
  const options = { maxItems };
  switch (format) {
    case 'rss':
      return normalizeRss(parseRssFeed(text, options), feedUrl);
    case 'atom':
      return normalizeAtom(parseAtomFeed(text, options), feedUrl);
    case 'rdf':
      return normalizeRdf(parseRdfFeed(text, options), feedUrl);
    case 'json-feed':
      // JSON.parse first: its SyntaxError names the problem, feedsmith's own message does not.
      return normalizeJson(parseJsonFeed(JSON.parse(text), options), feedUrl);
  }
}

function isParserError(err: unknown): boolean {
  return err instanceof MalformedError || err instanceof ParseError || err instanceof DetectError || err instanceof SyntaxError;
}

/**
 * Parses RSS 2.0, Atom, RDF or JSON Feed bytes into the normalised shape.
 * @throws DigestError `feed/malformed` when the bytes are not a feed or the feed cannot be parsed.
 */
export function parseFeed(bytes: Uint8Array, contentType: string | null, options: ParseFeedOptions = {}): ParsedFeed {
  const feedUrl = options.feedUrl ?? null;
  const type = detectSourceType(bytes, contentType);
  if (type !== 'rss' && type !== 'atom' && type !== 'rdf' && type !== 'json-feed') {
    const what = type === 'unknown' ? 'unrecognised content' : type === 'text' ? 'plain text' : 'an HTML page';
    throw new DigestError('feed/malformed', `not a feed: the content is ${what}`, {
      context: { detected: type, ...(feedUrl === null ? {} : { url: feedUrl }) },
    });
  }
  const decoded = decodeHtml(bytes, contentType).replace(/^\uFEFF/u, '');
  const text = type === 'json-feed' ? decoded : decodeBase64Elements(unprefixRoot(decoded));
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  let feed: ParsedFeed;
  try {
    feed = parseAs(type, text, feedUrl, maxItems);
  } catch (err) {
    if (isParserError(err)) throw malformed(type, err, feedUrl);
    throw err;
  }
  const checked = parsedFeedSchema.safeParse(feed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue === undefined ? '' : ` (${issue.path.join('.')}: ${issue.message})`;
    throw new DigestError('feed/malformed', `feed content has an unexpected shape${where}`, {
      cause: checked.error,
      context: { format: type, ...(feedUrl === null ? {} : { url: feedUrl }) },
    });
  }
  return checked.data;
}
