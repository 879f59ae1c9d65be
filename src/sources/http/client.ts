/**
 * The HTTP client for sources, built for hostile input. It uses node:http and
 * node:https directly (not fetch/undici) so that it controls:
 * - the connected address: the host is resolved and checked by the SSRF guard,
 *   and the socket connects to exactly that address (a custom `lookup`);
 * - both size caps: bytes received and bytes after decoding (see body.ts);
 * - a connect timeout (DNS + TCP + TLS) apart from the total timeout.
 * Redirects are followed by hand (at most `maxRedirects`), each target checked
 * again. Failures throw DigestError with `fetch/*` codes.
 */
import { request as httpRequest, maxHeaderSize, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { DigestError } from '../../errors.ts';
import { parseAllowlist } from './address.ts';
import { collectBody, tooLargeError } from './body.ts';
import { checkTarget, parseHttpUrl, systemLookup, type CheckedTarget, type LookupFn } from './guard.ts';
import { createHostLimiter, type HostLimiter } from './limiter.ts';
import {
  acceptHeader, ALL_CONTENT_KINDS, encodingOf, isAcceptedType, mediaTypeOf, parseRetryAfter, REDIRECT_STATUSES, type ContentKind,
} from './response-rules.ts';

/** Starts a timer; returns a function that cancels it. */
export type SetTimer = (fn: () => void, ms: number) => () => void;

/** Options of {@link createHttpClient}. Everything has a default; tests inject the I/O parts. */
export interface HttpClientOptions {
  /** Time allowed for DNS resolution, and again for TCP connect plus TLS handshake, of each request, in ms. @defaultValue 5000 */
  connectTimeoutMs?: number;
  /** Time allowed for a whole `get` (all redirects, headers and body), in ms. @defaultValue 15000 */
  totalTimeoutMs?: number;
  /** Largest body accepted after decoding, in bytes. @defaultValue 5 MiB */
  maxBytes?: number;
  /** Largest body accepted as received on the wire (compressed), in bytes. @defaultValue maxBytes */
  maxCompressedBytes?: number;
  /** Most redirects followed. @defaultValue 5 */
  maxRedirects?: number;
  /** User-Agent header. @defaultValue {@link DEFAULT_USER_AGENT} */
  userAgent?: string;
  /**
   * Hosts and networks that may be reached although they are not public:
   * names (`localhost`), addresses (`127.0.0.1`) or CIDRs (`10.0.0.0/8`).
   * @defaultValue [] (nothing private is reachable)
   */
  allowPrivateHosts?: readonly string[];
  /** DNS resolution. @defaultValue node:dns/promises lookup with `all: true` */
  lookup?: LookupFn;
  /** Requests running at once per host name; more wait in a queue. @defaultValue 2 */
  perHostConcurrency?: number;
  /**
   * Gives out the per-host request slots instead of this client's own limiter of `perHostConcurrency`
   * (e.g. slots shared by every instance of a cluster). @defaultValue a limiter of this client's own
   */
  hostLimiter?: HostLimiter;
  /** Current time in ms since the epoch (for Retry-After dates and deadlines). @defaultValue Date.now */
  now?: () => number;
  /** Timer used for timeouts. @defaultValue setTimeout/clearTimeout */
  setTimer?: SetTimer;
}

/** Options of one {@link HttpClient.get} call. */
export interface GetOptions {
  /** ETag from the previous fetch; sent as If-None-Match. */
  etag?: string;
  /** Last-Modified from the previous fetch; sent as If-Modified-Since. */
  lastModified?: string;
  /** Content kinds accepted; others fail with `fetch/unsupported-type`. @defaultValue all kinds */
  accept?: readonly ContentKind[];
}

/** What a successful `get` returns. */
export type HttpResult =
  | {
      status: 'ok';
      /** The URL after redirects. */
      url: string;
      bytes: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    }
  | { status: 'not-modified' };

/** The client port used by sources. */
export interface HttpClient {
  /**
   * GETs a URL. Throws DigestError: `fetch/invalid-url`, `fetch/blocked-address`, `fetch/timeout`,
   * `fetch/too-large`, `fetch/too-many-redirects`, `fetch/http-status` (context.status),
   * `fetch/rate-limited` (context.retryAfterMs), `fetch/unsupported-type`, `fetch/network`.
   * Never retries: the caller backs off.
   */
  get(url: string, options?: GetOptions): Promise<HttpResult>;
}

export const DEFAULT_USER_AGENT = 'digestbot/0.1 (article digest bot; fetches feeds and pages on behalf of its users)';

export const HTTP_CLIENT_DEFAULTS = {
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  perHostConcurrency: 2,
} as const;

const defaultSetTimer: SetTimer = (fn, ms) => {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
};

type Exchange = { kind: 'redirect'; location: string } | { kind: 'done'; result: HttpResult };

interface Settings {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxBytes: number;
  maxCompressedBytes: number;
  userAgent: string;
  now: () => number;
  setTimer: SetTimer;
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const maxBytes = options.maxBytes ?? HTTP_CLIENT_DEFAULTS.maxBytes;
  const settings: Settings = {
    connectTimeoutMs: options.connectTimeoutMs ?? HTTP_CLIENT_DEFAULTS.connectTimeoutMs,
    totalTimeoutMs: options.totalTimeoutMs ?? HTTP_CLIENT_DEFAULTS.totalTimeoutMs,
    maxBytes,
    maxCompressedBytes: options.maxCompressedBytes ?? maxBytes,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    now: options.now ?? Date.now,
    setTimer: options.setTimer ?? defaultSetTimer,
  };
  const maxRedirects = options.maxRedirects ?? HTTP_CLIENT_DEFAULTS.maxRedirects;
  const allow = parseAllowlist(options.allowPrivateHosts ?? []);
  const lookup = options.lookup ?? systemLookup;
  const limiter = options.hostLimiter ?? createHostLimiter(options.perHostConcurrency ?? HTTP_CLIENT_DEFAULTS.perHostConcurrency);

  return {
    async get(rawUrl, getOptions = {}) {
      let url = parseHttpUrl(rawUrl);
      let deadline: number | undefined;
      for (let redirects = 0; ; redirects++) {
        const release = await limiter.acquire(url.hostname);
        let outcome: Exchange;
        try {
          deadline ??= settings.now() + settings.totalTimeoutMs;
          const target = await withDeadline(checkTarget(url, lookup, allow), url, deadline, settings);
          outcome = await exchange(url, target, deadline, getOptions, settings);
        } finally {
          release();
        }
        if (outcome.kind === 'done') return outcome.result;
        if (redirects >= maxRedirects) {
          throw new DigestError('fetch/too-many-redirects', `more than ${maxRedirects} redirects fetching ${rawUrl}`, {
            context: { url: rawUrl, maxRedirects },
          });
        }
        url = parseHttpUrl(outcome.location, url);
      }
    },
  };
}

function timeoutError(url: URL, ms: number, phase: 'connect' | 'total'): DigestError {
  const what = phase === 'connect' ? 'connecting to' : 'fetching';
  return new DigestError('fetch/timeout', `timed out after ${ms} ms ${what} ${url.host}`, { context: { url: url.href, phase, timeoutMs: ms } });
}

/** Bounds the DNS check by the connect timeout and the total deadline. */
function withDeadline<T>(work: Promise<T>, url: URL, deadline: number, s: Settings): Promise<T> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - s.now();
    const connect = remaining > s.connectTimeoutMs;
    const ms = Math.max(0, Math.min(remaining, s.connectTimeoutMs));
    const cancel = s.setTimer(() => reject(timeoutError(url, connect ? s.connectTimeoutMs : s.totalTimeoutMs, connect ? 'connect' : 'total')), ms);
    work.then(
      (value) => {
        cancel();
        resolve(value);
      },
      (err: unknown) => {
        cancel();
        reject(err);
      },
    );
  });
}

