/**
 * A local, protocol-level fake of Discord for driving the real discord.js
 * client: REST under /api/v10 and a plain-JSON gateway at /gateway, on
 * 127.0.0.1. It records every REST call, can fail chosen calls (429 with
 * retry-after, 404 10003, 403 50013…), and dispatches interactions whose
 * callback and edit a test can await. Reusable by load tests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { multipartBoundary, parseMultipart, type FormPart } from '../multipart.ts';
import { FakeGateway } from './gateway.ts';
import {
  discordFailures, interactionPayload, messagePayload, snowflake, userPayload,
  type FakeFailure, type FakeGuildSpec, type InteractionInput,
} from './payloads.ts';

export { discordFailures, snowflake, type FakeChannelSpec, type FakeFailure, type FakeGuildSpec, type FakeMemberSpec, type InteractionInput } from './payloads.ts';

/** One REST request as the fake saw it. */
export interface RecordedCall {
  method: string;
  /** Decoded path below /api/v10, e.g. `/channels/123/messages`, `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** File parts of a multipart/form-data request (the JSON body then comes from `payload_json`). */
  files: FormPart[];
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** performance.now() when the request arrived. */
  time: number;
  /** Status the fake answered with. */
  status: number;
}

/** A message created through POST /channels/:id/messages. */
export interface PostedMessage {
  id: string;
  channelId: string;
  nonce: string | null;
  body: Record<string, unknown>;
  /** Files uploaded with the message (multipart `files[n]` parts). */
  files: FormPart[];
}

export interface FakeDiscordOptions {
  /** @defaultValue a fresh snowflake */
  applicationId?: string;
  /** @defaultValue a fresh snowflake */
  botUserId?: string;
  /** Bot token the fake accepts; @defaultValue any `Bot …` token */
  token?: string;
  /** Guilds sent after READY. @defaultValue one guild with one channel */
  guilds?: FakeGuildSpec[];
  /** @defaultValue 41250 */
  heartbeatIntervalMs?: number;
  /** Like Discord, a repeated nonce with `enforce_nonce` returns the earlier message only within this window. @defaultValue 120000 (Discord: "a few minutes") */
  nonceWindowMs?: number;
}

/** A dispatched interaction: its ids, send time, and waiters for its REST calls. */
export interface DispatchedInteraction {
  id: string;
  token: string;
  /** performance.now() just before INTERACTION_CREATE was written to the socket. */
  sentAt: number;
  /** The interaction callback (defer, reply, autocomplete result). */
  callback(timeoutMs?: number): Promise<RecordedCall>;
  /** The PATCH of the original response. */
  edit(timeoutMs?: number): Promise<RecordedCall>;
  /** All REST calls for this interaction so far (callback and webhook calls), in order. */
  calls(): RecordedCall[];
}

export interface FakeDiscord {
  /** REST base to give discord.js (`rest.api`), e.g. http://127.0.0.1:PORT/api. */
  apiUrl: string;
  gatewayUrl: string;
  applicationId: string;
  botUserId: string;
  guilds: FakeGuildSpec[];
  calls: RecordedCall[];
  messages: PostedMessage[];
  gateway: FakeGateway;
  /** Fails the next `times` requests whose path (below /api/v10) matches: a string matches exactly, a RegExp by test. */
  failNext(pathPattern: string | RegExp, failure: FakeFailure, options?: { times?: number; method?: string }): void;
  /** Sends INTERACTION_CREATE to every identified session. */
  dispatchInteraction(input: InteractionInput): DispatchedInteraction;
  /** Resolves with the first recorded call (past or future) the predicate accepts. */
  waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  close(): Promise<void>;
}

interface Rule {
  pattern: string | RegExp;
  method: string | undefined;
  remaining: number;
  failure: FakeFailure;
}

