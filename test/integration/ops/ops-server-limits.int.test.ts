/**
 * The ops server's limits on 127.0.0.1: a scrape that hangs answers 503
 * instead of hanging the scraper, a health check that throws reads as
 * unhealthy, a stalled client is cut off, and a taken port is a named
 * configuration error.
 */
import { connect } from 'node:net';
import { Gauge, Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startOpsServer, type HealthReport, type OpsServer } from '../../../adapters/ops/ops-server.ts';
import { DigestError, silentLogger } from '../../../src/index.ts';

const servers: OpsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(registry: Registry, health: () => HealthReport, port = 0): Promise<OpsServer> {
  const server = await startOpsServer({ host: '127.0.0.1', port, registry, health, logger: silentLogger, timeoutMs: 300 });
  servers.push(server);
  return server;
}

describe('ops server limits', () => {
  it('given a metric whose collection never ends, then /metrics answers 503 within the time cap and the server keeps serving', async () => {
    const registry = new Registry();
    new Gauge({ name: 'stuck', help: 'never collected', registers: [registry], collect: () => new Promise<void>(() => undefined) });
    const server = await start(registry, () => ({ ok: true }));
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('metrics unavailable\n');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('given a health check that throws, then /healthz is 503 with the error as the reason', async () => {
    const server = await start(new Registry(), () => {
      throw new DigestError('internal/unexpected', 'disk I/O error');
    });
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', reason: 'disk I/O error' });
  });

  it('given a client that sends half a request and stalls, then the server closes the connection', async () => {
    const server = await start(new Registry(), () => ({ ok: true }));
    const socket = connect(server.port, '127.0.0.1');
    socket.write('GET /metrics HTTP/1.1\r\nHost: x\r\n');
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    expect(Buffer.concat(received).toString('latin1')).toMatch(/^HTTP\/1\.1 408/u);
  });

  it('given the port is taken, then starting fails with config/invalid naming METRICS_PORT', async () => {
    const first = await start(new Registry(), () => ({ ok: true }));
    const err = await start(new Registry(), () => ({ ok: true }), first.port).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DigestError);
    expect((err as DigestError).code).toBe('config/invalid');
    expect((err as DigestError).message).toContain('METRICS_PORT');
  });
});
