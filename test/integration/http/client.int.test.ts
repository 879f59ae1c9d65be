import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClientOptions } from '../../../src/sources/http/client.ts';
import {
  chunked, gzipBomb, reply, RSS_BODY, silent, startFixtureServer, trickle, WINDOWS_1252_PAGE, type FixtureServer,
} from '../../fakes/http-fixtures.ts';
import { digestErrorOf } from '../../helpers/digest-error-of.ts';

let server: FixtureServer;
const LOCAL = { allowPrivateHosts: ['127.0.0.1'] } satisfies HttpClientOptions;
const client = (options: HttpClientOptions = {}) => createHttpClient({ ...LOCAL, ...options });
const PLAIN = 'Plain text body, repeated. '.repeat(200);

const failure = digestErrorOf;

const hits = (path: string): number => server.requests.filter((r) => r.path === path).length;

beforeAll(async () => {
  server = await startFixtureServer({
    '/rss': reply(RSS_BODY, { 'content-type': 'application/rss+xml; charset=utf-8' }),
    '/html': reply('<html><body><p>Hallo Welt</p></body></html>'),
    '/cp1252': reply(WINDOWS_1252_PAGE, { 'content-type': 'text/html; charset=windows-1252' }),
    '/image': reply(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { 'content-type': 'image/png' }),
    '/gzip': reply(gzipSync(PLAIN), { 'content-type': 'text/plain', 'content-encoding': 'gzip' }),
    '/deflate': reply(deflateSync(PLAIN), { 'content-type': 'text/plain', 'content-encoding': 'deflate' }),
    '/deflate-raw': reply(deflateRawSync(PLAIN), { 'content-type': 'text/plain', 'content-encoding': 'deflate' }),
    '/br': reply(brotliCompressSync(PLAIN), { 'content-type': 'text/plain', 'content-encoding': 'br' }),
    '/zstd': reply('xx', { 'content-type': 'text/plain', 'content-encoding': 'zstd' }),
    '/bomb': reply(gzipBomb(20 * 1024 * 1024), { 'content-type': 'text/html', 'content-encoding': 'gzip' }),
    '/big-declared': reply('x'.repeat(5000), { 'content-length': '5000' }),
    '/big-chunked': chunked(1024 * 1024),
    '/silent': silent,
    '/trickle': trickle(20),
    '/loop': reply('', { location: '/loop' }, 302),
    '/chain/1': reply('', { location: '/chain/2' }, 301),
    '/chain/2': reply('', { location: '/chain/3' }, 302),
    '/chain/3': reply('', { location: '/chain/4' }, 303),
    '/chain/4': reply('', { location: '/chain/5' }, 307),
    '/chain/5': reply('', { location: '/html' }, 308),
    '/to-ftp': reply('', { location: 'ftp://127.0.0.1/file' }, 302),
    '/missing': reply('gone', {}, 404),
    '/busy': reply('slow down', { 'retry-after': '120' }, 429),
    '/busy-no-header': reply('slow down', {}, 429),
    '/maintenance': reply('later', { 'retry-after': 'Wed, 21 Oct 2026 07:30:00 GMT' }, 503),
    '/down': reply('down', {}, 503),
    '/etag': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/atom+xml', etag: '"v1"', 'last-modified': 'Tue, 20 Oct 2026 10:00:00 GMT' });
      res.end('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>');
    },
    '/wait': (_req, res) => {
      setTimeout(() => reply('<p>done</p>')(_req, res), 80);
    },
  });
});

afterAll(async () => {
  await server.close();
});

