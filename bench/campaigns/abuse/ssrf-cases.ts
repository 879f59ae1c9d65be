/**
 * The attack URLs of the SSRF phase. Each is run through `/sources add` and
 * `/summarize` (unless it only makes sense for one) and must be refused with
 * one of the expected codes, without any connection to an internal address.
 */
import type { AbuseServers } from './servers.ts';

/** `args/invalid` stands for the dispatcher's argument check (the URL never reaches the HTTP client). */
export type Refusal = `fetch/${string}` | `source/${string}` | 'args/invalid';

export interface AttackCase {
  name: string;
  group: 'literal' | 'scheme' | 'dns' | 'redirect' | 'announced' | 'resource';
  url(s: AbuseServers): string;
  /** Any of these codes counts as the right refusal. */
  expect: readonly Refusal[];
  /** @defaultValue both */
  commands?: readonly ('sources add' | 'summarize')[];
  /** In the short version (the integration test). @defaultValue false */
  quick?: boolean;
  /** The case waits for the total timeout. */
  slow?: boolean;
}

const BLOCKED: readonly Refusal[] = ['fetch/blocked-address'];
const SCHEME: readonly Refusal[] = ['args/invalid', 'fetch/invalid-url'];
const ip = (s: AbuseServers): string => String(s.internal.port);

