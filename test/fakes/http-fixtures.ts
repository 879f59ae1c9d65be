/**
 * A scripted HTTP server on 127.0.0.1 for the HttpClient tests. It records each
 * request (path and headers) and how many responses were in flight at once.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface FixtureServer {
  url: (path: string) => string;
  port: number;
  requests: Array<{ path: string; headers: IncomingHttpHeaders }>;
  /** Highest number of requests being answered at the same time. */
  maxInFlight: () => number;
  close: () => Promise<void>;
}

export async function startFixtureServer(routes: Record<string, Handler>): Promise<FixtureServer> {
  const requests: FixtureServer['requests'] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let counted = true;
    const done = (): void => {
      if (counted) inFlight -= 1;
      counted = false;
    };
    res.on('finish', done);
    res.on('close', done);
    const path = (req.url ?? '').split('?')[0] ?? '';
    requests.push({ path, headers: req.headers });
    const handler = routes[path];
    if (handler === undefined) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    else handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    port,
    requests,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Responds with a status, headers and a body. */
export function reply(body: string | Uint8Array, headers: Record<string, string> = {}, status = 200): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
  };
}

/** Writes `size` bytes of `fill` in chunks without a Content-Length (chunked encoding). */
export function chunked(size: number, chunk = 16 * 1024): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const block = Buffer.alloc(chunk, 0x61);
    let sent = 0;
    const pump = (): void => {
      while (sent < size) {
        sent += block.byteLength;
        if (!res.write(block)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    pump();
  };
}

/** Never sends headers (the socket stays open until the server closes). */
export const silent: Handler = () => undefined;

/** Sends headers, then one byte every `everyMs`, forever. */
export function trickle(everyMs: number): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('a');
    const timer = setInterval(() => res.write('a'), everyMs);
    res.on('close', () => clearInterval(timer));
  };
}

/** A gzip body of `size` zero bytes: tiny on the wire, huge when decoded. */
export function gzipBomb(size: number): Buffer {
  return gzipSync(Buffer.alloc(size), { level: 9 });
}

/** RSS 2.0 with one item, for "feed-ish" responses. */
export const RSS_BODY = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test feed</title><link>http://example.test/</link>
<item><title>First</title><link>http://example.test/a</link><guid>a</guid></item>
</channel></rss>`;

/** A German page in windows-1252: ä ö ü ß and „quotes“ as single bytes. */
export const WINDOWS_1252_PAGE = Buffer.from([
  ...Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>', 'latin1'),
  0x84, ...Buffer.from('Gr', 'latin1'), 0xfc, 0xdf, 0x65, ...Buffer.from(' aus M', 'latin1'), 0xfc, ...Buffer.from('nchen, K', 'latin1'),
  0xf6, ...Buffer.from('ln und Stra', 'latin1'), 0xdf, 0x65, 0x93, 0x80,
  ...Buffer.from('</p></body></html>', 'latin1'),
]);