describe('HttpClient: bodies', () => {
  it('given an RSS feed, then ok with its bytes, content type and no validators', async () => {
    const result = await client().get(server.url('/rss'), { accept: ['xml'] });
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(new TextDecoder().decode(result.bytes)).toBe(RSS_BODY);
    expect(result.contentType).toBe('application/rss+xml; charset=utf-8');
    expect(result.url).toBe(server.url('/rss'));
    expect(result.etag).toBeNull();
  });

  it('given an HTML page, then ok and the User-Agent and Accept-Encoding were sent', async () => {
    const result = await client({ userAgent: 'digestbot/9.9 (+test)' }).get(server.url('/html'));
    expect(result.status === 'ok' && new TextDecoder().decode(result.bytes)).toContain('Hallo Welt');
    const seen = server.requests.filter((r) => r.path === '/html').at(-1);
    expect(seen?.headers['user-agent']).toBe('digestbot/9.9 (+test)');
    expect(seen?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('given a windows-1252 German page, then the bytes come back unchanged', async () => {
    const result = await client().get(server.url('/cp1252'));
    expect(result.status === 'ok' && Buffer.from(result.bytes).equals(WINDOWS_1252_PAGE)).toBe(true);
    expect(result.status === 'ok' && result.contentType).toBe('text/html; charset=windows-1252');
  });

  it.each(['/gzip', '/deflate', '/deflate-raw', '/br'])('given a body encoded at %s, then it is decoded', async (path) => {
    const result = await client().get(server.url(path));
    expect(result.status === 'ok' && new TextDecoder().decode(result.bytes)).toBe(PLAIN);
  });

  it('given an encoding it cannot decode, then fetch/unsupported-type', async () => {
    expect((await failure(client().get(server.url('/zstd')))).code).toBe('fetch/unsupported-type');
  });

  it('given an image, or HTML when only feeds are accepted, then fetch/unsupported-type', async () => {
    expect((await failure(client().get(server.url('/image')))).code).toBe('fetch/unsupported-type');
    expect((await failure(client().get(server.url('/html'), { accept: ['xml', 'json-feed'] }))).code).toBe('fetch/unsupported-type');
  });
});

describe('HttpClient: size caps', () => {
  it('given Content-Length above the cap, then fetch/too-large before reading', async () => {
    const err = await failure(client({ maxBytes: 4096 }).get(server.url('/big-declared')));
    expect(err.code).toBe('fetch/too-large');
    expect(err.context?.measure).toBe('declared');
  });

  it('given a chunked body without Content-Length above the cap, then fetch/too-large', async () => {
    const err = await failure(client({ maxBytes: 64 * 1024 }).get(server.url('/big-chunked')));
    expect(err.code).toBe('fetch/too-large');
    expect(err.context?.measure).toBe('received');
  });

  it('given a gzip bomb (20 KiB on the wire, 20 MiB decoded), then fetch/too-large on the decoded size', async () => {
    const err = await failure(client({ maxBytes: 1024 * 1024 }).get(server.url('/bomb')));
    expect(err.code).toBe('fetch/too-large');
    expect(err.context?.measure).toBe('decoded');
  });

  it('given a compressed cap below the wire size, then fetch/too-large on the received size', async () => {
    const err = await failure(client({ maxCompressedBytes: 1024 }).get(server.url('/bomb')));
    expect(err.code).toBe('fetch/too-large');
    expect(['declared', 'received']).toContain(err.context?.measure);
  });
});

describe('HttpClient: timeouts', () => {
  it('given a server that never sends headers, then fetch/timeout (total)', async () => {
    const err = await failure(client({ totalTimeoutMs: 200 }).get(server.url('/silent')));
    expect(err.code).toBe('fetch/timeout');
    expect(err.context?.phase).toBe('total');
  });

  it('given a body that trickles past the total timeout, then fetch/timeout', async () => {
    const err = await failure(client({ totalTimeoutMs: 300 }).get(server.url('/trickle')));
    expect(err.code).toBe('fetch/timeout');
  });

  it('given a DNS lookup that never answers, then fetch/timeout in the connect phase', async () => {
    const hang = client({ connectTimeoutMs: 100, totalTimeoutMs: 5000, lookup: () => new Promise(() => undefined) });
    const err = await failure(hang.get('http://never.test/'));
    expect(err.code).toBe('fetch/timeout');
    expect(err.context?.phase).toBe('connect');
  });
});

describe('HttpClient: redirects and statuses', () => {
  it('given five redirects, then the final page and URL come back', async () => {
    const result = await client().get(server.url('/chain/1'));
    expect(result.status === 'ok' && result.url).toBe(server.url('/html'));
  });

  it('given a redirect loop, then fetch/too-many-redirects after 6 requests', async () => {
    const before = hits('/loop');
    expect((await failure(client().get(server.url('/loop')))).code).toBe('fetch/too-many-redirects');
    expect(hits('/loop') - before).toBe(6);
  });

  it('given a redirect to ftp, then fetch/invalid-url', async () => {
    expect((await failure(client().get(server.url('/to-ftp')))).code).toBe('fetch/invalid-url');
  });

  it('given a 404 or a 503 without Retry-After, then fetch/http-status with the status', async () => {
    const missing = await failure(client().get(server.url('/missing')));
    expect([missing.code, missing.context?.status]).toEqual(['fetch/http-status', 404]);
    const down = await failure(client().get(server.url('/down')));
    expect([down.code, down.context?.status]).toEqual(['fetch/http-status', 503]);
  });

  it('given 429 with Retry-After: 120, then fetch/rate-limited with retryAfterMs 120000 and no retry', async () => {
    const before = hits('/busy');
    const err = await failure(client().get(server.url('/busy')));
    expect(err.code).toBe('fetch/rate-limited');
    expect(err.context?.retryAfterMs).toBe(120_000);
    expect(hits('/busy') - before).toBe(1);
  });

  it('given 429 without Retry-After, then fetch/rate-limited without a delay', async () => {
    const err = await failure(client().get(server.url('/busy-no-header')));
    expect(err.code).toBe('fetch/rate-limited');
    expect(err.context).not.toHaveProperty('retryAfterMs');
  });

  it('given 503 with an HTTP-date Retry-After, then retryAfterMs counts from the injected clock', async () => {
    const now = () => Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    const err = await failure(client({ now }).get(server.url('/maintenance')));
    expect(err.code).toBe('fetch/rate-limited');
    expect(err.context?.retryAfterMs).toBe(120_000);
  });

  it('given a closed port, then fetch/network', async () => {
    const closed = await startFixtureServer({});
    const url = closed.url('/');
    await closed.close();
    expect((await failure(client().get(url))).code).toBe('fetch/network');
  });

  it('given URLs that are not http(s) or carry credentials, then fetch/invalid-url', async () => {
    for (const url of ['file:///etc/passwd', 'not a url', 'gopher://127.0.0.1/', `http://user:pw@127.0.0.1:${server.port}/html`]) {
      expect((await failure(client().get(url))).code).toBe('fetch/invalid-url');
    }
  });
});

describe('HttpClient: conditional GET and concurrency', () => {
  it('given an ETag from the first fetch, then the second fetch sends validators and gets not-modified', async () => {
    const http = client();
    const first = await http.get(server.url('/etag'));
    if (first.status !== 'ok') throw new Error('expected ok');
    expect([first.etag, first.lastModified]).toEqual(['"v1"', 'Tue, 20 Oct 2026 10:00:00 GMT']);
    const second = await http.get(server.url('/etag'), { etag: first.etag ?? '', lastModified: first.lastModified ?? '' });
    expect(second).toEqual({ status: 'not-modified' });
    const seen = server.requests.filter((r) => r.path === '/etag').at(-1);
    expect(seen?.headers['if-none-match']).toBe('"v1"');
    expect(seen?.headers['if-modified-since']).toBe('Tue, 20 Oct 2026 10:00:00 GMT');
  });

  it('given six parallel requests to one host and a limit of 2, then at most 2 are in flight at the server', async () => {
    const local = await startFixtureServer({ '/wait': (req, res) => setTimeout(() => reply('<p>x</p>')(req, res), 80) });
    try {
      const http = client({ perHostConcurrency: 2 });
      const results = await Promise.all(Array.from({ length: 6 }, () => http.get(local.url('/wait'))));
      expect(results.every((r) => r.status === 'ok')).toBe(true);
      expect(local.maxInFlight()).toBe(2);
    } finally {
      await local.close();
    }
  });
});