interface Waiter {
  predicate: (call: RecordedCall) => boolean;
  resolve: (call: RecordedCall) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const json = (body: unknown, status = 200): Reply => ({ status, body });
const notFound = (): Reply => json({ message: '404: Not Found', code: 0 }, 404);

/** The request body: JSON (or text), or for multipart/form-data the parsed `payload_json` and the file parts. */
async function readBody(req: IncomingMessage): Promise<{ body: unknown; files: FormPart[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const boundary = multipartBoundary(req.headers['content-type']);
  if (boundary !== null) {
    const parts = parseMultipart(raw, boundary);
    const payload = parts.find((p) => p.name === 'payload_json');
    return { body: payload === undefined ? null : JSON.parse(payload.data.toString('utf8')) as unknown, files: parts.filter((p) => p.filename !== null) };
  }
  const text = raw.toString('utf8');
  if (text === '') return { body: null, files: [] };
  try {
    return { body: JSON.parse(text) as unknown, files: [] };
  } catch {
    return { body: text, files: [] };
  }
}

/** Starts the fake on 127.0.0.1 (random port). */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const applicationId = options.applicationId ?? snowflake();
  const botUserId = options.botUserId ?? snowflake();
  const guilds = options.guilds ?? [{ id: snowflake(), channels: [{ id: snowflake() }] }];
  const calls: RecordedCall[] = [];
  const messages: PostedMessage[] = [];
  const rules: Rule[] = [];
  const waiters = new Set<Waiter>();
  const interactions = new Map<string, { token: string; answered: boolean }>();
  const acceptedAt = new Map<PostedMessage, number>();
  const nonceWindowMs = options.nonceWindowMs ?? 120_000;
  const bot = userPayload(botUserId, 'digestbot', true);
  let port = 0;

  const gateway = new FakeGateway({
    applicationId, botUserId, guilds, heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250, url: () => `ws://127.0.0.1:${port}/gateway`,
  });

  const channel = (id: string) => {
    for (const g of guilds) {
      const c = g.channels.find((ch) => ch.id === id);
      if (c !== undefined) return c;
    }
    return undefined;
  };

  function takeFailure(method: string, path: string): FakeFailure | null {
    const rule = rules.find((r) => (r.method === undefined || r.method === method)
      && (typeof r.pattern === 'string' ? r.pattern === path : r.pattern.test(path)));
    if (rule === undefined) return null;
    rule.remaining -= 1;
    if (rule.remaining <= 0) rules.splice(rules.indexOf(rule), 1);
    return rule.failure;
  }

  function botAuthorized(headers: Record<string, string>): boolean {
    const auth = headers['authorization'] ?? '';
    return options.token === undefined ? auth.startsWith('Bot ') : auth === `Bot ${options.token}`;
  }

  function postMessage(channelId: string, body: Record<string, unknown>, files: FormPart[]): Reply {
    const target = channel(channelId);
    if (target === undefined) return discordFailures.unknownChannel();
    if (target.canSend === false) return discordFailures.missingPermissions();
    const nonce = typeof body['nonce'] === 'string' || typeof body['nonce'] === 'number' ? String(body['nonce']) : null;
    const repeat = body['enforce_nonce'] === true && nonce !== null ? messages.find((m) => m.channelId === channelId && m.nonce === nonce && Date.now() - (acceptedAt.get(m) ?? 0) <= nonceWindowMs) : undefined;
    if (repeat !== undefined) return json(messagePayload({ id: repeat.id, channelId, author: bot, body: repeat.body }));
    const message: PostedMessage = { id: snowflake(), channelId, nonce, body, files };
    messages.push(message);
    acceptedAt.set(message, Date.now());
    return json(messagePayload({ id: message.id, channelId, author: bot, body }));
  }

  function webhookMessage(body: Record<string, unknown>): Reply {
    return json(messagePayload({ id: snowflake(), channelId: snowflake(), author: bot, body, webhookId: applicationId, applicationId }));
  }

  function route(method: string, path: string, call: { body: unknown; files: FormPart[]; headers: Record<string, string> }): Reply {
    const body = (call.body ?? {}) as Record<string, unknown>;
    const parts = path.split('/').slice(1);
    const [head, a, b, c, d, e] = parts;
    if (head === 'interactions' && c === 'callback' && method === 'POST' && a !== undefined) {
      const known = interactions.get(a);
      if (known === undefined || known.token !== b) return json({ message: 'Unknown interaction', code: 10062 }, 404);
      if (known.answered) return json({ message: 'Interaction has already been acknowledged.', code: 40060 }, 400);
      known.answered = true;
      return { status: 204 };
    }
    if (head === 'webhooks' && a === applicationId && b !== undefined) {
      if (parts.length === 3 && method === 'POST') return webhookMessage(body);
      if (c === 'messages' && d !== undefined && e === undefined) {
        if (method === 'DELETE') return { status: 204 };
        if (method === 'PATCH' || method === 'GET') return webhookMessage(body);
      }
      return notFound();
    }
    if (!botAuthorized(call.headers)) return json({ message: '401: Unauthorized', code: 0 }, 401);
    if (head === 'gateway' && a === 'bot' && method === 'GET') {
      return json({ url: `ws://127.0.0.1:${port}/gateway`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
    }
    if (head === 'channels' && a !== undefined && b === 'messages' && c === undefined && method === 'POST') return postMessage(a, body, call.files);
    if (head === 'applications' && a === applicationId && method === 'PUT' && (b === 'commands' || (b === 'guilds' && d === 'commands'))) {
      const list = Array.isArray(call.body) ? (call.body as Record<string, unknown>[]) : [];
      return json(list.map((cmd) => ({ ...cmd, id: snowflake(), application_id: applicationId, version: snowflake(), ...(b === 'guilds' ? { guild_id: c } : {}) })));
    }
    return notFound();
  }

  function record(call: RecordedCall): void {
    calls.push(call);
    for (const w of waiters) {
      if (w.predicate(call)) {
        waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(call);
      }
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const time = performance.now();
    void readBody(req).then(({ body, files }) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/u, '');
      const method = (req.method ?? 'GET').toUpperCase();
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      const reply = url.pathname.startsWith('/api/v10/') ? (takeFailure(method, path) ?? route(method, path, { body, files, headers })) : notFound();
      record({ method, path, query: Object.fromEntries(url.searchParams), body, files, headers, time, status: reply.status });
      const hasBody = reply.body !== undefined && reply.status !== 204;
      res.writeHead(reply.status, { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...reply.headers });
      res.end(hasBody ? JSON.stringify(reply.body) : undefined);
    });
  });
  gateway.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  function waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    const seen = calls.find(predicate);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate, resolve, reject,
        timer: setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`fake Discord: no matching REST call within ${timeoutMs} ms (saw ${calls.map((c) => `${c.method} ${c.path}`).join(', ')})`));
        }, timeoutMs),
      };
      waiters.add(waiter);
    });
  }

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl: `ws://127.0.0.1:${port}/gateway`,
    applicationId, botUserId, guilds, calls, messages, gateway, waitForCall,
    failNext(pattern, failure, opts = {}) {
      rules.push({ pattern, failure, method: opts.method?.toUpperCase(), remaining: opts.times ?? 1 });
    },
    dispatchInteraction(input) {
      const id = snowflake();
      const token = `itoken-${id}`;
      interactions.set(id, { token, answered: false });
      const guild = input.guildId === null ? undefined : guilds.find((g) => g.id === (input.guildId ?? guilds[0]?.id));
      const guildId = input.guildId === null ? null : (input.guildId ?? guild?.id ?? null);
      const channelId = input.channelId === undefined ? (guild?.channels[0]?.id ?? null) : input.channelId;
      const permissions = input.permissions ?? guild?.members?.find((m) => m.id === input.userId)?.permissions ?? '0';
      const sentAt = gateway.dispatch('INTERACTION_CREATE', interactionPayload(input, { id, token, applicationId, guildId, channelId, permissions }));
      const mine = (call: RecordedCall) => call.path.startsWith(`/interactions/${id}/${token}/`) || call.path.startsWith(`/webhooks/${applicationId}/${token}`);
      return {
        id, token, sentAt,
        callback: (timeoutMs) => waitForCall((call) => call.path === `/interactions/${id}/${token}/callback`, timeoutMs),
        edit: (timeoutMs) => waitForCall((call) => call.method === 'PATCH' && call.path === `/webhooks/${applicationId}/${token}/messages/@original`, timeoutMs),
        calls: () => calls.filter(mine),
      };
    },
    async close() {
      for (const w of waiters) {
        clearTimeout(w.timer);
        w.reject(new Error('fake Discord closed'));
      }
      waiters.clear();
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
