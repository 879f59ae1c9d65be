/**
 * The chart flag from chat and on a scheduled run, through the real bot
 * (SQLite store, the bundled samples): `/schedule set … chart:on` stores
 * chart: true, the digest then carries a PNG, and a due run hands it to the
 * publisher; `chart:off` turns it off again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../../src/bot/create-bot.ts';
import { digestDefinitionSchema } from '../../../src/digests/definition.ts';
import type { Message } from '../../../src/messages/model.ts';
import { silentLogger } from '../../../src/ports.ts';
import { readFolderSource } from '../../../src/sources/folder.ts';
import { createHttpClient } from '../../../src/sources/http/client.ts';
import type { Store } from '../../../src/store/port.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';
import { decodePng } from '../../helpers/decode-png.ts';

const samples = resolve(import.meta.dirname, '..', '..', '..', 'digests', 'samples');
const WS = 'discord:guild1';
const SAMPLES_DEF = { name: 'samples', title: 'Samples', workspace: WS, sources: [{ type: 'folder', name: 'Beispiele', path: 'samples' }] };

let dir: string;
let store: Store;
let bot: Bot;
let now: Date;

function makeBot(graceMs = 0): Bot {
  return createBot({
    store, logger: silentLogger, clock: { now: () => now }, graceMs, pollTickMs: 0,
    http: createHttpClient({}), policy: { pollIntervalMs: 900_000, pauseAfterFailures: 3, newSourceItems: 2 },
    files: [{ def: digestDefinitionSchema.parse({ ...SAMPLES_DEF, channels: ['discord:c1'] }), dir: resolve(samples, '..') }],
    readFolder: (source, folder) => readFolderSource(resolve(folder ?? resolve(samples, '..'), source.path)),
    sleep: () => Promise.resolve(),
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bot-chart-'));
  store = openSqliteStore(join(dir, 'bot.sqlite'));
  now = new Date('2026-11-24T07:00:00.000Z');
  bot = makeBot();
});
afterEach(async () => {
  await bot.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ask = (command: string, args: string[]): Promise<Message> =>
  bot.core.run({ workspaceId: WS, userId: 'discord:u1', isAdmin: true, channelId: 'discord:c1', command, args });
const text = (m: Message): string => [m.title, ...m.sections.flatMap((s) => [s.heading ?? '', ...s.lines])].join('\n');
const stored = async (): Promise<{ chart: boolean; channels: string[] }> => JSON.parse((await store.definitions.get(WS, 'samples'))?.json ?? '{}') as { chart: boolean; channels: string[] };

describe('chart flag from chat', () => {
  it('given schedule set with chart:on, then the definition has chart: true and the digest carries the PNG', async () => {
    expect((await ask('digest', ['samples'])).image).toBeUndefined();
    const set = text(await ask('schedule', ['set', 'samples', '30 7 * * 1-5', 'Europe/Berlin', 'chart:on']));
    expect(set).toContain('→ discord:c1 · with key-figures chart');
    expect((await stored()).chart).toBe(true);
    const image = (await ask('digest', ['samples'])).image;
    expect(image?.filename).toBe('figures.png');
    expect(decodePng(image?.png ?? new Uint8Array()).width).toBe(640);
    expect((await store.audit.list(WS, 1))[0]?.details).toContain('with chart');
  });

  it('given chart:off before a channel, then both are taken and the chart is off again; a bad flag or two channels are refused', async () => {
    await ask('schedule', ['set', 'samples', '30 7 * * 1-5', 'Europe/Berlin', 'chart:on']);
    const set = text(await ask('schedule', ['set', 'samples', '30 7 * * 1-5', 'Europe/Berlin', 'chart:off', '<#777>']));
    expect(set).toContain('→ discord:777');
    expect(set).not.toContain('chart');
    expect(await stored()).toMatchObject({ chart: false, channels: ['discord:777'] });
    expect(text(await ask('schedule', ['set', 'samples', '0 8 * * *', 'UTC', 'chart:maybe']))).toContain('chart:on or chart:off');
    expect(text(await ask('schedule', ['set', 'samples', '0 8 * * *', 'UTC', '<#1>', '<#2>']))).toContain('two channels');
    expect((await stored()).channels).toEqual(['discord:777']);
  });

  it('given a stored digest with chart: true that was due while the bot was down, then the run posts the message with its chart', async () => {
    now = new Date(Date.now());
    const minute = new Date(now.getTime() - 60_000);
    await store.definitions.put(WS, 'samples', JSON.stringify(digestDefinitionSchema.parse({
      ...SAMPLES_DEF, chart: true, channels: ['discord:c1'], schedule: { cron: `${String(minute.getUTCMinutes())} ${String(minute.getUTCHours())} * * *`, timezone: 'UTC' },
    })), now.toISOString());
    await store.state.set('alive_at', new Date(now.getTime() - 10 * 60_000).toISOString());
    await bot.stop();
    bot = makeBot(3_600_000);
    const posts: Message[] = [];
    bot.addPublisher('discord', { publish(_channel, message) { posts.push(message); return Promise.resolve({ ref: 'm1' }); } });
    await bot.start();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.image?.alt).toMatch(/^Samples – changes in %\. /u);
    expect(decodePng(posts[0]?.image?.png ?? new Uint8Array()).chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
  });
});
