/**
 * The cluster campaign's sources: `count` RSS feeds on HTTP servers bound to
 * several loopback addresses (127.0.0.1 … 127.0.0.N, so the per-host limit
 * applies per address as it would per site). Each feed gains a new item every
 * `itemEveryMs`, staggered over the feeds; items carry a short description
 * only, so the bot fetches the article page to digest it; a feed whose newest
 * item is unchanged answers a conditional GET with 304.
 *
 * The server is the campaign's witness of polling: every request names its
 * instance in the User-Agent (FETCH_USER_AGENT), so it counts polls per
 * instance, sees a second feed request for a source while one is still open
 * (a source polled concurrently), and records who was answered each article
 * page and when (an article fetched again while its first reader lived on is
 * an article digested twice).
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An article page answered to an instance. */
export interface PageAnswer {
  instance: string;
  at: number;
}

export interface ClusterFeeds {
  /** Feed URL of source n (0-based). */
  urls: string[];
  /** Emits 'feed' (instance) when a feed request arrives and 'page' (instance) when an article page is answered. */
  events: EventEmitter;
  /** Feed requests per instance. */
  polls: Map<string, number>;
  /** Open feed requests per instance right now. */
  openFeeds: Map<string, number>;
  /** Sources polled at least once. */
  polledSources: Set<number>;
  /** Sources that got a feed request while another for the same source was open. */
  concurrentSources: Set<number>;
  /** Article path → who was answered it, in order. */
  pages: Map<string, PageAnswer[]>;
  /** Feed answers held back this long, in ms (so polls are in flight long enough to be hit). */
  delayMs: number;
  close(): Promise<void>;
}

export const instanceOfAgent = (agent: string | undefined): string => /cluster-instance\/([\w-]+)/u.exec(agent ?? '')?.[1] ?? 'unknown';

function articleHtml(feed: number, item: number): string {
  const paragraphs = Array.from({ length: 10 }, (_, p) =>
    `<p>Source ${String(feed)} reports item ${String(item)}: orders rose ${String((item % 30) + p)} percent to ${String(200 + p)} million euros in the quarter, `
    + `while energy costs fell by ${String(p + 3)} percent. The board warns that the risk of delays remains if supply weakens.</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Item ${String(item)} of source ${String(feed)}</title></head>`
    + `<body><article><h1>Item ${String(item)} of source ${String(feed)}</h1>${paragraphs}</article></body></html>`;
}

/** The newest item number of feed n at `now`: the feeds' items are staggered over the period. */
const newestItem = (n: number, count: number, now: number, itemEveryMs: number): number =>
  Math.floor((now + (n * itemEveryMs) / count) / itemEveryMs);

function feedXml(base: string, n: number, newest: number): string {
  const items = [0, 1, 2].map((k) => newest - k).map((i) =>
    `<item><title>Item ${String(i)} of source ${String(n)}</title><link>${base}/a/${String(n)}/${String(i)}.html</link>`
    + `<guid>source-${String(n)}-item-${String(i)}</guid><description>Short note on item ${String(i)}.</description></item>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Source ${String(n)}</title><link>${base}/</link>`
    + `<description>cluster campaign source</description>${items}</channel></rss>`;
}

const listen = async (server: Server, host: string): Promise<number> => {
  await new Promise<void>((r) => server.listen(0, host, r));
  return (server.address() as AddressInfo).port;
};

/** Starts the feed servers: `count` sources over `hosts` loopback addresses. */
export async function startClusterFeeds(options: { count: number; hosts: number; itemEveryMs: number }): Promise<ClusterFeeds> {
  const feeds: ClusterFeeds = {
    urls: [], events: new EventEmitter(), polls: new Map(), openFeeds: new Map(), polledSources: new Set(), concurrentSources: new Set(), pages: new Map(), delayMs: 80,
    close: async () => undefined,
  };
  const openBySource = new Map<number, number>();
  const bump = (map: Map<string, number>, key: string, by: number): void => {
    map.set(key, (map.get(key) ?? 0) + by);
  };
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const instance = instanceOfAgent(req.headers['user-agent']);
    const path = req.url ?? '/';
    const feed = /^\/feed-(\d+)\.xml$/u.exec(path);
    const page = /^\/a\/(\d+)\/(\d+)\.html$/u.exec(path);
    if (page !== null) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(Number(page[1]), Number(page[2])));
      feeds.pages.set(path, [...(feeds.pages.get(path) ?? []), { instance, at: Date.now() }]);
      feeds.events.emit('page', instance);
      return;
    }
    if (feed === null) {
      res.writeHead(404).end();
      return;
    }
    const n = Number(feed[1]);
    if ((openBySource.get(n) ?? 0) > 0) feeds.concurrentSources.add(n);
    openBySource.set(n, (openBySource.get(n) ?? 0) + 1);
    feeds.polledSources.add(n);
    bump(feeds.polls, instance, 1);
    bump(feeds.openFeeds, instance, 1);
    feeds.events.emit('feed', instance);
    let open = true;
    res.on('close', () => {
      if (!open) return;
      open = false;
      openBySource.set(n, (openBySource.get(n) ?? 1) - 1);
      bump(feeds.openFeeds, instance, -1);
    });
    const base = `http://${req.headers.host ?? '127.0.0.1'}`;
    setTimeout(() => {
      if (res.destroyed) return;
      const newest = newestItem(n, options.count, Date.now(), options.itemEveryMs);
      const etag = `"${String(n)}-${String(newest)}"`;
      if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(feedXml(base, n, newest));
    }, feeds.delayMs);
  };
  const servers: Server[] = [];
  const bases: string[] = [];
  for (let h = 1; h <= options.hosts; h++) {
    const server = createServer({ keepAlive: false }, handle);
    const host = `127.0.0.${String(h)}`;
    bases.push(`http://${host}:${String(await listen(server, host))}`);
    servers.push(server);
  }
  feeds.urls = Array.from({ length: options.count }, (_, n) => `${bases[n % bases.length] ?? ''}/feed-${String(n)}.xml`);
  feeds.close = async () => {
    await Promise.all(servers.map((s) => new Promise<void>((r) => {
      s.closeAllConnections();
      s.close(() => r());
    })));
  };
  return feeds;
}

/**
 * Articles digested twice: article pages answered again while an earlier reader was still alive (not killed
 * between its answer and the repeat). A reader killed before it stored the digest leaves the article pending,
 * so its re-fetch by whoever comes next is not counted. An upper bound: a live reader's repeat may find the
 * digest in the shared cache.
 */
export function articlesReadTwice(pages: ReadonlyMap<string, readonly PageAnswer[]>, kills: readonly { instance: string; at: number }[]): number {
  let twice = 0;
  for (const answers of pages.values()) {
    const repeated = answers.some((later, i) => answers.slice(0, i).some((earlier) =>
      !kills.some((k) => k.instance === earlier.instance && k.at >= earlier.at && k.at <= later.at)));
    if (repeated) twice++;
  }
  return twice;
}
