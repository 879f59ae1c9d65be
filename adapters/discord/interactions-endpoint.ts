/**
 * Discord's HTTP interactions endpoint (DISCORD_MODE=http), the alternative
 * to the gateway that a load balancer can spread over instances: node:http,
 * `POST /interactions` only. Each request is size-capped, its Ed25519
 * signature and timestamp checked (401 when missing, wrong or stale), its
 * JSON validated with zod (400), then answered at once: PONG for PING, a
 * deferred ack (type 5) for commands, whose result follows over the
 * interaction webhook after the response was sent. `stop()` refuses new
 * interactions (503) and waits for the deferred work already running.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DigestError, toDigestError } from '../../src/index.ts';
import { answerInteraction, type HttpInteractionDeps, type InteractionAnswer } from './http-interaction.ts';
import { discordInteractionSchema } from './interaction-schema.ts';
import { checkDiscordSignature } from './verify-signature.ts';

export interface InteractionsEndpointOptions extends HttpInteractionDeps {
  host: string;
  /** 0: any free port. */
  port: number;
  publicKey: KeyObject;
  /** @defaultValue '/interactions' */
  path?: string;
  /** Largest request body accepted, in bytes. @defaultValue 65536 */
  maxBodyBytes?: number;
  /** The current time in ms (signature timestamps). @defaultValue Date.now */
  now?: () => number;
  /** Longest wait in stop() for deferred commands still running, in ms. @defaultValue 10000 */
  drainMs?: number;
}

export interface InteractionsEndpoint {
  port: number;
  /** The endpoint URL, e.g. http://127.0.0.1:3001/interactions */
  url: string;
  /** Whether new interactions are still taken (false once stop() began). */
  accepting(): boolean;
  /** Deferred commands still running. */
  inflight(): number;
  stop(): Promise<void>;
}

class BodyTooLarge extends Error {}

function readCapped(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > max) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(bytes.byteLength) });
  res.end(bytes);
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Checks and parses one request; the answer to send, with any deferred work. */
async function handle(options: InteractionsEndpointOptions, req: IncomingMessage): Promise<InteractionAnswer> {
  let raw: Buffer;
  try {
    raw = await readCapped(req, options.maxBodyBytes ?? 65_536);
  } catch (err) {
    if (err instanceof BodyTooLarge) return { status: 413, body: { error: 'request body too large' }, after: null };
    throw err;
  }
  const nowS = Math.floor((options.now ?? Date.now)() / 1000);
  const check = checkDiscordSignature(options.publicKey, {
    signature: header(req, 'x-signature-ed25519'), timestamp: header(req, 'x-signature-timestamp'),
  }, raw, nowS);
  if (!check.ok) {
    options.logger.info('discord interaction with a bad signature, refused', { platform: 'discord', reason: check.reason });
    return { status: 401, body: { error: `invalid request signature (${check.reason})` }, after: null };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return { status: 400, body: { error: 'the body is not JSON' }, after: null };
  }
  const parsed = discordInteractionSchema.safeParse(json);
  if (!parsed.success) return { status: 400, body: { error: 'not an interaction', issues: parsed.error.issues.length }, after: null };
  return answerInteraction(options, parsed.data);
}

/**
 * Starts the endpoint.
 * @throws DigestError `config/invalid` when it cannot listen (DISCORD_INTERACTIONS_HOST, DISCORD_INTERACTIONS_PORT).
 */
export async function startInteractionsEndpoint(options: InteractionsEndpointOptions): Promise<InteractionsEndpoint> {
  const { logger } = options;
  const path = options.path ?? '/interactions';
  const running = new Set<Promise<void>>();
  let accepting = true;
  const server = createServer({ requestTimeout: 10_000, headersTimeout: 10_000 }, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== path) return reply(res, 404, { error: `not found: POST ${path}` });
    if (req.method !== 'POST') return reply(res, 405, { error: 'method not allowed' });
    if (!accepting) return reply(res, 503, { error: 'shutting down' });
    handle(options, req).then((answer) => {
      reply(res, answer.status, answer.body);
      if (answer.after === null) return;
      // The ack is on its way; the command's work starts on the loop's next turn.
      const task = new Promise<void>((resolve) => setImmediate(resolve)).then(answer.after).finally(() => running.delete(task));
      running.add(task);
    }).catch((err: unknown) => {
      logger.error('discord interaction request failed', { platform: 'discord', mode: 'http', err: toDigestError(err).message });
      if (!res.headersSent) reply(res, 500, { error: 'internal error' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    const failed = (err: Error): void => reject(new DigestError('config/invalid',
      `the Discord interactions endpoint cannot listen on ${options.host}:${String(options.port)} (DISCORD_INTERACTIONS_HOST, DISCORD_INTERACTIONS_PORT): ${err.message}`, { cause: err }));
    server.once('error', failed);
    server.listen(options.port, options.host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    port,
    url: `http://${host}:${String(port)}${path}`,
    accepting: () => accepting,
    inflight: () => running.size,
    async stop() {
      accepting = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const drained = Promise.allSettled([...running]);
      await Promise.race([drained, new Promise<void>((resolve) => { timer = setTimeout(resolve, options.drainMs ?? 10_000); })]);
      clearTimeout(timer);
      server.closeAllConnections();
      await closed;
      logger.info('discord interactions endpoint stopped', { platform: 'discord', mode: 'http' });
    },
  };
}
