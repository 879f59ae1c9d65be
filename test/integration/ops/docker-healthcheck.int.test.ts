/**
 * The Dockerfile's HEALTHCHECK command, run as written (node -e, with
 * METRICS_PORT from the environment as in the container) against a real ops
 * server on 127.0.0.1: exit 0 when /healthz is 200, 1 when it is 503 or when
 * nothing listens.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpsServer, type OpsServer } from '../../../adapters/ops/ops-server.ts';
import { silentLogger } from '../../../src/index.ts';

const dockerfile = readFileSync(resolve(import.meta.dirname, '..', '..', '..', 'Dockerfile'), 'utf8').replace(/\\\n/gu, ' ');
const command = JSON.parse(/^HEALTHCHECK .*?CMD (\[.*\])\s*$/mu.exec(dockerfile)?.[1] ?? '[]') as string[];

function runCheck(port: number): Promise<number> {
  const [file, ...args] = command;
  return new Promise((done) => {
    execFile(file === 'node' ? process.execPath : String(file), args, { env: { METRICS_PORT: String(port) }, timeout: 20_000 }, (err) => {
      done(err === null ? 0 : typeof err.code === 'number' ? err.code : -1);
    });
  });
}

let healthy = true;
let server: OpsServer;
beforeAll(async () => {
  server = await startOpsServer({
    host: '127.0.0.1', port: 0, registry: new Registry(), logger: silentLogger,
    health: () => (healthy ? { ok: true } : { ok: false, reason: 'the bot is not running (starting up or stopped)' }),
  });
});
afterAll(() => server.close());

describe('the Dockerfile HEALTHCHECK', () => {
  it('given /healthz 200, then 503, then no server, then it exits 0, 1, 1', async () => {
    expect(command[0]).toBe('node');
    expect(await runCheck(server.port)).toBe(0);
    healthy = false;
    expect(await runCheck(server.port)).toBe(1);
    const port = server.port;
    await server.close();
    expect(await runCheck(port)).toBe(1);
  });
});