export const ATTACK_CASES: readonly AttackCase[] = [
  { name: 'loopback 127.0.0.1', group: 'literal', url: (s) => `http://127.0.0.1:${ip(s)}/secret`, expect: BLOCKED, quick: true },
  { name: 'loopback decimal 2130706433', group: 'literal', url: (s) => `http://2130706433:${ip(s)}/secret`, expect: BLOCKED, quick: true },
  { name: 'loopback octal 0177.0.0.1', group: 'literal', url: (s) => `http://0177.0.0.1:${ip(s)}/secret`, expect: BLOCKED },
  { name: 'loopback hex 0x7f000001', group: 'literal', url: (s) => `http://0x7f000001:${ip(s)}/secret`, expect: BLOCKED },
  { name: 'loopback hex 0x7f.1', group: 'literal', url: (s) => `http://0x7f.1:${ip(s)}/secret`, expect: BLOCKED, quick: true },
  { name: 'loopback short 127.1', group: 'literal', url: (s) => `http://127.1:${ip(s)}/secret`, expect: BLOCKED },
  { name: 'loopback 127.0.0.2', group: 'literal', url: (s) => `http://127.0.0.2:${ip(s)}/secret`, expect: BLOCKED },
  { name: 'IPv6 loopback [::1]', group: 'literal', url: (s) => `http://[::1]:${ip(s)}/secret`, expect: BLOCKED, quick: true },
  { name: 'IPv4-mapped [::ffff:127.0.0.1]', group: 'literal', url: (s) => `http://[::ffff:127.0.0.1]:${ip(s)}/secret`, expect: BLOCKED, quick: true },
  { name: 'IPv4-mapped hex [::ffff:7f00:1]', group: 'literal', url: (s) => `http://[::ffff:7f00:1]:${ip(s)}/secret`, expect: BLOCKED },
  { name: 'NAT64 [64:ff9b::7f00:1]', group: 'literal', url: (s) => `http://[64:ff9b::7f00:1]:${ip(s)}/secret`, expect: BLOCKED },
  { name: '6to4 [2002:7f00:1::]', group: 'literal', url: (s) => `http://[2002:7f00:1::]:${ip(s)}/secret`, expect: BLOCKED },
  { name: 'IPv4-compatible [::127.0.0.1]', group: 'literal', url: (s) => `http://[::127.0.0.1]:${ip(s)}/secret`, expect: BLOCKED },
  { name: 'unspecified 0.0.0.0', group: 'literal', url: (s) => `http://0.0.0.0:${ip(s)}/secret`, expect: BLOCKED, quick: true },
  { name: 'unspecified 0', group: 'literal', url: (s) => `http://0:${ip(s)}/secret`, expect: BLOCKED },
  { name: 'unspecified [::]', group: 'literal', url: (s) => `http://[::]:${ip(s)}/secret`, expect: BLOCKED },
  { name: 'private 10.0.0.1', group: 'literal', url: () => 'http://10.0.0.1/', expect: BLOCKED, quick: true },
  { name: 'private 10.255.255.254', group: 'literal', url: () => 'http://10.255.255.254/', expect: BLOCKED },
  { name: 'private 172.16.0.1', group: 'literal', url: () => 'http://172.16.0.1/', expect: BLOCKED },
  { name: 'private 172.31.255.254', group: 'literal', url: () => 'http://172.31.255.254/', expect: BLOCKED },
  { name: 'private 192.168.1.1', group: 'literal', url: () => 'http://192.168.1.1/', expect: BLOCKED, quick: true },
  { name: 'CGNAT 100.64.0.1', group: 'literal', url: () => 'http://100.64.0.1/', expect: BLOCKED },
  { name: 'CGNAT 100.127.255.254', group: 'literal', url: () => 'http://100.127.255.254/', expect: BLOCKED },
  { name: 'metadata 169.254.169.254', group: 'literal', url: () => 'http://169.254.169.254/latest/meta-data/', expect: BLOCKED, quick: true },
  { name: 'metadata mapped [::ffff:a9fe:a9fe]', group: 'literal', url: () => 'http://[::ffff:a9fe:a9fe]/latest/meta-data/', expect: BLOCKED },
  { name: 'metadata decimal 2852039166', group: 'literal', url: () => 'http://2852039166/latest/meta-data/', expect: BLOCKED },
  { name: 'ULA [fd00::1]', group: 'literal', url: () => 'http://[fd00::1]/', expect: BLOCKED, quick: true },
  { name: 'AWS IPv6 metadata [fd00:ec2::254]', group: 'literal', url: () => 'http://[fd00:ec2::254]/latest/meta-data/', expect: BLOCKED },
  { name: 'link-local [fe80::1]', group: 'literal', url: () => 'http://[fe80::1]/', expect: BLOCKED },
  { name: 'multicast 224.0.0.1', group: 'literal', url: () => 'http://224.0.0.1/', expect: BLOCKED },
  { name: 'broadcast 255.255.255.255', group: 'literal', url: () => 'http://255.255.255.255/', expect: BLOCKED },
  { name: 'https to loopback', group: 'literal', url: (s) => `https://127.0.0.1:${ip(s)}/secret`, expect: BLOCKED },
  { name: 'scheme file:', group: 'scheme', url: () => 'file:///etc/passwd', expect: SCHEME, quick: true },
  { name: 'scheme gopher:', group: 'scheme', url: (s) => `gopher://127.0.0.1:${ip(s)}/_GET%20/secret`, expect: SCHEME },
  { name: 'scheme ftp:', group: 'scheme', url: () => 'ftp://127.0.0.1/etc/passwd', expect: SCHEME },
  { name: 'scheme data:', group: 'scheme', url: () => 'data:text/html,<p>hello</p>', expect: SCHEME },
  { name: 'scheme javascript:', group: 'scheme', url: () => 'javascript:alert(1)', expect: SCHEME },
  { name: 'credentials in URL (internal)', group: 'scheme', url: (s) => `http://admin:admin@127.0.0.1:${ip(s)}/secret`, expect: ['fetch/invalid-url', 'fetch/blocked-address', 'args/invalid'], quick: true },
  { name: 'credentials in URL (attacker)', group: 'scheme', url: (s) => s.attackerUrl('/r301').replace('//', '//user:pass@'), expect: ['fetch/invalid-url', 'args/invalid'] },
  { name: 'DNS localhost', group: 'dns', url: (s) => `http://localhost:${ip(s)}/secret`, expect: BLOCKED, quick: true },
  { name: 'DNS localhost. (trailing dot)', group: 'dns', url: (s) => `http://localhost.:${ip(s)}/secret`, expect: BLOCKED },
  { name: 'DNS name → 127.0.0.1', group: 'dns', url: (s) => `http://internal.test:${ip(s)}/secret`, expect: BLOCKED, quick: true },
  { name: 'DNS name → 169.254.169.254', group: 'dns', url: () => 'http://metadata.test/latest/meta-data/', expect: BLOCKED },
  { name: 'DNS name → 10.0.0.5', group: 'dns', url: () => 'http://intranet.test/', expect: BLOCKED },
  { name: 'DNS name → 100.64.0.7', group: 'dns', url: () => 'http://cgnat.test/', expect: BLOCKED },
  { name: 'DNS name → public + 127.0.0.1', group: 'dns', url: (s) => `http://mixed.test:${ip(s)}/secret`, expect: BLOCKED, quick: true },
  { name: 'DNS name → public v6 + fd00::5', group: 'dns', url: () => 'http://mixed6.test/', expect: BLOCKED },
  { name: 'DNS name → ::ffff:127.0.0.1', group: 'dns', url: (s) => `http://mapped.test:${ip(s)}/secret`, expect: BLOCKED },
  { name: 'redirect 301 → loopback', group: 'redirect', url: (s) => s.attackerUrl('/r301'), expect: BLOCKED, quick: true },
  { name: 'redirect 302 → loopback', group: 'redirect', url: (s) => s.attackerUrl('/r302'), expect: BLOCKED },
  { name: 'redirect 303 → metadata', group: 'redirect', url: (s) => s.attackerUrl('/r303'), expect: BLOCKED },
  { name: 'redirect 307 → loopback', group: 'redirect', url: (s) => s.attackerUrl('/r307'), expect: BLOCKED },
  { name: 'redirect 308 → loopback', group: 'redirect', url: (s) => s.attackerUrl('/r308'), expect: BLOCKED, quick: true },
  { name: 'redirect → DNS name of loopback', group: 'redirect', url: (s) => s.attackerUrl('/r-name'), expect: BLOCKED },
  { name: 'redirect → [::1]', group: 'redirect', url: (s) => s.attackerUrl('/r-ipv6'), expect: BLOCKED },
  { name: 'redirect → decimal loopback', group: 'redirect', url: (s) => s.attackerUrl('/r-decimal'), expect: BLOCKED },
  { name: 'redirect → //loopback (scheme-relative)', group: 'redirect', url: (s) => s.attackerUrl('/r-scheme-relative'), expect: BLOCKED },
  { name: 'redirect → file:', group: 'redirect', url: (s) => s.attackerUrl('/r-file'), expect: ['fetch/invalid-url'], quick: true },
  { name: 'redirect → credentials URL', group: 'redirect', url: (s) => s.attackerUrl('/r-credentials'), expect: ['fetch/invalid-url'] },
  { name: 'redirect chain (3 hops) → loopback', group: 'redirect', url: (s) => s.attackerUrl('/hop1'), expect: BLOCKED },
  { name: 'too many redirects', group: 'redirect', url: (s) => s.attackerUrl('/loop'), expect: ['fetch/too-many-redirects'], quick: true },
  { name: 'page announcing an internal feed', group: 'announced', url: (s) => s.attackerUrl('/announce'), expect: BLOCKED, commands: ['sources add'], quick: true },
  { name: 'feed with internal item links', group: 'announced', url: (s) => s.attackerUrl('/feed-internal'), expect: BLOCKED, commands: ['sources add'], quick: true },
  { name: 'listing page with internal article links', group: 'announced', url: (s) => s.attackerUrl('/listing-internal'), expect: BLOCKED, commands: ['sources add'] },
  { name: 'oversized response headers (64 KiB)', group: 'resource', url: (s) => s.attackerUrl('/big-headers'), expect: ['fetch/too-large'], quick: true },
  { name: 'oversized body declared (50 MiB)', group: 'resource', url: (s) => s.attackerUrl('/big-declared'), expect: ['fetch/too-large'] },
  { name: 'oversized body chunked', group: 'resource', url: (s) => s.attackerUrl('/big-chunked'), expect: ['fetch/too-large'], quick: true },
  { name: 'gzip bomb (zeros)', group: 'resource', url: (s) => s.attackerUrl('/gzip-bomb'), expect: ['fetch/too-large'], quick: true },
  { name: 'brotli bomb (zeros)', group: 'resource', url: (s) => s.attackerUrl('/br-bomb'), expect: ['fetch/too-large'] },
  { name: 'slowloris headers (1 byte / 50 ms)', group: 'resource', url: (s) => s.attackerUrl('/slow-headers'), expect: ['fetch/timeout'], slow: true, quick: true },
  { name: 'slowloris body (1 byte / 50 ms)', group: 'resource', url: (s) => s.attackerUrl('/slow-body'), expect: ['fetch/timeout'], slow: true },
  { name: 'silent server (no headers)', group: 'resource', url: (s) => s.attackerUrl('/silent'), expect: ['fetch/timeout'], slow: true },
];
