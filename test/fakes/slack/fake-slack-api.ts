/**
 * A local Slack on 127.0.0.1 for adapter tests and load tests:
 * - Web API at `/api/<method>` (JSON or form bodies): auth.test, users.info
 *   (configurable users with admin flags), chat.postMessage (recorded, blocks
 *   parsed from their JSON string), apps.connections.open, and the file
 *   upload of files.uploadV2 (files.getUploadURLExternal → POST of the bytes
 *   to an upload_url on the fake → files.completeUploadExternal, recorded as
 *   `uploads`); anything else answers `unknown_method`;
 * - failure injection per method with `failNext` (Slack errors, HTTP
 *   statuses, 429 with Retry-After), and `holdNext` to keep a request
 *   waiting until the test releases it (a hung upload);
 * - response_url endpoints (`/response/<id>`) that record what is posted;
 * - a Socket Mode WebSocket (`/socket`): hello on connect, envelopes pushed
 *   with `sendEnvelope`, acks recorded.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { multipartBoundary, parseMultipart } from '../multipart.ts';

export interface FakeSlackUser {
  id: string;
  name?: string;
  teamId?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  isPrimaryOwner?: boolean;
}

export interface FakeSlackApiOptions {
  /** The bot token auth.test accepts. @defaultValue 'xoxb-test-token' */
  botToken?: string;
  /** More bot tokens accepted like `botToken` (other workspaces' installations). @defaultValue none */
  otherBotTokens?: string[];
  /** The app-level token apps.connections.open accepts. @defaultValue 'xapp-test-token' */
  appToken?: string;
  /** The workspace. @defaultValue { id: 'T0001', name: 'Test Workspace' } */
  team?: { id: string; name: string };
  users?: FakeSlackUser[];
}

/** What the next call of a method gets instead of its normal answer. */
export interface InjectedFailure {
  /** HTTP status. @defaultValue 200 (with `{ ok: false, error }`), or 429 when `retryAfter` is set */
  status?: number;
  /** The Slack `error` string of an `ok: false` answer. @defaultValue 'internal_error' */
  error?: string;
  /** Seconds for the Retry-After header. */
  retryAfter?: number;
}

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** The bearer token (from the header or the `token` field). */
  token: string | null;
  /** The HTTP status the fake answered with. */
  status: number;
  at: number;
}

export interface PostedMessage {
  channel: string;
  text: string;
  blocks: unknown[];
  ts: string;
  params: Record<string, unknown>;
}

/** A file shared through files.completeUploadExternal, with the bytes posted to its upload_url. */
export interface UploadedFile {
  fileId: string;
  filename: string;
  altText: string | null;
  /** Declared by getUploadURLExternal. */
  length: number;
  /** What arrived at the upload_url (null if nothing did). */
  bytes: Buffer | null;
  /** Set once completed: where it was shared. */
  channel: string | null;
  threadTs: string | null;
  title: string | null;
  completed: boolean;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
  /** The HTTP status the fake answered with. */
  status: number;
  at: number;
}

export interface SocketEnvelope {
  envelope_id: string;
  type: string;
  payload: unknown;
  accepts_response_payload: boolean;
}

export interface FakeSlackApi {
  /** Web API base for `clientOptions.slackApiUrl`, ending in `/api/`. */
  apiUrl: string;
  /** Absolute URL of a path on the fake. */
  url(path: string): string;
  /** A response_url that records what is posted to it. */
  responseUrl(id?: string): string;
  readonly calls: RecordedCall[];
  readonly posted: PostedMessage[];
  readonly responses: ResponseUrlPost[];
  /** Files announced with files.getUploadURLExternal, in order (see `completed`). */
  readonly uploads: UploadedFile[];
  /** Acks (and other frames) received over the Socket Mode WebSocket. */
  readonly socketFrames: Record<string, unknown>[];
  readonly users: Map<string, FakeSlackUser>;
  /** Makes the next call of `method` (or `response_url`, or `upload_url` for the byte upload) fail. Calls queue up. */
  failNext(method: string, failure: InjectedFailure): void;
  /**
   * Keeps the next request of `method` (or `response_url`, or `upload_url`) waiting, unanswered, until
   * `release()`; `arrived` resolves when it has come in. Holds queue up.
   */
  holdNext(method: string): { arrived: Promise<void>; release(): void };
  /** Calls of one method. */
  callsOf(method: string): RecordedCall[];
  /** Resolves when `check` holds (checked after every recorded request), or rejects after `timeoutMs`. */
  waitFor(check: () => boolean, timeoutMs?: number): Promise<void>;
  /** Number of open Socket Mode connections. */
  socketConnections(): number;
  /** Pushes an envelope to every open socket; resolves with the client's ack. */
  sendEnvelope(type: string, payload: unknown): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseParams(contentType: string, raw: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(raw));
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const botTokens = new Set([options.botToken ?? 'xoxb-test-token', ...(options.otherBotTokens ?? [])]);
  const appToken = options.appToken ?? 'xapp-test-token';
  const team = options.team ?? { id: 'T0001', name: 'Test Workspace' };
  const users = new Map((options.users ?? []).map((u) => [u.id, u]));
  const calls: RecordedCall[] = [];
  const posted: PostedMessage[] = [];
  const responses: ResponseUrlPost[] = [];
  const uploads: UploadedFile[] = [];
  const socketFrames: Record<string, unknown>[] = [];
  const failures = new Map<string, InjectedFailure[]>();
  const holds = new Map<string, { arrive(): void; released: Promise<void> }[]>();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const sockets = new Set<WebSocket>();
  let tsCounter = 0;
  let envelopeCounter = 0;
  let base = '';

