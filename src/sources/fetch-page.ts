/**
 * Fetches one page for digesting, with hard limits: a total timeout, a cap on
 * the body size (checked against Content-Length and while streaming), at most
 * `maxRedirects` redirects, and a content-type check. Errors are DigestErrors
 * with `fetch/*` codes and a message fit for a one-line CLI error.
 */
import { DigestError } from '../errors.ts';

/** Options for {@link fetchPage}. */
export interface FetchPageOptions {
  /** Abort the whole request (connect, headers, body) after this many ms. @defaultValue 15000 */
  timeoutMs?: number;
  /** Largest body accepted, in bytes (after decompression). @defaultValue 5 MiB */
  maxBytes?: number;
  /** Most redirects followed. @defaultValue 5 */
  maxRedirects?: number;
  /** User-Agent header sent. @defaultValue 'digestbot/0.1 (+article digests)' */
  userAgent?: string;
  /** The fetch implementation (injected in tests). @defaultValue globalThis.fetch */
  fetch?: typeof fetch;
}

/** A fetched page: raw bytes plus what is needed to decode them. */
export interface FetchedPage {
  bytes: Uint8Array;
  contentType: string | null;
  /** URL after redirects. */
  url: string;
}

const ACCEPTED_TYPES = /^(text\/(html|plain|xml)|application\/(xhtml\+xml|xml|rss\+xml|atom\+xml))\b/iu;

export const DEFAULT_FETCH_LIMITS = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 } as const;

export async function fetchPage(rawUrl: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_LIMITS.timeoutMs;
  const maxBytes = options.maxBytes ?? DEFAULT_FETCH_LIMITS.maxBytes;
  const maxRedirects = options.maxRedirects ?? DEFAULT_FETCH_LIMITS.maxRedirects;
  const doFetch = options.fetch ?? globalThis.fetch;
  const signal = AbortSignal.timeout(timeoutMs);
  let url = parseHttpUrl(rawUrl);

  try {
    for (let hop = 0; ; hop++) {
      const res = await doFetch(url, {
        redirect: 'manual',
        signal,
        headers: {
          'user-agent': options.userAgent ?? 'digestbot/0.1 (+article digests)',
          accept: 'text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1',
        },
      });
      if (res.status >= 300 && res.status < 400 && res.headers.has('location')) {
        await res.body?.cancel();
        if (hop >= maxRedirects) {
          throw new DigestError('fetch/too-many-redirects', `more than ${maxRedirects} redirects fetching ${rawUrl}`);
        }
        url = parseHttpUrl(new URL(res.headers.get('location') ?? '', url).href);
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new DigestError('fetch/http-status', `HTTP ${res.status} fetching ${url.href}`, { context: { status: res.status } });
      }
      const contentType = res.headers.get('content-type');
      if (contentType !== null && !ACCEPTED_TYPES.test(contentType)) {
        await res.body?.cancel();
        throw new DigestError('fetch/content-type', `not a web page (${contentType.split(';')[0]}) at ${url.href}`);
      }
      const declared = Number(res.headers.get('content-length') ?? '');
      if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body?.cancel();
        throw tooLarge(url.href, maxBytes);
      }
      const bytes = await readCapped(res, maxBytes, url.href);
      return { bytes, contentType, url: url.href };
    }
  } catch (err) {
    if (err instanceof DigestError) throw err;
    if (signal.aborted) {
      throw new DigestError('fetch/timeout', `timed out after ${timeoutMs} ms fetching ${url.href}`, { cause: err });
    }
    const reason = describeNetworkError(err);
    throw new DigestError('fetch/unreachable', `cannot reach ${url.href}: ${reason}`, { cause: err });
  }
}

function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (err) {
    throw new DigestError('fetch/bad-url', `not a valid URL: ${raw}`, { cause: err });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DigestError('fetch/bad-url', `only http(s) URLs can be fetched, not ${url.protocol}`);
  }
  return url;
}

async function readCapped(res: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  if (res.body === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(url, maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function tooLarge(url: string, maxBytes: number): DigestError {
  return new DigestError('fetch/too-large', `response larger than ${Math.round(maxBytes / 1024)} KiB from ${url}`);
}

function describeNetworkError(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? code : cause.message;
  }
  return String(cause);
}
