import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestError } from '../../src/errors.ts';
import { fetchPage } from '../../src/sources/fetch-page.ts';
import { send, startPageServer, type PageServer } from '../fakes/page-server.ts';

let server: PageServer;

async function fetchError(url: string, options = {}): Promise<DigestError> {
  try {
    await fetchPage(url, options);
  } catch (err) {
    if (err instanceof DigestError) return err;
    throw err;
  }
  throw new Error('expected fetchPage to fail');
}

beforeAll(async () => {
  server = await startPageServer({
    '/ok': send('<html><body><p>Hallo</p></body></html>'),
    '/latin1': send(Buffer.from('<p>Gr\xfc\xdfe aus M\xfcnchen</p>', 'latin1'), { 'content-type': 'text/html; charset=ISO-8859-1' }),
    '/redirect': send('', { location: '/ok' }, 302),
    '/loop': send('', { location: '/loop' }, 302),
    '/missing': send('gone', {}, 404),
    '/image': send(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { 'content-type': 'image/png' }),
    '/big-declared': send('x'.repeat(5000)),
    '/big-chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
      res.end();
    },
    '/slow': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>start');
      setTimeout(() => res.end('</p>'), 3000).unref();
    },
  });
});

afterAll(async () => {
  await server.close();
});

describe('fetchPage against a local server', () => {
  it('given a page, then its bytes, content type and URL come back', async () => {
    const page = await fetchPage(server.url('/ok'));
    expect(new TextDecoder().decode(page.bytes)).toContain('<p>Hallo</p>');
    expect(page.contentType).toBe('text/html; charset=utf-8');
    expect(page.url).toBe(server.url('/ok'));
  });

  it('given an ISO-8859-1 page, then the raw bytes and header are kept for decoding', async () => {
    const page = await fetchPage(server.url('/latin1'));
    expect(page.contentType).toContain('ISO-8859-1');
    expect(page.bytes).toContain(0xfc);
  });

  it('given a redirect, then the final URL is reported', async () => {
    const page = await fetchPage(server.url('/redirect'));
    expect(page.url).toBe(server.url('/ok'));
  });

  it('given a redirect loop, then it stops after 5 redirects with fetch/too-many-redirects', async () => {
    const before = server.requests.filter((r) => r === '/loop').length;
    const err = await fetchError(server.url('/loop'));
    expect(err.code).toBe('fetch/too-many-redirects');
    expect(server.requests.filter((r) => r === '/loop').length - before).toBe(6);
  });

  it('given a 404, then fetch/http-status names the status', async () => {
    const err = await fetchError(server.url('/missing'));
    expect(err.code).toBe('fetch/http-status');
    expect(err.message).toContain('404');
  });

  it('given an image, then fetch/content-type', async () => {
    expect((await fetchError(server.url('/image'))).code).toBe('fetch/content-type');
  });

  it('given a body over the cap by Content-Length or while streaming, then fetch/too-large', async () => {
    expect((await fetchError(server.url('/big-declared'), { maxBytes: 4096 })).code).toBe('fetch/too-large');
    expect((await fetchError(server.url('/big-chunked'), { maxBytes: 4096 })).code).toBe('fetch/too-large');
  });

  it('given a server slower than the timeout, then fetch/timeout', async () => {
    const err = await fetchError(server.url('/slow'), { timeoutMs: 300 });
    expect(err.code).toBe('fetch/timeout');
  });

  it('given a closed port, then fetch/unreachable', async () => {
    const closed = await startPageServer({});
    const url = closed.url('/');
    await closed.close();
    expect((await fetchError(url)).code).toBe('fetch/unreachable');
  });

  it('given a non-http URL, then fetch/bad-url', async () => {
    expect((await fetchError('file:///etc/passwd')).code).toBe('fetch/bad-url');
    expect((await fetchError('not a url')).code).toBe('fetch/bad-url');
  });
});
