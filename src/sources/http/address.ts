/**
 * IP address classification for the SSRF guard. Addresses are parsed here
 * (IPv4 as a 32-bit number, IPv6 as eight 16-bit groups) so the decision does
 * not depend on string forms: `::ffff:7f00:1`, `::ffff:127.0.0.1` and
 * `127.0.0.1` all classify as loopback. Host spellings such as `2130706433`,
 * `0x7f.1` or `127.1` are normalised by WHATWG URL parsing first.
 */
import { isIP } from 'node:net';

/** Why an address is (or is not) reachable from user-supplied URLs. */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unspecified'
  | 'cgnat'
  | 'multicast'
  | 'reserved';

/** A parsed address: 4 bytes for IPv4, 16 bytes for IPv6. */
export interface ParsedIp {
  family: 4 | 6;
  bytes: Uint8Array;
}

interface Range {
  prefix: ParsedIp;
  bits: number;
  kind: AddressClass;
}

const V4_RANGES: ReadonlyArray<readonly [string, number, AddressClass]> = [
  ['0.0.0.0', 32, 'unspecified'],
  ['0.0.0.0', 8, 'reserved'], // "this network"
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'], // includes 169.254.169.254 (cloud metadata)
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'], // IETF protocol assignments
  ['192.0.2.0', 24, 'reserved'], // TEST-NET-1
  ['192.88.99.0', 24, 'reserved'], // 6to4 relay anycast
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'], // benchmarking
  ['198.51.100.0', 24, 'reserved'], // TEST-NET-2
  ['203.0.113.0', 24, 'reserved'], // TEST-NET-3
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'], // includes 255.255.255.255
];

const V6_RANGES: ReadonlyArray<readonly [string, number, AddressClass]> = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::', 96, 'reserved'], // deprecated IPv4-compatible addresses
  ['64:ff9b:1::', 48, 'private'], // local-use NAT64
  ['100::', 64, 'reserved'], // discard-only
  ['2001::', 23, 'reserved'], // IETF protocol assignments, includes Teredo
  ['2001:db8::', 32, 'reserved'], // documentation
  ['fc00::', 7, 'private'], // unique local
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'private'], // deprecated site-local
  ['ff00::', 8, 'multicast'],
];

function toRanges(table: ReadonlyArray<readonly [string, number, AddressClass]>): Range[] {
  return table.map(([ip, bits, kind]) => {
    const prefix = parseIp(ip);
    if (prefix === null) throw new Error(`bad range ${ip}`);
    return { prefix, bits, kind };
  });
}

const V4 = toRanges(V4_RANGES);
const V6 = toRanges(V6_RANGES);
/** Global unicast 2000::/3: IPv6 outside it is not routable on the internet. */
const V6_GLOBAL = { prefix: parseIp('2000::') as ParsedIp, bits: 3 };

/** Parses a canonical IPv4 or IPv6 literal (no brackets, no zone); null if it is not one. */
export function parseIp(text: string): ParsedIp | null {
  const family = isIP(text);
  if (family === 4) return { family: 4, bytes: parseV4(text) };
  if (family === 6) return { family: 6, bytes: parseV6(text) };
  return null;
}

function parseV4(text: string): Uint8Array {
  return Uint8Array.from(text.split('.').map((part) => Number(part)));
}

function parseV6(text: string): Uint8Array {
  let body = text;
  const lastColon = body.lastIndexOf(':');
  const dotted = body.slice(lastColon + 1);
  if (dotted.includes('.')) {
    const v4 = parseV4(dotted);
    const hex = (hi: number | undefined, lo: number | undefined): string => (((hi ?? 0) << 8) | (lo ?? 0)).toString(16);
    body = `${body.slice(0, lastColon + 1)}${hex(v4[0], v4[1])}:${hex(v4[2], v4[3])}`;
  }
  const groupsOf = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const [head = '', rest] = body.split('::');
  const left = groupsOf(head);
  const right = rest === undefined ? [] : groupsOf(rest);
  const groups = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    bytes[i * 2] = g >> 8;
    bytes[i * 2 + 1] = g & 0xff;
  });
  return bytes;
}

