/**
 * Which runs count as missed after a restart (found by the crash campaign):
 * never one from before the bot's very first start, even when that first
 * process dies within the alive beat; and a process that dies during its
 * catch-up does not move the "last seen running" mark forward, so runs it
 * never reached are still caught up by the next start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALIVE_KEY, createBot, type Bot } from '../../../src/bot/create-bot.ts';
import { digestDefinitionSchema } from '../../../src/digests/definition.ts';
import type { MessagePublisher } from '../../../src/messages/model.ts';
import { silentLogger } from '../../../src/ports.ts';
import { runsBetween } from '../../../src/schedule/runs.ts';
import { readFolderSource } from '../../../src/sources/folder.ts';
import { createHttpClient } from '../../../src/sources/http/client.ts';
import type { Store } from '../../../src/store/port.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';

const digests = resolve(import.meta.dirname, '..', '..', '..', 'digests');
const DEF = digestDefinitionSchema.parse({
  name: 'minutely', title: 'Every minute', sources: [{ type: 'folder', name: 'Beispiele', path: 'samples' }],
  schedule: { cron: '* * * * *', timezone: 'UTC' }, channels: ['discord:c1'], maxArticles: 2,
});
const ID = 'console:local/minutely';

let dir: string;
let store: Store;
let now: Date;
const bots: Bot[] = [];

function bot(publisher: MessagePublisher): Bot {
  const b = createBot({
    store, logger: silentLogger, clock: { now: () => now }, graceMs: 3_600_000, pollTickMs: 0,
    http: createHttpClient({}), policy: { pollIntervalMs: 900_000, pauseAfterFailures: 3, newSourceItems: 2 },
    files: [{ def: DEF, dir: digests }], readFolder: (source, folder) => readFolderSource(resolve(folder ?? digests, source.path)),
    sleep: () => Promise.resolve(),
  });
  b.addPublisher('discord', publisher);
  bots.push(b);
  return b;
}
const working: MessagePublisher = { publish: (_c, _m, key) => Promise.resolve({ ref: key }) };
const hanging: MessagePublisher = { publish: () => new Promise(() => undefined) };
const postedRuns = async (): Promise<string[]> => (await store.ledger.since(ID, '2000-01-01T00:00:00.000Z')).filter((d) => d.status === 'posted').map((d) => d.scheduledFor);
const runs = (from: string, to: string): string[] => runsBetween(DEF.schedule ?? { cron: '', timezone: 'UTC' }, new Date(from), new Date(to)).map((d) => d.toISOString());

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'missed-window-'));
  store = openSqliteStore(join(dir, 'bot.sqlite'));
});

afterEach(async () => {
  for (const b of bots.splice(0)) await b.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the missed-run window after a restart', () => {
  it('given a first process that ran only half a minute, then the next start posts the runs since the first start and none before it', async () => {
    now = new Date('2026-11-20T12:00:30.000Z');
    const first = bot(working);
    expect(await first.start()).toBe(0);
    await first.stop();
    now = new Date('2026-11-20T12:05:30.000Z');
    expect(await bot(working).start()).toBe(5);
    expect(await postedRuns()).toEqual(runs('2026-11-20T12:00:30.000Z', '2026-11-20T12:05:30.000Z'));
  });

  it('given a process that dies during its catch-up, then its start does not count as a sign of life and the next start catches up everything', async () => {
    await store.state.set('first_started_at', '2026-11-20T10:00:00.000Z');
    await store.state.set(ALIVE_KEY, '2026-11-20T11:50:00.000Z');
    now = new Date('2026-11-20T12:00:30.000Z');
    void bot(hanging).start(); // stuck on its first post: as good as killed there
    await new Promise((r) => setTimeout(r, 50));
    expect(await store.state.get(ALIVE_KEY)).toBe('2026-11-20T11:50:00.000Z');
    now = new Date('2026-11-20T12:03:30.000Z');
    await bot(working).start();
    expect(await postedRuns()).toEqual(runs('2026-11-20T11:48:00.000Z', '2026-11-20T12:03:30.000Z'));
    expect(await store.state.get(ALIVE_KEY)).toBe('2026-11-20T12:03:30.000Z');
  });
});
