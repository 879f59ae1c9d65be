/**
 * The cluster campaign's Discord: the fake Discord (REST and gateway) with a
 * few guilds of a few text channels each, behind a REST proxy that can hold the
 * next message POST before Discord sees it or after Discord accepted it, so a
 * kill lands inside a post. Counts gateway logins (GET /gateway/bot) and the
 * most gateway sessions identified at once.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeDiscord, type FakeDiscord } from '../../../test/fakes/discord/fake-discord.ts';
import { forward } from '../crash/world.ts';

export const CLUSTER_TOKEN = 'cluster-campaign-token';

export interface ClusterDiscord {
  fake: FakeDiscord;
  /** REST base for the instances (DISCORD_API_URL): the proxy. */
  apiUrl: string;
  /** Guild id → its channel ids. */
  guilds: Map<string, string[]>;
  /** Where the next message POST is held: not at all, before Discord sees it, or after Discord accepted it. */
  hold: 'none' | 'before' | 'after';
  /** Emits 'held' (channel id, nonce) when a POST is being held. */
  events: EventEmitter;
  /** POSTs held right now. */
  heldNow: number;
  /** Most gateway sessions identified at the same time (sampled every 50 ms). */
  maxSessionsAtOnce: number;
  /** Gateway logins seen (GET /gateway/bot). */
  logins(): number;
  close(): Promise<void>;
}

const shut = (server: Server): Promise<void> => new Promise((r) => {
  server.closeAllConnections();
  server.close(() => r());
});

/** Waits up to `ms`, or less if the client goes away. */
const wait = (req: IncomingMessage, ms: number): Promise<void> => new Promise((r) => {
  const timer = setTimeout(r, ms);
  req.socket.once('close', () => {
    clearTimeout(timer);
    r();
  });
});

/** Starts the fake with `guilds` guilds of `channelsEach` channels. */
export async function startClusterDiscord(guildCount: number, channelsEach: number): Promise<ClusterDiscord> {
  const guilds = new Map(Array.from({ length: guildCount }, (_, g) => [
    String(200000000000000100n + BigInt(g * 100)),
    Array.from({ length: channelsEach }, (_, c) => String(200000000000000101n + BigInt(g * 100 + c))),
  ]));
  const fake = await startFakeDiscord({ token: CLUSTER_TOKEN, guilds: [...guilds].map(([id, channels]) => ({ id, channels: channels.map((c) => ({ id: c })) })) });
  const target = new URL(fake.apiUrl);
  const discord: ClusterDiscord = {
    fake, apiUrl: '', guilds, hold: 'none', events: new EventEmitter(), heldNow: 0, maxSessionsAtOnce: 0,
    logins: () => fake.calls.filter((c) => c.path === '/gateway/bot').length,
    close: async () => undefined,
  };
  const sampler = setInterval(() => {
    discord.maxSessionsAtOnce = Math.max(discord.maxSessionsAtOnce, fake.gateway.identifiedSessions);
  }, 50);
  const proxy = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void (async () => {
      const body = Buffer.concat(chunks);
      const post = /^\/api\/v10\/channels\/(\d+)\/messages$/u.exec(req.url ?? '');
      const mode = req.method === 'POST' && post !== null ? discord.hold : 'none';
      if (mode !== 'none') {
        discord.hold = 'none';
        discord.heldNow++;
        discord.events.emit('held', post?.[1], String((JSON.parse(body.toString('utf8')) as { nonce?: unknown }).nonce ?? ''));
      }
      try {
        if (mode === 'before') await wait(req, 2000);
        if (req.socket.destroyed) return;
        const answer = await forward(target, req, body);
        if (mode === 'after') await wait(req, 2000);
        if (!res.destroyed) res.writeHead(answer.status, answer.headers).end(answer.body);
      } finally {
        if (mode !== 'none') discord.heldNow--;
      }
    })());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  discord.apiUrl = `http://127.0.0.1:${String((proxy.address() as AddressInfo).port)}/api`;
  discord.close = async () => {
    clearInterval(sampler);
    await shut(proxy);
    await fake.close();
  };
  return discord;
}
