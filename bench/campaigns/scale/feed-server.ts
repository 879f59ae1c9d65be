/**
 * The sources campaign's HTTP server on 127.0.0.1: every host `sN.feeds.test`
 * behaves as `kindOf(N)` says (feeds, 304s, slow, hanging and failing hosts).
 * It listens on several ports so that tens of thousands of short connections
 * do not run out of (address, port) pairs. Run as a child process
 * (`startFeedServerProcess`) so its CPU work is not on the bot's event loop.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { forkTsChild } from './child-process.ts';
import { articleParagraphs, hostOf, ITEMS_PER_FEED, kindOf, sourceOfHost, type SourceKind } from './feed-mix.ts';

export interface FeedServerOptions {
  seed: number;
  /** Delay of the `slow` hosts, in ms. */
  slowMs: number;
  /** Delay of the `hang` hosts (longer than the fetch timeout), in ms. */
  hangMs: number;
  /** Ports to listen on. @defaultValue 4 */
  ports?: number;
}

const LAST_MODIFIED = 'Mon, 07 Dec 2026 06:00:00 GMT';
const FULL_CHARS = 1800;
const escapeXml = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

function itemDate(k: number): string {
  return new Date(Date.UTC(2026, 11, 7, 6, 0, 0) - k * 3_600_000).toUTCString();
}

function rss(n: number, seed: number, base: string, items: number, full: boolean): string {
  const out: string[] = [];
  for (let k = items - 1; k >= 0; k--) {
    const paragraphs = articleParagraphs(n, k, seed, full ? FULL_CHARS : 200);
    const body = full ? `<content:encoded>${escapeXml(paragraphs.map((p) => `<p>${p}</p>`).join(''))}</content:encoded>` : '';
    out.push(`<item><title>Report ${n}-${k}</title><link>${base}/article/${k}</link><guid>${base}/article/${k}</guid>`
      + `<pubDate>${itemDate(items - 1 - k)}</pubDate><description>${escapeXml(paragraphs[0] ?? '')}</description>${body}</item>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">`
    + `<channel><title>Feed ${n}</title><link>${base}/</link><description>source ${n}</description>${out.join('')}</channel></rss>`;
}

function atom(n: number, seed: number, base: string): string {
  const entries: string[] = [];
  for (let k = ITEMS_PER_FEED - 1; k >= 0; k--) {
    const summary = articleParagraphs(n, k, seed, 120)[0] ?? '';
    entries.push(`<entry><title>Story ${n}-${k}</title><id>tag:feeds.test,2026:${n}:${k}</id><link href="${base}/article/${k}"/>`
      + `<updated>${new Date(Date.UTC(2026, 11, 7, 6 - k)).toISOString()}</updated><summary>${escapeXml(summary)}</summary></entry>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Feed ${n}</title>`
    + `<id>tag:feeds.test,2026:${n}</id><updated>2026-12-07T06:00:00Z</updated><link href="${base}/"/>${entries.join('')}</feed>`;
}

function articlePage(n: number, k: number, seed: number): string {
  const body = articleParagraphs(n, k, seed, FULL_CHARS).map((p) => `<p>${p}</p>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story ${n}-${k}</title></head>`
    + `<body><nav><a href="/">Home</a></nav><article><h1>Story ${n}-${k}</h1>${body}</article><footer>feeds.test</footer></body></html>`;
}

/** Answers one request as source `n` of kind `kind`. `polls` counts this source's feed requests so far (1 on the first). */
function answer(req: IncomingMessage, res: ServerResponse, n: number, kind: SourceKind, polls: number, options: FeedServerOptions): void {
  const base = `http://${hostOf(n)}:${String(req.socket.localPort)}`;
  const path = req.url ?? '/';
  const article = /^\/article\/(\d+)$/u.exec(path);
  if (article !== null) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(n, Number(article[1]), options.seed));
    return;
  }
  switch (kind) {
    case 'rss-etag':
    case 'slow': {
      const etag = `"feed-${n}-v1"`;
      if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(rss(n, options.seed, base, ITEMS_PER_FEED, true));
      return;
    }
    case 'atom-modified':
      if (req.headers['if-modified-since'] === LAST_MODIFIED) res.writeHead(304, { 'last-modified': LAST_MODIFIED }).end();
      else res.writeHead(200, { 'content-type': 'application/atom+xml', 'last-modified': LAST_MODIFIED }).end(atom(n, options.seed, base));
      return;
    case 'rss-growing':
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(n, options.seed, base, ITEMS_PER_FEED + polls - 1, true));
      return;
    case 'hang':
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(n, options.seed, base, 1, false));
      return;
    case 'status-500':
      res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
      return;
    case 'status-404':
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>not found</h1>');
      return;
    case 'reset':
      req.socket.destroy();
      return;
    case 'bad-xml':
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${n}</title><item><title>broken &amp`);
      return;
    case 'wrong-type':
      res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  }
}

export interface FeedServer {
  ports: number[];
  close(): Promise<void>;
}

/** Starts the server in this process. */
export async function startFeedServer(options: FeedServerOptions): Promise<FeedServer> {
  const polls = new Map<number, number>();
  const pending = new Set<NodeJS.Timeout>();
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const n = sourceOfHost(req.headers.host);
    if (n === null) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('unknown host');
      return;
    }
    const kind = kindOf(n, options.seed);
    const isFeed = !(req.url ?? '').startsWith('/article/');
    const count = isFeed ? (polls.get(n) ?? 0) + 1 : 0;
    if (isFeed) polls.set(n, count);
    const delay = kind === 'slow' ? options.slowMs : kind === 'hang' && isFeed ? options.hangMs : 0;
    if (delay === 0) {
      answer(req, res, n, kind, count, options);
      return;
    }
    const timer = setTimeout(() => {
      pending.delete(timer);
      if (!res.destroyed) answer(req, res, n, kind, count, options);
    }, delay);
    pending.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      pending.delete(timer);
    });
  };
  const servers: Server[] = [];
  for (let i = 0; i < (options.ports ?? 4); i++) {
    const server = createServer({ keepAlive: false }, handle);
    server.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    servers.push(server);
  }
  return {
    ports: servers.map((s) => (s.address() as AddressInfo).port),
    async close() {
      for (const timer of pending) clearTimeout(timer);
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      })));
    },
  };
}

/** The server in a child process: its ports, and a close that ends the child. */
export interface FeedServerProcess extends FeedServer {
  child: ChildProcess;
}

/** Forks this module as a child process (with tsx) and waits for its ports. */
export async function startFeedServerProcess(options: FeedServerOptions): Promise<FeedServerProcess> {
  const { child, first, close } = await forkTsChild<{ ports: number[] }>(fileURLToPath(import.meta.url), [JSON.stringify(options)], 'feed server');
  return { child, ports: first.ports, close };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href && process.send !== undefined) {
  const server = await startFeedServer(JSON.parse(process.argv[2] ?? '{}') as FeedServerOptions);
  process.send({ ports: server.ports });
  process.once('disconnect', () => {
    void server.close().then(() => process.exit(0));
  });
}
