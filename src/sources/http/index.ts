/** The source HTTP client: hostile-input limits, SSRF guard, conditional GET. */
export {
  createHttpClient, DEFAULT_USER_AGENT, HTTP_CLIENT_DEFAULTS,
  type GetOptions, type HttpClient, type HttpClientOptions, type HttpResult, type SetTimer,
} from './client.ts';
export { ALL_CONTENT_KINDS, type ContentKind } from './response-rules.ts';
export { classifyHost, type AddressClass } from './address.ts';
export { systemLookup, type LookupAddress, type LookupFn } from './guard.ts';
export { createConfiguredHttpClient, fetchDocument, type FetchedDocument, type FetchOverrides } from './from-config.ts';
export { createHostLimiter, type HostLimiter } from './limiter.ts';