function pinnedLookup(target: CheckedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all === true) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

function requestHeaders(url: URL, getOptions: GetOptions, s: Settings): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    'user-agent': s.userAgent,
    accept: acceptHeader(getOptions.accept ?? ALL_CONTENT_KINDS),
    'accept-encoding': 'gzip, deflate, br',
    host: url.host,
  };
  if (getOptions.etag !== undefined) headers['if-none-match'] = getOptions.etag;
  if (getOptions.lastModified !== undefined) headers['if-modified-since'] = getOptions.lastModified;
  return headers;
}

function networkError(url: URL, err: unknown): DigestError {
  const code = (err as { code?: unknown }).code;
  // Node's HTTP parser stops at 16 KiB of response headers: the host was reached, it answered too much.
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new DigestError('fetch/too-large', `response headers from ${url.host} are larger than ${String(Math.round(maxHeaderSize / 1024))} KiB`, {
      cause: err, context: { url: url.href, code, measure: 'headers', limitBytes: maxHeaderSize },
    });
  }
  if (typeof code === 'string' && code.startsWith('HPE_')) {
    return new DigestError('fetch/network', `${url.host} sent a malformed HTTP response (${code})`, { cause: err, context: { url: url.href, code } });
  }
  const reason = typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
  return new DigestError('fetch/network', `cannot reach ${url.host}: ${reason}`, { cause: err, context: { url: url.href, code } });
}