/** Whether `ip` lies in `prefix/bits` (same family only). */
export function inPrefix(ip: ParsedIp, prefix: ParsedIp, bits: number): boolean {
  if (ip.family !== prefix.family) return false;
  for (let i = 0; i < ip.bytes.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((ip.bytes[i] ?? 0) & mask) !== ((prefix.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** The IPv4 address embedded in mapped (::ffff:0:0/96), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) IPv6. */
export function embeddedV4(ip: ParsedIp): ParsedIp | null {
  if (ip.family !== 6) return null;
  const b = ip.bytes;
  const zeros = (from: number, to: number): boolean => b.slice(from, to).every((x) => x === 0);
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return { family: 4, bytes: b.slice(12, 16) };
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) return { family: 4, bytes: b.slice(12, 16) };
  if (b[0] === 0x20 && b[1] === 0x02) return { family: 4, bytes: b.slice(2, 6) };
  return null;
}

/** Classifies a parsed address. Anything not known to be globally routable is not 'public'. */
export function classifyParsed(ip: ParsedIp): AddressClass {
  const inner = embeddedV4(ip);
  if (inner !== null) return classifyParsed(inner);
  const ranges = ip.family === 4 ? V4 : V6;
  const hit = ranges.find((r) => inPrefix(ip, r.prefix, r.bits));
  if (hit !== undefined) return hit.kind;
  if (ip.family === 6 && !inPrefix(ip, V6_GLOBAL.prefix, V6_GLOBAL.bits)) return 'reserved';
  return 'public';
}

/**
 * Normalises a URL host to its canonical form, the way a browser would:
 * `[::1]` → `::1`, `2130706433` / `0x7f000001` / `127.1` / `0177.0.0.1` → `127.0.0.1`,
 * names are lower-cased (punycode for IDN). Returns null for an invalid host.
 */
export function normalizeHost(host: string): string | null {
  const trimmed = host.trim();
  if (isIP(trimmed) === 6) return new URL(`http://[${trimmed}]/`).hostname.slice(1, -1);
  let hostname: string;
  try {
    hostname = new URL(`http://${trimmed}/`).hostname;
  } catch {
    return null;
  }
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
}

/**
 * Classifies a host written in any form. Returns null when the host is a name
 * (not an IP literal in any spelling), which then has to be resolved.
 */
export function classifyHost(host: string): AddressClass | null {
  const normal = normalizeHost(host);
  if (normal === null) return null;
  const ip = parseIp(normal);
  return ip === null ? null : classifyParsed(ip);
}

/** An allowlist entry: a host name, or an address range. */
export type AllowEntry = { kind: 'name'; name: string } | { kind: 'range'; prefix: ParsedIp; bits: number };

/**
 * Parses allowlist entries: `localhost`, `127.0.0.1`, `::1`, `10.0.0.0/8`, `fd00::/8`.
 * @throws Error on an entry that is neither a host name nor a valid address/CIDR (a config mistake).
 */
export function parseAllowlist(entries: readonly string[]): AllowEntry[] {
  return entries.map((entry) => {
    const [addr = '', bitsText] = entry.trim().split('/');
    const ip = parseIp(addr.replace(/^\[|\]$/gu, ''));
    if (ip !== null) {
      const max = ip.family === 4 ? 32 : 128;
      const bits = bitsText === undefined ? max : Number(bitsText);
      if (!Number.isInteger(bits) || bits < 0 || bits > max) throw new Error(`invalid CIDR in allowlist: ${entry}`);
      return { kind: 'range', prefix: ip, bits };
    }
    const name = bitsText === undefined ? normalizeHost(addr) : null;
    if (name === null || name === '') throw new Error(`invalid allowlist entry: ${entry}`);
    return { kind: 'name', name };
  });
}

/** Whether a resolved address is explicitly allowed (also matches the IPv4 inside mapped IPv6). */
export function addressAllowed(ip: ParsedIp, allow: readonly AllowEntry[]): boolean {
  const inner = embeddedV4(ip);
  return allow.some(
    (e) => e.kind === 'range' && (inPrefix(ip, e.prefix, e.bits) || (inner !== null && inPrefix(inner, e.prefix, e.bits))),
  );
}

/** Whether a (normalised) host name is explicitly allowed. */
export function hostAllowed(hostname: string, allow: readonly AllowEntry[]): boolean {
  return allow.some((e) => e.kind === 'name' && e.name === hostname);
}
