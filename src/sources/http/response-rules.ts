/**
 * Pure rules applied to a response's headers: Retry-After, accepted content
 * types, content encodings. Kept apart from the socket code so they are unit-tested.
 */

/** Kinds of content a caller accepts; each maps to a set of media types. */
export type ContentKind = 'html' | 'xml' | 'json-feed' | 'text';

const MEDIA_TYPES: Record<ContentKind, readonly string[]> = {
  html: ['text/html', 'application/xhtml+xml'],
  xml: ['application/xml', 'text/xml', 'application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/x-rss+xml'],
  'json-feed': ['application/feed+json', 'application/json'],
  text: ['text/plain'],
};

/** Every kind: what `get` accepts unless told otherwise. */
export const ALL_CONTENT_KINDS: readonly ContentKind[] = ['html', 'xml', 'json-feed', 'text'];

/** The bare media type of a Content-Type header, lower-cased (`text/html; charset=x` → `text/html`). */
export function mediaTypeOf(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Whether a Content-Type is among the accepted kinds. A missing header is
 * accepted: the content is sniffed downstream, and many feeds omit it.
 */
export function isAcceptedType(contentType: string | null, kinds: readonly ContentKind[]): boolean {
  if (contentType === null || contentType.trim() === '') return true;
  const media = mediaTypeOf(contentType);
  return kinds.some((kind) => MEDIA_TYPES[kind].includes(media));
}

/** The Accept header for a set of kinds. */
export function acceptHeader(kinds: readonly ContentKind[]): string {
  const types = kinds.flatMap((kind) => MEDIA_TYPES[kind]);
  return `${types.join(', ')}, */*;q=0.1`;
}

/**
 * Parses Retry-After (delay in seconds, or an HTTP date) into milliseconds from
 * `now`. Returns undefined if absent or unreadable; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  // A server cannot park a source for more than a day (hostile or broken headers stay bounded).
  if (/^\d+$/u.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  if (!/[a-z]/iu.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
}

/** The longest wait a Retry-After header can ask for. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/** Content encodings the client decodes itself. */
export type Encoding = 'identity' | 'gzip' | 'deflate' | 'br';

/** The encoding named by a Content-Encoding header; null if unsupported (e.g. stacked or zstd). */
export function encodingOf(header: string | undefined): Encoding | null {
  const value = (header ?? '').trim().toLowerCase();
  if (value === '' || value === 'identity') return 'identity';
  if (value === 'gzip' || value === 'x-gzip') return 'gzip';
  if (value === 'deflate') return 'deflate';
  if (value === 'br') return 'br';
  return null;
}

/** Statuses that redirect when they carry a Location header. */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
