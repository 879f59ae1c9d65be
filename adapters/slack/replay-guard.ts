/**
 * Replay protection for Slack's HTTP mode. Bolt checks the signature and
 * refuses timestamps older than five minutes, but accepts the same signed
 * request again within those five minutes: whoever sees one request (a
 * logging proxy, a leaked capture) could run the command again. This guard
 * remembers every validly signed request for the five-minute window and
 * answers a second copy with 401 before Bolt dispatches it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, isValidSlackRequest, type HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../../src/index.ts';

/** Slack's own window: a request older than this is refused by Bolt anyway. */
export const SLACK_REPLAY_WINDOW_MS = 5 * 60_000;

export interface ReplayCacheOptions {
  /** How long a seen signature is remembered after its request's timestamp, in ms. @defaultValue 300000 (5 minutes) */
  windowMs?: number;
  /** Most signatures kept; when full, the oldest go first. @defaultValue 10000 */
  maxEntries?: number;
  /** The current time in ms. @defaultValue Date.now */
  now?: () => number;
}

/** Remembers request signatures for the replay window. */
export interface ReplayCache {
  /** Records `signature` (its request stamped `timestampMs`); returns true when it was already recorded and is still in the window. */
  seen(signature: string, timestampMs: number): boolean;
  readonly size: number;
}

export function createReplayCache(options: ReplayCacheOptions = {}): ReplayCache {
  const windowMs = options.windowMs ?? SLACK_REPLAY_WINDOW_MS;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  /** Signature → when it may be forgotten; insertion order is expiry order for Slack's monotonic timestamps. */
  const entries = new Map<string, number>();
  const sweep = (at: number): void => {
    for (const [signature, expires] of entries) {
      if (expires > at && entries.size < maxEntries) break;
      entries.delete(signature);
    }
  };
  return {
    seen(signature, timestampMs) {
      const at = now();
      const expires = entries.get(signature);
      if (expires !== undefined && expires > at) return true;
      sweep(at);
      // A timestamp in the future (clock skew) keeps the entry until the window after it has passed.
      entries.set(signature, Math.max(at, timestampMs) + windowMs);
      return false;
    },
    get size() {
      return entries.size;
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export interface ReplayGuardOptions {
  signingSecret: string;
  logger: Logger;
  cache?: ReplayCache;
  /** Paths Bolt receives events on. @defaultValue ['/slack/events'] */
  endpoints?: readonly string[];
}

/**
 * Puts the replay check in front of an HTTPReceiver's request listener. Only POSTs to the event endpoints with a
 * valid signature are recorded; anything else goes to Bolt untouched (Bolt rejects bad signatures itself).
 */
export function guardSlackReplays(receiver: HTTPReceiver, options: ReplayGuardOptions): void {
  const cache = options.cache ?? createReplayCache();
  const endpoints = options.endpoints ?? ['/slack/events'];
  const boltListener = receiver.requestListener;
  const checkThenPass = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let rawBody: Buffer;
    try {
      // Bolt reuses the buffered body (it checks for `rawBody`), so the stream is read once.
      ({ rawBody } = await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit));
    } catch (err) {
      HTTPModuleFunctions.buildNoBodyResponse(res, HTTPModuleFunctions.isRawBodyError(err) && err.statusCode === 413 ? 413 : 400);
      return;
    }
    const signature = header(req, 'x-slack-signature');
    const timestamp = Number(header(req, 'x-slack-request-timestamp'));
    const valid = signature !== undefined && Number.isFinite(timestamp) && isValidSlackRequest({
      signingSecret: options.signingSecret, body: rawBody.toString(), headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
    });
    if (valid && cache.seen(signature, timestamp * 1000)) {
      options.logger.warn('slack request replayed, refused', { platform: 'slack', timestamp });
      HTTPModuleFunctions.buildNoBodyResponse(res, 401);
      return;
    }
    boltListener(req, res);
  };
  receiver.requestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method?.toUpperCase() !== 'POST' || !endpoints.includes(path)) {
      boltListener(req, res);
      return;
    }
    checkThenPass(req, res).catch((err: unknown) => {
      options.logger.error('slack replay check failed', { platform: 'slack', err: err instanceof Error ? err.message : String(err) });
      if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, 500);
    });
  };
}
