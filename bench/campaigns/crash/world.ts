/**
 * Everything the killed bot talks to, kept in the campaign's own process so it
 * survives every kill: the fake Discord (which keeps every post), a REST proxy
 * in front of it that can hold a message POST before or after Discord accepted
 * it (so a kill lands between "platform accepted" and "ledger marked posted"),
 * and RSS feeds with article pages on 127.0.0.1 whose answers can be slowed
 * down (so a kill lands mid-fetch). Each phase reports what is in flight.
 */
import { EventEmitter } from 'node:events';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeDiscord, type FakeDiscord } from '../../../test/fakes/discord/fake-discord.ts';

/** Where a message POST is held: not at all, before Discord sees it, or after Discord accepted it. */
export type PostHold = 'none' | 'before' | 'after';

export interface World {
  discord: FakeDiscord;
  /** REST base for the child (`DISCORD_API_URL`): the proxy. */
  apiUrl: string;
  guildId: string;
  channelIds: string[];
  /** Feed URLs for the digest definition. */
  feeds: string[];
  /** Emits 'fetch' (a source request arrived), 'post' (a message POST arrived) and 'accepted' (Discord answered one). */
  events: EventEmitter;
  /** Delay of every source answer, in ms (changed between rounds). */
  fetchDelayMs: number;
  /** Where the next message POSTs are held, and for how long at most. */
  postHold: PostHold;
  holdMs: number;
  /** Requests in flight right now. */
  inFlight: { fetch: number; postBefore: number; postAfter: number };
  /** Message POSTs whose nonce Discord had already accepted (repeats it dropped, or duplicates if outside its window). */
  repeatedNonces: number;
  /** Date.now() when a feed was last answered (0: never), to tell when the feeds are due again. */
  lastFeedAnswerAt: number;
  close(): Promise<void>;
}

const CHANNELS = ['100000000000000101', '100000000000000102'];
const GUILD = '100000000000000100';
/** A new feed item every this many ms. */
const ITEM_EVERY_MS = 5000;

const listen = async (server: Server): Promise<number> => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
};
const shut = (server: Server): Promise<void> => new Promise((r) => {
  server.closeAllConnections();
  server.close(() => r());
});

function articleHtml(feed: number, item: number): string {
  const paragraphs = Array.from({ length: 12 }, (_, p) =>
    `<p>Feed ${String(feed)} reports item ${String(item)}: revenue rose ${String((item % 40) + p)} percent to ${String(100 + p)} million euros in the third quarter, `
    + `while costs fell by ${String(p + 2)} percent. Analysts warn that the risk of a slowdown remains high if demand weakens further.</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Item ${String(item)} of feed ${String(feed)}</title></head>`
    + `<body><article><h1>Item ${String(item)} of feed ${String(feed)}</h1>${paragraphs}</article></body></html>`;
}

function feedXml(base: string, feed: number, now: number): string {
  const newest = Math.floor(now / ITEM_EVERY_MS);
  const items = Array.from({ length: 4 }, (_, k) => newest - k).map((n) =>
    `<item><title>Item ${String(n)} of feed ${String(feed)}</title><link>${base}/a/${String(feed)}/${String(n)}.html</link>`
    + `<guid>feed-${String(feed)}-item-${String(n)}</guid><pubDate>${new Date(n * ITEM_EVERY_MS).toUTCString()}</pubDate></item>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed ${String(feed)}</title><link>${base}/</link>`
    + `<description>crash campaign feed</description>${items}</channel></rss>`;
}

export async function startWorld(feeds = 3): Promise<World> {
  const discord = await startFakeDiscord({ token: 'crash-campaign-token', guilds: [{ id: GUILD, channels: CHANNELS.map((id) => ({ id })) }] });
  const fakeUrl = new URL(discord.apiUrl);
  const events = new EventEmitter();
  const acceptedNonces = new Set<string>();
  const world: World = {
    discord, apiUrl: '', guildId: GUILD, channelIds: CHANNELS, feeds: [], events,
    fetchDelayMs: 0, postHold: 'none', holdMs: 2000,
    inFlight: { fetch: 0, postBefore: 0, postAfter: 0 },
    repeatedNonces: 0,
    lastFeedAnswerAt: 0,
    close: async () => undefined,
  };

  /** Waits up to `ms`, or less if the client goes away. */
  const hold = (req: IncomingMessage, ms: number): Promise<void> => new Promise((r) => {
    const timer = setTimeout(r, ms);
    req.socket.once('close', () => {
      clearTimeout(timer);
      r();
    });
  });

  const sources = createServer((req: IncomingMessage, res: ServerResponse) => {
    world.inFlight.fetch++;
    let open = true;
    const done = (): void => {
      if (open) world.inFlight.fetch--;
      open = false;
    };
    res.on('close', done);
    events.emit('fetch', req.url);
    const path = req.url ?? '/';
    void hold(req, world.fetchDelayMs).then(() => {
      if (res.destroyed) return;
      const feed = /^\/feed-(\d+)\.xml$/u.exec(path);
      const article = /^\/a\/(\d+)\/(\d+)\.html$/u.exec(path);
      if (feed !== null) {
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feedXml(base, Number(feed[1]), Date.now()));
        world.lastFeedAnswerAt = Date.now();
      }
      else if (article !== null) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(Number(article[1]), Number(article[2])));
      else res.writeHead(404).end();
    });
  });
  const base = `http://127.0.0.1:${String(await listen(sources))}`;
  world.feeds = Array.from({ length: feeds }, (_, i) => `${base}/feed-${String(i + 1)}.xml`);

  const proxy = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void (async () => {
      const body = Buffer.concat(chunks);
      const isPost = req.method === 'POST' && /^\/api\/v10\/channels\/\d+\/messages$/u.test(req.url ?? '');
      const mode = isPost ? world.postHold : 'none';
      let nonce: string | null = null;
      if (isPost) {
        nonce = String((JSON.parse(body.toString('utf8')) as { nonce?: unknown }).nonce ?? '');
        events.emit('post', nonce);
      }
      if (mode === 'before') {
        world.inFlight.postBefore++;
        await hold(req, world.holdMs);
        world.inFlight.postBefore--;
        if (req.socket.destroyed) return;
      }
      const answer = await forward(fakeUrl, req, body);
      if (isPost && answer.status === 200 && nonce !== null) {
        if (acceptedNonces.has(nonce)) world.repeatedNonces++;
        acceptedNonces.add(nonce);
        events.emit('accepted', nonce);
      }
      if (mode === 'after') {
        world.inFlight.postAfter++;
        await hold(req, world.holdMs);
        world.inFlight.postAfter--;
      }
      if (!res.destroyed) res.writeHead(answer.status, answer.headers).end(answer.body);
    })());
  });
  world.apiUrl = `http://127.0.0.1:${String(await listen(proxy))}/api`;
  world.close = async () => {
    await shut(proxy);
    await shut(sources);
    await discord.close();
  };
  return world;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Sends the request on to the fake Discord and reads its whole answer. */
export function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: target.host };
    const out = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const plain: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined && k !== 'transfer-encoding' && k !== 'connection') plain[k] = Array.isArray(v) ? v.join(', ') : v;
        resolve({ status: res.statusCode ?? 502, headers: plain, body: Buffer.concat(chunks) });
      });
    });
    out.on('error', reject);
    out.end(body);
  });
}
