import { describe, expect, it } from 'vitest';
import { parseAllowlist } from '../../../../src/sources/http/address.ts';
import { checkTarget, parseHttpUrl, type LookupFn } from '../../../../src/sources/http/guard.ts';
import { digestErrorOf } from '../../../helpers/digest-error-of.ts';

const resolvesTo = (...addresses: string[]): LookupFn => async () =>
  addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
const none = parseAllowlist([]);

const refusal = digestErrorOf;

describe('checkTarget with an injected lookup', () => {
  const url = new URL('https://news.example.com/feed.xml');

  it('given a public name resolving to 10.0.0.5, then fetch/blocked-address', async () => {
    const err = await refusal(checkTarget(url, resolvesTo('10.0.0.5'), none));
    expect(err.code).toBe('fetch/blocked-address');
    expect(err.context).toMatchObject({ address: '10.0.0.5', addressClass: 'private' });
  });

  it('given a public name resolving to 93.184.216.34, then that address is returned to connect to', async () => {
    const target = await checkTarget(url, resolvesTo('93.184.216.34'), none);
    expect(target).toEqual({ hostname: 'news.example.com', address: '93.184.216.34', family: 4 });
  });

  it('given a name resolving to a public and a private address, then it is refused', async () => {
    expect((await refusal(checkTarget(url, resolvesTo('93.184.216.34', '192.168.0.10'), none))).code).toBe('fetch/blocked-address');
    expect((await refusal(checkTarget(url, resolvesTo('2606:4700::1', '::ffff:127.0.0.1'), none))).code).toBe('fetch/blocked-address');
  });

  it('given a lookup that fails or finds nothing, then fetch/network', async () => {
    const failing: LookupFn = () => Promise.reject(Object.assign(new Error('nx'), { code: 'ENOTFOUND' }));
    expect((await refusal(checkTarget(url, failing, none))).code).toBe('fetch/network');
    expect((await refusal(checkTarget(url, resolvesTo(), none))).code).toBe('fetch/network');
  });

  it('given an IP literal host, then the lookup is not called and the literal is checked', async () => {
    const unused: LookupFn = () => Promise.reject(new Error('must not be called'));
    expect((await refusal(checkTarget(new URL('http://[::ffff:a9fe:a9fe]/'), unused, none))).context?.addressClass).toBe('link-local');
    expect(await checkTarget(new URL('http://[2606:4700::1]/'), unused, none)).toMatchObject({ address: '2606:4700::1', family: 6 });
  });

  it('given an allowlisted name or CIDR, then its private addresses are accepted', async () => {
    const byName = await checkTarget(new URL('http://LocalHost:8080/'), resolvesTo('127.0.0.1', '::1'), parseAllowlist(['localhost']));
    expect(byName.address).toBe('127.0.0.1');
    const byRange = await checkTarget(url, resolvesTo('10.1.2.3'), parseAllowlist(['10.1.0.0/16']));
    expect(byRange.address).toBe('10.1.2.3');
    expect((await refusal(checkTarget(url, resolvesTo('10.2.0.1'), parseAllowlist(['10.1.0.0/16'])))).code).toBe('fetch/blocked-address');
  });
});

describe('parseHttpUrl', () => {
  it('given http(s) URLs, then they parse, relative ones against the base', () => {
    expect(parseHttpUrl('https://example.com/a').href).toBe('https://example.com/a');
    expect(parseHttpUrl('/b?x=1', new URL('http://example.com/a')).href).toBe('http://example.com/b?x=1');
  });

  it.each(['ftp://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi', 'nope', 'http://u:p@example.com/'])(
    'given %s, then fetch/invalid-url',
    (raw) => {
      expect(() => parseHttpUrl(raw)).toThrow(expect.objectContaining({ code: 'fetch/invalid-url' }));
    },
  );
});