/** One request/response on a checked, pinned address. */
function exchange(url: URL, target: CheckedTarget, deadline: number, getOptions: GetOptions, s: Settings): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const cleanups: Array<() => void> = [];
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      for (const cleanup of cleanups) cleanup();
      fn();
    };
    const fail = (err: DigestError): void => settle(() => {
      req.destroy();
      reject(err);
    });
    const succeed = (value: Exchange): void => settle(() => resolve(value));

    const remaining = deadline - s.now();
    const https = url.protocol === 'https:';
    const req = (https ? httpsRequest : httpRequest)({
      host: target.hostname,
      port: url.port === '' ? (https ? 443 : 80) : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: requestHeaders(url, getOptions, s),
      agent: false,
      lookup: pinnedLookup(target),
    });
    cleanups.push(s.setTimer(() => fail(timeoutError(url, s.totalTimeoutMs, 'total')), Math.max(0, remaining)));
    if (remaining > s.connectTimeoutMs) {
      const cancelConnect = s.setTimer(() => fail(timeoutError(url, s.connectTimeoutMs, 'connect')), s.connectTimeoutMs);
      cleanups.push(cancelConnect);
      req.on('socket', (socket) => {
        if (!socket.connecting) cancelConnect();
        else socket.once(https ? 'secureConnect' : 'connect', cancelConnect);
      });
    }
    req.on('error', (err) => fail(networkError(url, err)));
    req.on('response', (res) => {
      // A response dropped early (redirect, 304, error status) reports its teardown here; the outcome is already settled.
      res.on('error', () => undefined);
      try {
        const early = classifyResponse(url, res, getOptions, s);
        if (early !== null) {
          succeed(early);
          req.destroy(); // the body of a redirect or 304 is never read
          return;
        }
      } catch (err) {
        fail(err as DigestError);
        return;
      }
      const encoding = encodingOf(res.headers['content-encoding']) ?? 'identity';
      const limits = { maxBytes: s.maxBytes, maxCompressedBytes: s.maxCompressedBytes };
      cleanups.push(collectBody(res, encoding, limits, url.href, {
        fail,
        done: (bytes) => succeed({
          kind: 'done',
          result: {
            status: 'ok',
            url: url.href,
            bytes,
            contentType: res.headers['content-type'] ?? null,
            etag: headerValue(res.headers.etag),
            lastModified: headerValue(res.headers['last-modified']),
          },
        }),
      }));
    });
    req.end();
  });
}

function headerValue(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

/**
 * Decides from status and headers alone: a redirect, not-modified, or an
 * error (thrown). Returns null when the body should be read.
 */
function classifyResponse(url: URL, res: IncomingMessage, getOptions: GetOptions, s: Settings): Exchange | null {
  const status = res.statusCode ?? 0;
  const location = res.headers.location;
  if (REDIRECT_STATUSES.has(status) && location !== undefined && location !== '') return { kind: 'redirect', location };
  if (status === 304) return { kind: 'done', result: { status: 'not-modified' } };
  const retryAfterMs = parseRetryAfter(res.headers['retry-after'], s.now());
  if (status === 429 || (status === 503 && retryAfterMs !== undefined)) {
    const context: Record<string, unknown> = { url: url.href, status };
    if (retryAfterMs !== undefined) context.retryAfterMs = retryAfterMs;
    throw new DigestError('fetch/rate-limited', `${url.host} asks to slow down (HTTP ${status})`, { context });
  }
  if (status < 200 || status >= 300) {
    throw new DigestError('fetch/http-status', `HTTP ${status} fetching ${url.href}`, { context: { url: url.href, status } });
  }
  const contentType = res.headers['content-type'] ?? null;
  if (!isAcceptedType(contentType, getOptions.accept ?? ALL_CONTENT_KINDS)) {
    const media = contentType === null ? 'unknown' : mediaTypeOf(contentType);
    throw new DigestError('fetch/unsupported-type', `unsupported content type ${media} at ${url.href}`, { context: { url: url.href, contentType } });
  }
  const encoding = encodingOf(res.headers['content-encoding']);
  if (encoding === null) {
    throw new DigestError('fetch/unsupported-type', `unsupported content encoding at ${url.href}`, {
      context: { url: url.href, contentEncoding: res.headers['content-encoding'] },
    });
  }
  const declared = Number(res.headers['content-length'] ?? '');
  const cap = encoding === 'identity' ? Math.min(s.maxBytes, s.maxCompressedBytes) : s.maxCompressedBytes;
  if (Number.isFinite(declared) && declared > cap) throw tooLargeError(url.href, cap, 'declared');
  return null;
}
