/**
 * The SSRF guard: only http(s) URLs, and only hosts whose every resolved
 * address is public (or explicitly allowlisted). The checked address is
 * returned so the caller connects to exactly that address (pinning), which
 * defeats a DNS rebind between check and connect.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { DigestError } from '../../errors.ts';
import { addressAllowed, classifyParsed, hostAllowed, normalizeHost, parseIp, type AllowEntry } from './address.ts';

/** One resolved address, as `dns.lookup(host, { all: true })` returns it. */
export interface LookupAddress {
  address: string;
  family: number;
}

/** Resolves a host name to all its addresses. @defaultValue node:dns/promises lookup with `all: true` */
export type LookupFn = (hostname: string) => Promise<readonly LookupAddress[]>;

export const systemLookup: LookupFn = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** A URL's host after the check: the address to connect to. */
export interface CheckedTarget {
  hostname: string;
  address: string;
  family: 4 | 6;
}

/**
 * Parses a URL and accepts only http(s) without embedded credentials.
 * @throws DigestError `fetch/invalid-url`
 */
export function parseHttpUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch (err) {
    throw new DigestError('fetch/invalid-url', `not a valid URL: ${raw.slice(0, 200)}`, { cause: err });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DigestError('fetch/invalid-url', `only http(s) URLs can be fetched, not ${url.protocol}`, { context: { url: url.href } });
  }
  if (url.username !== '' || url.password !== '') {
    throw new DigestError('fetch/invalid-url', 'URLs with a user name or password are not fetched', { context: { host: url.host } });
  }
  if (url.hostname === '') throw new DigestError('fetch/invalid-url', `URL has no host: ${raw.slice(0, 200)}`);
  return url;
}

function blocked(url: URL, address: string, kind: string): DigestError {
  const article = /^[aeiu]/u.test(kind) ? 'an' : 'a';
  const setting = `to allow it, add ${address} to the FETCH_ALLOW_PRIVATE_HOSTS setting`;
  return new DigestError('fetch/blocked-address', `refusing to fetch ${url.host}: it points to ${article} ${kind} address (${setting})`, {
    context: { url: url.href, address, addressClass: kind },
  });
}

/**
 * Resolves the URL's host and checks every address; returns the first one.
 * @throws DigestError `fetch/blocked-address` if any address is not public and not allowlisted,
 *   `fetch/network` if the name does not resolve.
 */
export async function checkTarget(url: URL, lookup: LookupFn, allow: readonly AllowEntry[]): Promise<CheckedTarget> {
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const nameAllowed = hostAllowed((normalizeHost(hostname) ?? hostname).replace(/\.$/u, ''), allow);
  const literal = parseIp(hostname);
  let addresses: readonly LookupAddress[];
  if (literal !== null) {
    addresses = [{ address: hostname, family: literal.family }];
  } else {
    try {
      addresses = await lookup(hostname);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      throw new DigestError('fetch/network', `cannot resolve host ${hostname}`, { cause: err, context: { url: url.href, code } });
    }
    if (addresses.length === 0) throw new DigestError('fetch/network', `cannot resolve host ${hostname}`, { context: { url: url.href } });
  }
  for (const { address } of addresses) {
    const ip = parseIp(address);
    if (ip === null) throw blocked(url, address, 'unrecognised');
    const kind = classifyParsed(ip);
    if (kind !== 'public' && !nameAllowed && !addressAllowed(ip, allow)) throw blocked(url, address, kind);
  }
  const first = addresses[0] as LookupAddress;
  return { hostname, address: first.address, family: first.family === 6 ? 6 : 4 };
}
