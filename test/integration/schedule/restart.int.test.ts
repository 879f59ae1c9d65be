/**
 * Restart safety with real processes: a delivery killed with SIGKILL after
 * the platform received the post but before the ledger recorded it is
 * retried on restart with the same idempotency key, so the platform (which,
 * like Discord's enforced nonces, drops a repeated key) shows one message;
 * a further restart posts nothing. A daily run missed while the process was
 * down is posted once, marked late, by the next start's catch-up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';

const child = resolve(import.meta.dirname, '..', '..', 'fakes', 'delivery-child.ts');
const dir = mkdtempSync(join(tmpdir(), 'digestbot-restart-'));
const db = join(dir, 'bot.sqlite');

let server: Server;
let url = '';
const received: string[] = [];
const messages = new Map<string, string>();
let hangNext = true;
let onReceive: (() => void) | null = null;

function handle(req: IncomingMessage, res: ServerResponse): void {
  const key = String(req.headers['x-idempotency-key']);
  received.push(key);
  req.resume();
  req.on('end', () => {
    onReceive?.();
    if (hangNext) {
      hangNext = false;
      return; // never answers: the child is killed while waiting
    }
    if (!messages.has(key)) messages.set(key, `m${String(messages.size + 1)}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: messages.get(key) }));
  });
}

function start(...args: string[]): { proc: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, ...(args.length === 0 ? ['deliver', db, url] : args)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => { out += d.toString(); });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((r) => {
    proc.on('close', (code, signal) => { r({ code, signal, out }); });
  });
  return { proc, done };
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/messages`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => { r(); }));
  rmSync(dir, { recursive: true, force: true });
});

describe('restart during a delivery', () => {
  it('given SIGKILL after the platform got the post, then a restart completes the run with one visible message and a further restart posts nothing', async () => {
    const first = start();
    await new Promise<void>((r) => { onReceive = r; });
    onReceive = null;
    first.proc.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');

    const store = openSqliteStore(db);
    expect((await store.ledger.get('morning', '2026-11-20T06:30:00.000Z', 'discord:123'))?.status).toBe('claimed');
    await store.close();

    const second = await start().done;
    expect(second.out.trim()).toBe('posted');
    const third = await start().done;
    expect(third.out.trim()).toBe('already-posted');

    expect(received).toHaveLength(2);
    expect(new Set(received).size).toBe(1);
    expect(messages.size).toBe(1);
    const after = openSqliteStore(db);
    expect(await after.ledger.get('morning', '2026-11-20T06:30:00.000Z', 'discord:123')).toMatchObject({ status: 'posted', attempts: 2, messageRef: 'm1' });
    await after.close();
  }, 30_000);

  it('given a daily run missed while down, then the next start posts it once, marked late, and the start after posts nothing', async () => {
    hangNext = false;
    const missed = new Date(Date.now() - 3 * 60_000);
    const cronExpr = `${String(missed.getUTCMinutes())} ${String(missed.getUTCHours())} * * *`;
    const before = received.length;
    const first = await start('catch-up', db, url, cronExpr).done;
    expect(first.out.trim()).toBe('1');
    const second = await start('catch-up', db, url, cronExpr).done;
    expect(second.out.trim()).toBe('0');
    expect(received.length - before).toBe(1);
    const store = openSqliteStore(db);
    const runs = await store.ledger.since('daily', new Date(Date.now() - 86_400_000).toISOString());
    await store.close();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'posted', late: true, channel: 'discord:456', attempts: 1 });
  }, 30_000);
});
