import { describe, expect, it } from 'vitest';
import {
  addressAllowed, classifyHost, normalizeHost, parseAllowlist, parseIp, type AddressClass,
} from '../../../../src/sources/http/address.ts';

const TABLE: ReadonlyArray<readonly [string, AddressClass]> = [
  // IPv4, canonical
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['10.0.0.5', 'private'],
  ['10.255.255.255', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['172.32.0.1', 'public'],
  ['192.168.1.1', 'private'],
  ['169.254.169.254', 'link-local'],
  ['169.254.0.1', 'link-local'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'reserved'],
  ['100.64.0.1', 'cgnat'],
  ['100.127.255.255', 'cgnat'],
  ['100.128.0.1', 'public'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'reserved'],
  ['192.0.2.10', 'reserved'],
  ['198.18.0.1', 'reserved'],
  ['93.184.216.34', 'public'],
  ['8.8.8.8', 'public'],
  ['1.1.1.1', 'public'],
  // IPv4, other spellings (normalised by WHATWG URL parsing)
  ['2130706433', 'loopback'],
  ['0x7f000001', 'loopback'],
  ['0x7f.1', 'loopback'],
  ['127.1', 'loopback'],
  ['0177.0.0.1', 'loopback'],
  ['0', 'unspecified'],
  ['0xA9FEA9FE', 'link-local'],
  ['2852039166', 'link-local'],
  ['012.0.0.1', 'private'],
  ['1572395042', 'public'],
  // IPv6
  ['::1', 'loopback'],
  ['[::1]', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['::', 'unspecified'],
  ['fc00::1', 'private'],
  ['fd12:3456:789a::1', 'private'],
  ['fe80::1', 'link-local'],
  ['febf::1', 'link-local'],
  ['ff02::1', 'multicast'],
  ['2001:db8::1', 'reserved'],
  ['2001::1', 'reserved'],
  ['100::1', 'reserved'],
  ['3fff::1', 'public'],
  ['4000::1', 'reserved'],
  ['2606:4700:4700::1111', 'public'],
  ['2a00:1450:4001:80b::200e', 'public'],
  // IPv6 carrying IPv4
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['[::ffff:169.254.169.254]', 'link-local'],
  ['::ffff:10.0.0.1', 'private'],
  ['::ffff:93.184.216.34', 'public'],
  ['::127.0.0.1', 'reserved'],
  ['64:ff9b::7f00:1', 'loopback'],
  ['64:ff9b::808:808', 'public'],
  ['2002:7f00:1::', 'loopback'],
  ['2002:c0a8:101::1', 'private'],
];

describe('classifyHost', () => {
  it.each(TABLE)('given %s, then it is %s', (host, expected) => {
    expect(classifyHost(host)).toBe(expected);
  });

  it('given the table, then it covers at least 30 addresses and every class', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(30);
    expect(new Set(TABLE.map(([, kind]) => kind)).size).toBe(8);
  });

  it('given a host name, then it is not classified (it must be resolved)', () => {
    expect(classifyHost('example.com')).toBeNull();
    expect(classifyHost('localhost')).toBeNull();
  });
});

describe('normalizeHost', () => {
  it('given odd spellings, then the canonical form comes back', () => {
    expect(normalizeHost('2130706433')).toBe('127.0.0.1');
    expect(normalizeHost('[::ffff:127.0.0.1]')).toBe('::ffff:7f00:1');
    expect(normalizeHost('Example.COM')).toBe('example.com');
    expect(normalizeHost('exa mple.com')).toBeNull();
  });
});

describe('parseAllowlist and addressAllowed', () => {
  it('given an address, a CIDR and a name, then ranges match and the name is kept', () => {
    const allow = parseAllowlist(['127.0.0.1', '10.1.0.0/16', 'LocalHost']);
    expect(addressAllowed(parseIp('127.0.0.1')!, allow)).toBe(true);
    expect(addressAllowed(parseIp('127.0.0.2')!, allow)).toBe(false);
    expect(addressAllowed(parseIp('10.1.200.3')!, allow)).toBe(true);
    expect(addressAllowed(parseIp('10.2.0.1')!, allow)).toBe(false);
    expect(addressAllowed(parseIp('::ffff:127.0.0.1')!, allow)).toBe(true);
    expect(allow).toContainEqual({ kind: 'name', name: 'localhost' });
  });

  it('given an empty allowlist, then nothing is allowed', () => {
    expect(addressAllowed(parseIp('127.0.0.1')!, parseAllowlist([]))).toBe(false);
  });

  it('given a bad CIDR, then parsing throws', () => {
    expect(() => parseAllowlist(['10.0.0.0/33'])).toThrow(/CIDR/u);
    expect(() => parseAllowlist(['not a host/8'])).toThrow();
  });
});
