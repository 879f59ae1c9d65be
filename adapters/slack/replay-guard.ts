/**
 * The Slack request check for HTTP mode, done once per request, in front of
 * Bolt (whose own check is turned off: `signatureVerification: false`). It
 * refuses with 401 a request whose signature does not match or whose
 * timestamp is older than five minutes, and, since a signed request stays
 * valid for those five minutes (whoever sees one, a logging proxy or a leaked
 * capture, could run the command again), it remembers every validly signed
 * request for the window and answers a second copy with 401 too.
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
 * Puts the signature and replay check in front of an HTTPReceiver's request listener (create the receiver with
 * `signatureVerification: false`: this is the one check). POSTs to the event endpoints reach Bolt only with a
 * valid, fresh, first-seen signature; other requests go to Bolt untouched (it dispatches nothing for them).
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
    if (!valid) {
      options.logger.info('slack request with a bad or stale signature, refused', { platform: 'slack' });
      HTTPModuleFunctions.buildNoBodyResponse(res, 401);
      return;
    }
    if (cache.seen(signature, timestamp * 1000)) {
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
