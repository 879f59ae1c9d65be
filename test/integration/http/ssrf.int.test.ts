import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../src/sources/http/client.ts';
import type { LookupFn } from '../../../src/sources/http/guard.ts';
import { reply, startFixtureServer, type FixtureServer } from '../../fakes/http-fixtures.ts';
import { digestErrorOf } from '../../helpers/digest-error-of.ts';

let server: FixtureServer;
let port: number;

/** Names the tests resolve themselves; anything else goes to the system resolver (only localhost is used). */
const NAMES: Record<string, string[]> = {
  'fixture.test': ['127.0.0.1'],
  'metadata.test': ['169.254.169.254'],
  'intranet.test': ['10.0.0.5'],
  'mixed.test': ['93.184.216.34', '192.168.0.10'],
};
const lookupCalls: string[] = [];
const lookup: LookupFn = async (host) => {
  lookupCalls.push(host);
  const addresses = NAMES[host];
  if (addresses !== undefined) return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  const { lookup: system } = await import('node:dns/promises');
  return system(host, { all: true });
};

const failure = digestErrorOf;

beforeAll(async () => {
  server = await startFixtureServer({
    '/ok': reply('<p>ok</p>'),
    '/to-literal': (_req, res) => res.writeHead(302, { location: `http://127.0.0.1:${port}/ok` }).end(),
    '/to-metadata': reply('', { location: 'http://169.254.169.254/latest/meta-data/' }, 302),
    '/to-intranet': reply('', { location: 'http://intranet.test/admin' }, 301),
    '/to-loopback-2': (_req, res) => res.writeHead(307, { location: `http://127.0.0.2:${port}/ok` }).end(),
    '/to-ipv6-loopback': (_req, res) => res.writeHead(308, { location: `http://[::1]:${port}/ok` }).end(),
    '/to-decimal': (_req, res) => res.writeHead(302, { location: `http://2130706434:${port}/ok` }).end(),
  });
  port = server.port;
});

afterAll(async () => {
  await server.close();
});

describe('SSRF guard with the allowlist off (the default)', () => {
  const targets = (): string[] => [
    `http://127.0.0.1:${port}/ok`,
    `http://localhost:${port}/ok`,
    `http://[::1]:${port}/ok`,
    `http://2130706433:${port}/ok`,
    `http://0x7f.1:${port}/ok`,
    `http://127.1:${port}/ok`,
    `http://0177.0.0.1:${port}/ok`,
    `http://[::ffff:127.0.0.1]:${port}/ok`,
    `https://127.0.0.1:${port}/ok`,
    'http://0.0.0.0/',
    'http://[::]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::ffff:169.254.169.254]/latest/meta-data/',
    'http://metadata.test/latest/meta-data/',
    'http://10.0.0.5/',
    'http://intranet.test/',
    'http://172.16.0.1/',
    'http://192.168.1.1/',
    'http://mixed.test/',
    'http://100.64.0.1/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
    'http://[fe80::1]/',
    'http://[fc00::1]/',
    'http://[fd00:ec2::254]/',
  ];

  it('given each private, loopback, link-local or metadata target, then fetch/blocked-address and no request is made', async () => {
    const http = createHttpClient({ lookup, totalTimeoutMs: 2000 });
    const before = server.requests.length;
    for (const url of targets()) {
      const err = await failure(http.get(url));
      expect([url, err.code]).toEqual([url, 'fetch/blocked-address']);
    }
    expect(server.requests.length - before).toBe(0);
  });

  it('given the default lookup and localhost, then it is refused as loopback', async () => {
    const err = await failure(createHttpClient().get(`http://localhost:${port}/ok`));
    expect(err.code).toBe('fetch/blocked-address');
    expect(err.context?.addressClass).toBe('loopback');
  });
});

describe('SSRF guard on redirects', () => {
  // Only the name fixture.test is allowlisted: the same server reached any other way is refused.
  const http = () => createHttpClient({ lookup, allowPrivateHosts: ['fixture.test'] });
  const via = (path: string): string => `http://fixture.test:${port}${path}`;

  it('given an allowlisted name, then the request reaches the server through the pinned address', async () => {
    lookupCalls.length = 0;
    const result = await http().get(via('/ok'));
    expect(result.status === 'ok' && result.url).toBe(via('/ok'));
    expect(lookupCalls).toEqual(['fixture.test']);
    expect(server.requests.at(-1)?.headers.host).toBe(`fixture.test:${port}`);
  });

  it.each(['/to-literal', '/to-metadata', '/to-intranet', '/to-loopback-2', '/to-ipv6-loopback', '/to-decimal'])(
    'given a redirect %s to a non-allowlisted private target, then fetch/blocked-address and the target is not requested',
    async (path) => {
      const okBefore = server.requests.filter((r) => r.path === '/ok').length;
      const err = await failure(http().get(via(path)));
      expect(err.code).toBe('fetch/blocked-address');
      expect(server.requests.filter((r) => r.path === '/ok').length).toBe(okBefore);
    },
  );

  it('given the allowlist 127.0.0.1, then a redirect to 127.0.0.2 or ::1 is still refused', async () => {
    const narrow = createHttpClient({ lookup, allowPrivateHosts: ['127.0.0.1'] });
    expect((await failure(narrow.get(`http://127.0.0.1:${port}/to-loopback-2`))).code).toBe('fetch/blocked-address');
    expect((await failure(narrow.get(`http://127.0.0.1:${port}/to-ipv6-loopback`))).code).toBe('fetch/blocked-address');
    expect((await narrow.get(`http://127.0.0.1:${port}/to-literal`)).status).toBe('ok');
  });
});