  const takeFailure = (method: string): InjectedFailure | undefined => failures.get(method)?.shift();

  function answerFailure(res: ServerResponse, failure: InjectedFailure): number {
    const status = failure.status ?? (failure.retryAfter === undefined ? 200 : 429);
    const headers: Record<string, string> = failure.retryAfter === undefined ? {} : { 'retry-after': String(failure.retryAfter) };
    json(res, status, { ok: false, error: failure.error ?? (status === 429 ? 'ratelimited' : 'internal_error') }, headers);
    return status;
  }

  function method(name: string, params: Record<string, unknown>, token: string | null): { status: number; body: unknown } {
    switch (name) {
      case 'auth.test':
        return token !== null && botTokens.has(token)
          ? { status: 200, body: { ok: true, url: 'https://test.slack.invalid/', team: team.name, team_id: team.id, user: 'digestbot', user_id: 'UBOT', bot_id: 'BBOT' } }
          : { status: 200, body: { ok: false, error: 'invalid_auth' } };
      case 'users.info': {
        const user = users.get(String(params['user']));
        if (user === undefined) return { status: 200, body: { ok: false, error: 'user_not_found' } };
        return {
          status: 200,
          body: {
            ok: true,
            user: {
              id: user.id, team_id: user.teamId ?? team.id, name: user.name ?? user.id,
              is_admin: user.isAdmin ?? false, is_owner: user.isOwner ?? false, is_primary_owner: user.isPrimaryOwner ?? false,
            },
          },
        };
      }
      case 'chat.postMessage': {
        if ((token === null || !botTokens.has(token))) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
        tsCounter += 1;
        const ts = `${Math.floor(Date.now() / 1000)}.${String(tsCounter).padStart(6, '0')}`;
        const rawBlocks = params['blocks'];
        const blocks = typeof rawBlocks === 'string' ? (JSON.parse(rawBlocks) as unknown[]) : Array.isArray(rawBlocks) ? rawBlocks : [];
        const channel = String(params['channel']);
        posted.push({ channel, text: String(params['text'] ?? ''), blocks, ts, params });
        return { status: 200, body: { ok: true, channel, ts, message: { type: 'message', text: params['text'], ts } } };
      }
      case 'files.getUploadURLExternal': {
        if ((token === null || !botTokens.has(token))) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
        const length = Number(params['length']);
        if (typeof params['filename'] !== 'string' || !Number.isInteger(length) || length <= 0) return { status: 200, body: { ok: false, error: 'invalid_arguments' } };
        const fileId = `F${String(uploads.length + 1).padStart(6, '0')}`;
        uploads.push({ fileId, filename: params['filename'], altText: typeof params['alt_text'] === 'string' ? params['alt_text'] : null, length, bytes: null, channel: null, threadTs: null, title: null, completed: false });
        return { status: 200, body: { ok: true, upload_url: `${base}/upload/${fileId}`, file_id: fileId } };
      }
      case 'files.completeUploadExternal': {
        if ((token === null || !botTokens.has(token))) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
        const files = JSON.parse(String(params['files'] ?? '[]')) as { id: string; title?: string }[];
        const found = files.map((f) => ({ f, upload: uploads.find((u) => u.fileId === f.id && u.bytes !== null) }));
        if (files.length === 0 || found.some((x) => x.upload === undefined)) return { status: 200, body: { ok: false, error: 'file_not_found' } };
        for (const { f, upload } of found) {
          if (upload === undefined) continue;
          Object.assign(upload, { completed: true, title: f.title ?? null, channel: typeof params['channel_id'] === 'string' ? params['channel_id'] : null, threadTs: typeof params['thread_ts'] === 'string' ? params['thread_ts'] : null });
        }
        return { status: 200, body: { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? '' })) } };
      }
      case 'apps.connections.open':
        return token === appToken
          ? { status: 200, body: { ok: true, url: `${base.replace(/^http/u, 'ws')}/socket` } }
          : { status: 200, body: { ok: false, error: 'invalid_auth' } };
      default:
        return { status: 200, body: { ok: false, error: 'unknown_method' } };
    }
  }

  /** The upload_url: like files.slack.com, takes the bytes (raw or as a form's file part) and answers "OK - <length>". */
  function receiveUpload(fileId: string, contentType: string | undefined, body: Buffer, res: ServerResponse): void {
    const failure = takeFailure('upload_url');
    const upload = uploads.find((u) => u.fileId === fileId);
    if (failure !== undefined || upload === undefined) {
      res.writeHead(failure?.status ?? 404, { 'content-type': 'text/plain' }).end('upload failed');
      return;
    }
    const boundary = multipartBoundary(contentType);
    const data = boundary === null ? body : parseMultipart(body, boundary).find((p) => p.filename !== null)?.data ?? Buffer.alloc(0);
    upload.bytes = Buffer.from(data);
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${String(data.length)}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    const bytes = await readBody(req);
    const raw = bytes.toString('utf8');
    const held = holds.get(path.startsWith('/upload/') ? 'upload_url' : path.startsWith('/response/') ? 'response_url' : path.slice('/api/'.length))?.shift();
    if (held !== undefined) {
      held.arrive();
      await held.released;
    }
    if (req.method === 'POST' && path.startsWith('/upload/')) {
      receiveUpload(path.slice('/upload/'.length), req.headers['content-type'], bytes, res);
      return;
    }
    if (req.method === 'POST' && path.startsWith('/response/')) {
      const failure = takeFailure('response_url');
      let status = 200;
      if (failure !== undefined) status = answerFailure(res, failure);
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      responses.push({ id: path.slice('/response/'.length), body: JSON.parse(raw === '' ? '{}' : raw) as Record<string, unknown>, status, at: Date.now() });
      return;
    }
    if (req.method !== 'POST' || !path.startsWith('/api/')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const name = path.slice('/api/'.length);
    const params = parseParams(req.headers['content-type'] ?? '', raw);
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') === true ? header.slice('Bearer '.length) : typeof params['token'] === 'string' ? params['token'] : null;
    const failure = takeFailure(name);
    let status: number;
    if (failure !== undefined) status = answerFailure(res, failure);
    else {
      const answer = method(name, params, token);
      status = answer.status;
      json(res, status, answer.body);
    }
    calls.push({ method: name, params, token, status, at: Date.now() });
  }

  const server = createServer((req, res) => {
    handle(req, res)
      .catch((err: unknown) => {
        if (!res.headersSent) json(res, 400, { ok: false, error: 'invalid_request', detail: String(err) });
      })
      .finally(() => events.emit('record'));
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if ((req.url ?? '').split('?')[0] !== '/socket') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('message', (data) => {
        socketFrames.push(JSON.parse(String(data)) as Record<string, unknown>);
        events.emit('record');
      });
      ws.on('close', () => {
        sockets.delete(ws);
        events.emit('record');
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: sockets.size, debug_info: { host: 'fake-slack', approximate_connection_time: 18_060 }, connection_info: { app_id: 'A0001' } }));
      events.emit('record');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeSlackApi = {
    apiUrl: `${base}/api/`,
    url: (path) => `${base}${path}`,
    responseUrl: (id = String(Math.random()).slice(2)) => `${base}/response/${id}`,
    calls, posted, responses, uploads, socketFrames, users,
    failNext(name, failure) {
      const queue = failures.get(name) ?? [];
      queue.push(failure);
      failures.set(name, queue);
    },
    holdNext(name) {
      let arrive = (): void => undefined;
      let release = (): void => undefined;
      const arrived = new Promise<void>((resolve) => { arrive = resolve; });
      const released = new Promise<void>((resolve) => { release = resolve; });
      const queue = holds.get(name) ?? [];
      queue.push({ arrive, released });
      holds.set(name, queue);
      return { arrived, release };
    },
    callsOf: (name) => calls.filter((c) => c.method === name),
    waitFor(check, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        if (check()) {
          resolve();
          return;
        }
        const onRecord = (): void => {
          if (!check()) return;
          clearTimeout(timer);
          events.off('record', onRecord);
          resolve();
        };
        const timer = setTimeout(() => {
          events.off('record', onRecord);
          reject(new Error(`fake Slack: condition not met within ${timeoutMs} ms`));
        }, timeoutMs);
        events.on('record', onRecord);
      });
    },
    socketConnections: () => sockets.size,
    async sendEnvelope(type, payload) {
      if (sockets.size === 0) throw new Error('fake Slack: no Socket Mode connection');
      envelopeCounter += 1;
      const envelope: SocketEnvelope = { envelope_id: `env-${envelopeCounter}`, type, payload, accepts_response_payload: type !== 'events_api' };
      for (const ws of sockets) ws.send(JSON.stringify(envelope));
      const isAck = (f: Record<string, unknown>): boolean => f['envelope_id'] === envelope.envelope_id;
      await fake.waitFor(() => socketFrames.some(isAck));
      return socketFrames.find(isAck) as Record<string, unknown>;
    },
    close: () => new Promise<void>((resolve) => {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  return fake;
}
