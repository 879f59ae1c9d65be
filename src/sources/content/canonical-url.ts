/**
 * URL normalisation for deduplication and same-site checks. Pure: no network, no DNS.
 *
 * `canonicalUrl` turns the many spellings of one article address into one key: lower-case scheme and host
 * (the WHATWG URL parser does this), no default port, no fragment, no tracking parameters, remaining query
 * parameters sorted, no trailing slash except on the root path. Path case is kept: paths are case-sensitive.
 */
import { DigestError } from '../../errors.ts';

/** Query parameters that only track where a click came from; they never select different content. */
const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid', 'gclid', 'gbraid', 'wbraid', 'dclid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id', 'igshid', 'srsltid',
  'mc_cid', 'mc_eid', 'mkt_tok', 'ref', 'ref_src', 'ref_url', 'cmpid', 'wt_mc', 'wt.mc_id', 'xtor', 'ocid', 'ncid',
  '_hsenc', '_hsmi', '_ga', '_gl', 'vero_id', 'oly_anon_id', 'oly_enc_id', 'rb_clickid', 's_cid',
]);
/** Prefixes of tracking parameter families: Google Analytics `utm_*`, Matomo `pk_*` and `mtm_*`. */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_'] as const;

/** Whether a query parameter name is a tracking parameter (`utm_*`, `pk_*`, `mtm_*` and the names above, any case). */
export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PREFIXES.some((p) => lower.startsWith(p)) || TRACKING_PARAMS.has(lower);
}

/**
 * An absolute http(s) URL without its tracking parameters and fragment, otherwise as given (parameter order,
 * trailing slash and case kept, since a server may tell them apart): how a source's address is stored.
 * @throws DigestError `fetch/invalid-url` when `url` is not an absolute http(s) URL.
 */
export function withoutTracking(url: string): string {
  const parsed = parseHttpUrl(url);
  if (parsed === null) throw new DigestError('fetch/invalid-url', `not an absolute http(s) URL: ${url.slice(0, 200)}`);
  parsed.hash = '';
  const kept = [...parsed.searchParams].filter(([name]) => !isTrackingParam(name));
  if (kept.length !== [...parsed.searchParams].length) parsed.search = new URLSearchParams(kept).toString();
  return parsed.href;
}

/** Parses an absolute http(s) URL, or null when `raw` is not one. */
export function parseHttpUrl(raw: string, base?: string): URL | null {
  let url: URL;
  try {
    url = base === undefined ? new URL(raw.trim()) : new URL(raw.trim(), base);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

function canonicalize(url: URL): string {
  url.hash = '';
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  const params = new URLSearchParams(kept);
  params.sort();
  url.search = params.toString();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/u, '') || '/';
  return url.href;
}

/**
 * The canonical form of an absolute http(s) URL (see the module comment).
 * @throws DigestError `fetch/invalid-url` when `url` is not an absolute http(s) URL.
 */
export function canonicalUrl(url: string): string {
  const parsed = parseHttpUrl(url);
  if (parsed === null) {
    throw new DigestError('fetch/invalid-url', `not an absolute http(s) URL: ${url.slice(0, 200)}`);
  }
  return canonicalize(parsed);
}

/** Like {@link canonicalUrl}, but null for anything that is not an absolute http(s) URL. */
export function tryCanonicalUrl(url: string): string | null {
  const parsed = parseHttpUrl(url);
  return parsed === null ? null : canonicalize(parsed);
}

/** Second-level labels under which ccTLDs register names (example.co.uk, example.com.au, example.or.at). */
const SECOND_LEVEL_LABELS: ReadonlySet<string> = new Set(['co', 'com', 'net', 'org', 'gov', 'gv', 'ac', 'edu', 'or', 'ne', 'go']);
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/u;

/**
 * The registrable part of a host name, approximated without the Public Suffix List: the last two labels,
 * or three when the second-to-last is a common second-level label under a two-letter country TLD
 * (`news.bbc.co.uk` → `bbc.co.uk`). IP addresses and single-label hosts are returned as they are.
 */
export function registrableDomain(host: string): string {
  const lower = host.toLowerCase().replace(/\.$/u, '');
  if (IPV4.test(lower) || lower.startsWith('[')) return lower;
  const labels = lower.split('.');
  if (labels.length <= 2) return lower;
  const tld = labels[labels.length - 1] ?? '';
  const second = labels[labels.length - 2] ?? '';
  const take = tld.length === 2 && SECOND_LEVEL_LABELS.has(second) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/** Whether two hosts belong to the same site (same registrable domain; subdomains count as the same site). */
export function isSameSite(hostA: string, hostB: string): boolean {
  return registrableDomain(hostA) === registrableDomain(hostB);
}
