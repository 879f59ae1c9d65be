/**
 * The operator HTTP server (node:http): `GET /metrics` in the Prometheus text
 * format and `GET /healthz` (200 when healthy, 503 with the reason when not).
 * Only GET and HEAD; everything else 404 or 405. Small and time-capped: no
 * request body is read, slow clients are cut off, a slow scrape answers 503.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { DigestError, toDigestError, type Logger } from '../../src/index.ts';

export type HealthReport =
  | { ok: true; details?: Record<string, unknown> }
  | { ok: false; reason: string };

export interface OpsServerOptions {
  host: string;
  /** 0: any free port. */
  port: number;
  registry: Registry;
  /** Whether the bot is healthy now; a throw counts as unhealthy with its message. */
  health(): HealthReport | Promise<HealthReport>;
  logger: Logger;
  /** Longest time a request may take, including the scrape. @defaultValue 5000 */
  timeoutMs?: number;
}

export interface OpsServer {
  port: number;
  /** Base URL, e.g. http://127.0.0.1:9464 */
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, head: boolean, status: number, contentType: string, body: string, extra: Record<string, string> = {}): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, { 'content-type': contentType, 'content-length': String(bytes.byteLength), 'cache-control': 'no-store', ...extra });
  res.end(head ? undefined : bytes);
}

const json = (res: ServerResponse, head: boolean, status: number, value: unknown): void =>
  send(res, head, status, 'application/json; charset=utf-8', `${JSON.stringify(value)}\n`);

/** The registry's exposition text, or a rejection after `ms`. */
function scrape(registry: Registry, ms: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`metrics took longer than ${String(ms)} ms`)), ms);
  });
  return Promise.race([registry.metrics(), timeout]).finally(() => clearTimeout(timer));
}

async function checkHealth(health: () => HealthReport | Promise<HealthReport>): Promise<HealthReport> {
  try {
    return await health();
  } catch (err) {
    return { ok: false, reason: toDigestError(err).message };
  }
}

export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const { registry, logger } = options;
  const timeoutMs = options.timeoutMs ?? 5000;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    const head = req.method === 'HEAD';
    if (path !== '/metrics' && path !== '/healthz') {
      send(res, head, 404, 'text/plain; charset=utf-8', 'not found: try /metrics or /healthz\n');
      return;
    }
    if (req.method !== 'GET' && !head) {
      send(res, false, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { allow: 'GET, HEAD' });
      return;
    }
    if (path === '/healthz') {
      const report = await checkHealth(options.health);
      if (report.ok) json(res, head, 200, { status: 'ok', ...report.details });
      else json(res, head, 503, { status: 'unavailable', reason: report.reason });
      return;
    }
    try {
      send(res, head, 200, registry.contentType, await scrape(registry, timeoutMs));
    } catch (err) {
      logger.warn('metrics scrape failed', { err: toDigestError(err).message });
      send(res, head, 503, 'text/plain; charset=utf-8', 'metrics unavailable\n');
    }
  };

  // Slow or stalled clients are cut off after timeoutMs (checked every second, not every 30 s as by default).
  const server = createServer({ requestTimeout: timeoutMs, headersTimeout: timeoutMs, keepAliveTimeout: timeoutMs, connectionsCheckingInterval: 1000 }, (req, res) => {
    // No endpoint takes a body: drop whatever a client sends.
    req.resume();
    handle(req, res).catch((err: unknown) => {
      logger.error('ops request failed', { err: toDigestError(err).message });
      if (!res.headersSent) send(res, false, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.destroy();
    });
  });
  server.maxHeadersCount = 50;
  server.maxConnections = 64;

  await new Promise<void>((resolve, reject) => {
    const failed = (err: Error): void => reject(new DigestError('config/invalid',
      `the ops server cannot listen on ${options.host}:${String(options.port)} (METRICS_HOST, METRICS_PORT): ${err.message}`, { cause: err }));
    server.once('error', failed);
    server.listen(options.port, options.host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  server.on('error', (err) => logger.error('ops server error', { err: err.message }));
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    port,
    url: `http://${host}:${String(port)}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
