/** Builds the source HTTP client from the validated configuration, and a one-document fetch on top of it. */
import type { FetchConfig } from '../../config.ts';
import { DigestError } from '../../errors.ts';
import { createHttpClient, type HttpClient, type HttpClientOptions } from './client.ts';
import type { HostLimiter } from './limiter.ts';

/** Per-call overrides of the configured limits (CLI flags). */
export interface FetchOverrides {
  timeoutMs?: number;
  maxBytes?: number;
}

/** `hostLimiter`: per-host slots shared beyond this client (a cluster's); absent, the client limits hosts itself. */
export function createConfiguredHttpClient(config: FetchConfig, overrides: FetchOverrides = {}, hostLimiter?: HostLimiter): HttpClient {
  const maxBytes = overrides.maxBytes ?? config.maxBytes;
  const options: HttpClientOptions = {
    totalTimeoutMs: overrides.timeoutMs ?? config.timeoutMs,
    connectTimeoutMs: Math.min(config.connectTimeoutMs, overrides.timeoutMs ?? config.connectTimeoutMs),
    maxBytes,
    maxCompressedBytes: overrides.maxBytes === undefined ? config.maxCompressedBytes : Math.min(config.maxCompressedBytes, maxBytes),
    perHostConcurrency: config.perHostConcurrency,
    allowPrivateHosts: config.allowPrivateHosts,
    ...(hostLimiter === undefined ? {} : { hostLimiter }),
  };
  if (config.userAgent !== null) options.userAgent = config.userAgent;
  return createHttpClient(options);
}

/** A fetched document: raw bytes plus what is needed to decode them. */
export interface FetchedDocument {
  bytes: Uint8Array;
  contentType: string | null;
  /** URL after redirects. */
  url: string;
}

/** GETs one document (no validators, so never "not modified"). Throws the client's `fetch/*` DigestErrors. */
export async function fetchDocument(http: HttpClient, url: string): Promise<FetchedDocument> {
  const result = await http.get(url);
  if (result.status !== 'ok') throw new DigestError('fetch/http-status', `unexpected "not modified" for ${url}`, { context: { status: 304 } });
  return { bytes: result.bytes, contentType: result.contentType, url: result.url };
}
