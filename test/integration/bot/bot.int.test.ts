/**
 * The platform-neutral bot end to end in one process: real SQLite file, the
 * guarded HTTP client against feeds and pages on 127.0.0.1, commands through
 * ChatCore as an adapter would call them, publishers per platform.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../../src/bot/create-bot.ts';
import type { ChatRequest } from '../../../src/chat/core.ts';
import { digestDefinitionSchema } from '../../../src/digests/definition.ts';
import { DigestError } from '../../../src/errors.ts';
import type { Message } from '../../../src/messages/model.ts';
import { silentLogger } from '../../../src/ports.ts';
import { readFolderSource } from '../../../src/sources/folder.ts';
import { createHttpClient } from '../../../src/sources/http/client.ts';
import type { Store } from '../../../src/store/port.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';
import { reply, startFixtureServer, type FixtureServer, type Handler } from '../../fakes/http-fixtures.ts';

const samples = resolve(import.meta.dirname, '..', '..', '..', 'digests', 'samples');
const ENGLISH = readFileSync(join(samples, 'en-harbor-foods.html'));
const WS = 'discord:guild1';

let server: FixtureServer;
beforeAll(async () => {
  const routes: Record<string, Handler> = {};
  server = await startFixtureServer(routes);
  routes['/story'] = reply(ENGLISH);
  routes['/rss'] = reply(`<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger Daily</title>${[1, 2, 3, 4]
    .map((n) => `<item><title>Harbor Foods update ${String(n)}</title><link>${server.url('/story')}?v=${String(n)}</link><guid>h${String(n)}</guid></item>`).join('')}</channel></rss>`,
  { 'content-type': 'application/rss+xml' });
  routes['/home'] = reply(`<html><head><title>Ledger Daily home</title><link rel="alternate" type="application/rss+xml" href="/rss"></head>
    <body><p>Welcome.</p></body></html>`);
  routes['/empty-feed'] = reply('<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title></channel></rss>', { 'content-type': 'application/rss+xml' });
});
afterAll(() => server.close());

let dir: string;
let store: Store;
let bot: Bot;
let now: Date;
const posted: { channel: string; message: Message }[] = [];

const SAMPLES_DEF = { name: 'samples', title: 'Samples', workspace: WS, sources: [{ type: 'folder', name: 'Beispiele', path: 'samples' }] };

function makeBot(allowPrivate: string[], options: { graceMs?: number; withFile?: boolean } = {}): Bot {
  return createBot({
    store, logger: silentLogger, clock: { now: () => now }, graceMs: options.graceMs ?? 0, pollTickMs: 0,
    http: createHttpClient({ allowPrivateHosts: allowPrivate }),
    policy: { pollIntervalMs: 900_000, pauseAfterFailures: 3, newSourceItems: 2 },
    files: options.withFile === false ? [] : [{ def: digestDefinitionSchema.parse({ ...SAMPLES_DEF, channels: ['discord:c1'] }), dir: resolve(samples, '..') }],
    readFolder: (source, folder) => readFolderSource(resolve(folder ?? resolve(samples, '..'), source.path)),
    sleep: () => Promise.resolve(),
  });
}

/** A bot with no definition files and one stored definition scheduled a minute ago (UTC), posting to `channel`. */
async function botWithRunAMinuteAgo(channel: string): Promise<void> {
  now = new Date(Date.now());
  const minute = new Date(now.getTime() - 60_000);
  await store.definitions.put(WS, 'samples', JSON.stringify(digestDefinitionSchema.parse({
    ...SAMPLES_DEF, channels: [channel], schedule: { cron: `${String(minute.getUTCMinutes())} ${String(minute.getUTCHours())} * * *`, timezone: 'UTC' },
  })), now.toISOString());
  await bot.stop();
  bot = makeBot(['127.0.0.1'], { graceMs: 3_600_000, withFile: false });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bot-'));
  store = openSqliteStore(join(dir, 'bot.sqlite'));
  now = new Date('2026-11-24T07:00:00.000Z');
  posted.length = 0;
  bot = makeBot(['127.0.0.1']);
});
afterEach(async () => {
  await bot.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ask = (command: string, args: string[], extra: Partial<ChatRequest> = {}): Promise<Message> =>
  bot.core.run({ workspaceId: WS, userId: 'discord:u1', isAdmin: true, channelId: 'discord:c1', command, args, ...extra });
const text = (m: Message): string => [m.title, m.subtitle ?? '', ...m.sections.flatMap((s) => [s.heading ?? '', ...s.lines]), m.footer ?? ''].join('\n');

describe('the bot through ChatCore', () => {
  it('given a home page that announces its feed, then sources add follows the feed, previews it and floods nothing', async () => {
    const added = text(await ask('sources', ['add', server.url('/home')]));
    expect(added).toContain('Added “Ledger Daily”');
    expect(added).toContain(`RSS feed (found on ${server.url('/home')}), 4 item(s)`);
    // Newest items are plain lines: the renderer adds the bullet (no "• •" in the console).
    expect(added.split('\n').filter((l) => l.startsWith('•'))).toEqual([]);
    expect(added).toContain('The newest 2 will be in the next digest; 2 older one(s) were marked as already seen.');
    expect((await store.sources.list(WS))[0]).toMatchObject({ url: server.url('/rss'), type: 'rss', addedBy: 'discord:u1' });
    expect((await store.audit.list(WS, 5))[0]).toMatchObject({ actor: 'discord:u1', action: 'sources.add', target: 'Ledger Daily' });
  });

  it('given a feed with no items, then nothing is saved and the reply says why', async () => {
    const m = await ask('sources', ['add', server.url('/empty-feed')]);
    expect(m.ephemeral).toBe(true);
    expect(text(m)).toContain('nothing to follow');
    expect(await store.sources.list(WS)).toEqual([]);
  });

  it('given a member (not admin), then admin commands are refused, the refusal audited, and nothing changes', async () => {
    const m = await ask('sources', ['add', server.url('/rss')], { isAdmin: false, userId: 'discord:u2' });
    expect(text(m)).toContain('can use /sources add');
    expect(await store.sources.list(WS)).toEqual([]);
    expect((await store.audit.list(WS, 5))[0]).toMatchObject({ actor: 'discord:u2', action: 'refused', target: 'sources add' });
  });

  it('given the default client (no allowlist), then summarize and sources add refuse loopback and metadata addresses', async () => {
    await bot.stop();
    bot = makeBot([]);
    for (const target of [server.url('/story'), 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://10.0.0.8/feed']) {
      expect(text(await ask('summarize', [target]))).toMatch(/refusing to fetch .*(loopback|link-local|private)/u);
      expect(text(await ask('sources', ['add', target]))).toMatch(/refusing to fetch/u);
    }
    expect(text(await ask('summarize', ['file:///etc/passwd']))).toContain('Invalid arguments');
  });

  it('given a story URL, then summarize returns summary, figures with their sentences and risks', async () => {
    const m = text(await ask('summarize', [server.url('/story')]));
    expect(m).toContain('Harbor Foods raises outlook');
    expect(m).toMatch(/Key figures[\s\S]*3\.5 bn USD|Key figures[\s\S]*USD 3\.5/u);
    expect(m).toContain('Risks');
  });

  it('given added sources, then /digest news covers them, /figures and /risks find them, autocomplete lists names', async () => {
    await ask('sources', ['add', server.url('/rss'), 'Ledger']);
    const digest = text(await ask('digest', ['samples']));
    expect(digest).toContain('Harbor Foods');
    const figures = await ask('figures', ['harbor revenue']);
    expect(text(figures)).toMatch(/revenue/iu);
    expect(figures.ephemeral).toBeUndefined();
    expect(text(await ask('risks', ['tariffs']))).toMatch(/tariffs/u);
    expect(text(await ask('risks', ['nonexistent-topic']))).toContain('Nothing found');
    expect(await bot.core.complete(WS, 'source', 'le')).toEqual(['Ledger']);
    expect(await bot.core.complete(WS, 'digest', '')).toEqual(['news', 'samples']);
  });

  it('given schedule set, show and off, then the definition is stored per workspace and the schedule listed with its next run', async () => {
    await bot.start();
    const set = text(await ask('schedule', ['set', 'samples', '30 7 * * 1-5', 'Europe/Berlin']));
    expect(set).toContain('30 7 * * 1-5 (Europe/Berlin) → discord:c1');
    // 07:00 UTC is 08:00 in Berlin: today's 07:30 has passed.
    expect(set).toContain('Next: Wed 25 Nov, 07:30 · Thu 26 Nov, 07:30 · Fri 27 Nov, 07:30');
    expect(text(await ask('schedule', ['show']))).toContain('samples: 30 7 * * 1-5 (Europe/Berlin) → discord:c1 · next Wed 25 Nov, 07:30');
    expect(await store.definitions.get(WS, 'samples')).not.toBeNull();
    expect(text(await ask('schedule', ['set', 'evening', '0 18 * * *', 'Mars/Olympus']))).toContain('IANA time zone');
    // Typed options (Discord) go through the same checks: no seconds field, runs at least 15 minutes apart; nothing stored.
    expect(text(await ask('schedule', ['set', 'fast', '*/1 * * * * *', 'UTC']))).toContain('has a seconds field');
    expect(text(await ask('schedule', ['set', 'fast', '*/5 * * * *', 'UTC']))).toContain('at least 15 minutes apart (MIN_SCHEDULE_MINUTES)');
    expect(await store.definitions.get(WS, 'fast')).toBeNull();
    expect(text(await ask('schedule', ['set', 'tech', '0 18 * * *', 'UTC', '<#777>']))).toContain('→ discord:777');
    expect(text(await ask('schedule', ['off', 'samples']))).toContain('no longer posted');
    expect(text(await ask('schedule', ['show']))).toContain('samples: on demand only');
    expect((await store.audit.list(WS, 10)).map((e) => e.action)).toEqual(['schedule.off', 'schedule.set', 'schedule.set']);
  });

  it('given a scheduled channel that is gone, then delivery is not retried, and sources list reports it', async () => {
    let attempts = 0;
    await botWithRunAMinuteAgo('discord:gone');
    bot.addPublisher('discord', { publish() { attempts++; return Promise.reject(new DigestError('publish/channel-missing', 'Unknown Channel')); } });
    // The bot was last running 10 minutes ago, so the run a minute ago was missed while it was down.
    await store.state.set('alive_at', new Date(now.getTime() - 10 * 60_000).toISOString());
    expect(await bot.start()).toBe(0);
    expect(attempts).toBe(1);
    expect(text(await ask('sources', ['list']))).toMatch(/Delivery problems[\s\S]*discord:gone: samples: Unknown Channel/u);
  });

  it('given a first start (or a schedule due before the bot ever ran), then no run counts as missed and nothing is posted late', async () => {
    const posts: string[] = [];
    await botWithRunAMinuteAgo('discord:c1');
    bot.addPublisher('discord', { publish(channel) { posts.push(channel); return Promise.resolve({ ref: 'm1' }); } });
    expect(await store.state.get('alive_at')).toBeNull();
    expect(await bot.start()).toBe(0);
    expect(posts).toEqual([]);
    expect(await store.state.get('alive_at')).toBe(now.toISOString());
  });
});
