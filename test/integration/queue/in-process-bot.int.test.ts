/**
 * The poll loop on SQLite through the in-process queue: the tick sends one job per due source (a second tick
 * while they wait collapses), the jobs poll the feeds on 127.0.0.1, and a polled source is not due again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot, createInProcessQueue, silentLogger, type Bot, type Store } from '../../../src/index.ts';
import { createHttpClient } from '../../../src/sources/http/client.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';
import { reply, startFixtureServer, type FixtureServer } from '../../fakes/http-fixtures.ts';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>';

describe('poll jobs on the in-process queue (SQLite)', () => {
  let dir: string;
  let store: Store;
  let server: FixtureServer;
  let bot: Bot;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'queue-bot-'));
    store = openSqliteStore(join(dir, 'bot.sqlite'));
    server = await startFixtureServer({ '/a': reply(FEED, { 'content-type': 'application/rss+xml' }), '/b': reply(FEED, { 'content-type': 'application/rss+xml' }) });
  });
  afterEach(async () => {
    await bot.stop();
    await store.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given two due sources, then one tick sends two jobs, a second tick meanwhile collapses, and both are polled once', async () => {
    const queue = createInProcessQueue({ logger: silentLogger });
    bot = createBot({
      store, queue, logger: silentLogger, clock: { now: () => new Date() }, graceMs: 0, pollTickMs: 0, files: [], readFolder: () => Promise.resolve([]),
      http: createHttpClient({ allowPrivateHosts: ['127.0.0.1'] }), policy: { pollIntervalMs: 900_000, pauseAfterFailures: 3, newSourceItems: 1 },
    });
    for (const name of ['a', 'b']) {
      await store.sources.add({ workspaceId: 'console:local', name, url: server.url(`/${name}`), type: 'rss', addedBy: 'test' }, new Date().toISOString());
    }
    // Before start() nobody works the queue: the jobs wait, and the second tick's collapse into them.
    await queue.declare({ name: 'poll-source', oneActivePerKey: true, collapseWaiting: true });
    expect(await bot.enqueueDue()).toBe(2);
    expect(await bot.enqueueDue()).toBe(0);
    await bot.start();
    await queue.idle();
    expect(server.requests.map((r) => r.path).sort()).toEqual(['/a', '/b']);
    expect((await store.sources.all()).every((s) => s.lastSuccessAt !== null)).toBe(true);
    expect(await bot.enqueueDue()).toBe(0);
  });
});
