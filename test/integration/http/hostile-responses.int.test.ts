/**
 * Regression (abuse campaign): answers that break HTTP itself are reported
 * for what they are. Oversized response headers used to read "cannot reach
 * <host>: HPE_HEADER_OVERFLOW" although the host was reached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../src/sources/http/client.ts';
import { startFixtureServer, type FixtureServer } from '../../fakes/http-fixtures.ts';
import { digestErrorOf } from '../../helpers/digest-error-of.ts';

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer({
    '/big-headers': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'x-filler': 'a'.repeat(64 * 1024) }).end('<p>x</p>'),
    '/many-headers': (_req, res) => {
      res.writeHead(200, Object.fromEntries(Array.from({ length: 3000 }, (_v, i) => [`x-h${String(i)}`, 'value'])));
      res.end('<p>x</p>');
    },
    '/garbage': (req) => {
      req.socket.end('HTTP/1.1 200 OK\r\nContent-Length: nonsense\r\n\r\nbody');
    },
  });
});
afterAll(() => server.close());

const http = () => createHttpClient({ allowPrivateHosts: ['127.0.0.1'], totalTimeoutMs: 2000 });

describe('hostile HTTP answers', () => {
  it('given 64 KiB of response headers, then fetch/too-large naming the headers, not an unreachable host', async () => {
    const err = await digestErrorOf(http().get(server.url('/big-headers')));
    expect(err.code).toBe('fetch/too-large');
    expect(err.message).toMatch(/^response headers from 127\.0\.0\.1:\d+ are larger than 16 KiB$/u);
    expect(err.context).toMatchObject({ measure: 'headers', code: 'HPE_HEADER_OVERFLOW' });
  });

  it('given thousands of small headers over the size limit, then also fetch/too-large', async () => {
    expect((await digestErrorOf(http().get(server.url('/many-headers')))).code).toBe('fetch/too-large');
  });

  it('given a malformed response, then fetch/network saying the answer was malformed', async () => {
    const err = await digestErrorOf(http().get(server.url('/garbage')));
    expect(err.code).toBe('fetch/network');
    expect(err.message).toMatch(/sent a malformed HTTP response \(HPE_/u);
  });
});

describe('refusal wording', () => {
  it('given an unspecified or unrecognised address, then the message reads "an …", and "a …" otherwise', async () => {
    const http = createHttpClient();
    expect((await digestErrorOf(http.get('http://0.0.0.0/'))).message).toBe('refusing to fetch 0.0.0.0: it points to an unspecified address (to allow it, add 0.0.0.0 to the FETCH_ALLOW_PRIVATE_HOSTS setting)');
    expect((await digestErrorOf(http.get('http://10.0.0.1/'))).message).toBe('refusing to fetch 10.0.0.1: it points to a private address (to allow it, add 10.0.0.1 to the FETCH_ALLOW_PRIVATE_HOSTS setting)');
  });
});
