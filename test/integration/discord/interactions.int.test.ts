import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMAND_CATALOG, type ChatRequest, type Message } from '../../../src/index.ts';
import { embedLimitViolations, longMessage } from '../../fakes/discord/embed-limits.ts';
import { snowflake, type RecordedCall } from '../../fakes/discord/fake-discord.ts';
import { startDiscordHarness, type DiscordHarness } from '../../fakes/discord/harness.ts';

interface CallbackBody {
  type: number;
  data?: { flags?: number; embeds?: { title?: string; description?: string; footer?: { text: string } }[]; choices?: { name: string; value: string }[] };
}

const EPHEMERAL = 64;
const body = (call: RecordedCall): CallbackBody => call.body as CallbackBody;

/** Every catalog command and subcommand, options given out of catalog order, with the args the core must see. */
const CASES: { command: string; subcommand?: string; options: Record<string, string>; args: string[] }[] = [
  { command: 'digest', options: { digest: 'tech' }, args: ['tech'] },
  { command: 'digest', options: {}, args: [] },
  { command: 'summarize', options: { url: 'https://example.org/news/1' }, args: ['https://example.org/news/1'] },
  { command: 'figures', options: { query: 'interest rates 2025' }, args: ['interest rates 2025'] },
  { command: 'risks', options: { query: 'supply chain' }, args: ['supply chain'] },
  { command: 'sources', subcommand: 'add', options: { name: 'Heise Online', url: 'https://heise.de/rss' }, args: ['add', 'https://heise.de/rss', 'Heise Online'] },
  { command: 'sources', subcommand: 'remove', options: { source: 'Heise Online' }, args: ['remove', 'Heise Online'] },
  { command: 'sources', subcommand: 'list', options: {}, args: ['list'] },
  {
    command: 'schedule', subcommand: 'set', options: { channel: 'news', timezone: 'Europe/Berlin', cron: '30 7 * * 1-5', digest: 'tech' },
    args: ['set', 'tech', '30 7 * * 1-5', 'Europe/Berlin', 'news'],
  },
  { command: 'schedule', subcommand: 'show', options: {}, args: ['show'] },
  { command: 'schedule', subcommand: 'off', options: { digest: 'tech' }, args: ['off', 'tech'] },
  { command: 'help', options: {}, args: [] },
];

describe('Discord adapter: slash commands against the fake gateway', () => {
  let h: DiscordHarness;
  beforeEach(async () => {
    h = await startDiscordHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('given every catalog command and subcommand, then the core gets the right ChatRequest with options in catalog order', async () => {
    const covered = new Set(CASES.map((c) => `${c.command} ${c.subcommand ?? ''}`.trim()));
    for (const spec of COMMAND_CATALOG) {
      for (const name of spec.subcommands?.map((s) => `${spec.name} ${s.name}`) ?? [spec.name]) expect(covered, name).toContain(name);
    }
    for (const c of CASES) {
      const sent = h.fake.dispatchInteraction({ command: c.command, ...(c.subcommand === undefined ? {} : { subcommand: c.subcommand }), options: c.options, userId: h.managerId });
      await sent.edit();
      expect(h.core.requests.at(-1)).toEqual<ChatRequest>({
        workspaceId: `discord:${h.guildId}`, userId: `discord:${h.managerId}`, isAdmin: true, channelId: `discord:${h.channelIds[0]}`,
        command: c.command, args: c.args,
      });
    }
    expect(h.core.requests).toHaveLength(CASES.length);
  });

  it('given a command, then the defer (type 5) arrives while the core still runs, and the edit carries the embeds', async () => {
    let finish: (m: Message) => void = () => undefined;
    const running = new Promise<void>((started) => {
      h.core.respond = () => new Promise<Message>((resolve) => {
        finish = resolve;
        started();
      });
    });
    const sent = h.fake.dispatchInteraction({ command: 'digest', options: { digest: 'tech' }, userId: h.memberId });
    const callback = await sent.callback();
    await running;
    expect(sent.calls()).toHaveLength(1);
    expect(body(callback).type).toBe(5);
    expect(body(callback).data?.flags ?? 0).toBe(0);
    expect(callback.headers['authorization']).toBeUndefined();
    finish({ title: 'Tech digest', subtitle: '1 article', sections: [{ heading: 'Chips', lines: ['Sales rose 5%.'], links: [{ label: 'Heise', url: 'https://heise.de/1' }] }] });
    const edit = await sent.edit();
    expect(edit.time).toBeGreaterThan(callback.time);
    expect((edit.body as CallbackBody['data'])?.embeds).toEqual([{
      color: expect.any(Number) as number, title: 'Tech digest', description: '1 article',
      fields: [{ name: 'Chips', value: 'Sales rose 5%.\n[Heise](https://heise.de/1)' }],
    }]);
  });

  it('given a member without Manage Server using /sources add, then the core is asked as non-admin and its refusal comes at once, ephemeral, without a defer', async () => {
    const sent = h.fake.dispatchInteraction({ command: 'sources', subcommand: 'add', options: { url: 'https://example.org/feed' }, userId: h.memberId });
    const callback = await sent.callback();
    expect(body(callback).type).toBe(4);
    expect((body(callback).data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(body(callback).data?.embeds?.[0]?.title).toBe('Not allowed');
    expect(JSON.stringify(body(callback).data?.embeds)).toContain('can use /sources');
    expect(h.core.requests).toMatchObject([{ command: 'sources', isAdmin: false, args: ['add', 'https://example.org/feed'] }]);
    expect(sent.calls().map((c) => c.method)).toEqual(['POST']);
  });

  it('given a member with Manage Server, then /sources add reaches the core as admin', async () => {
    const sent = h.fake.dispatchInteraction({ command: 'sources', subcommand: 'add', options: { url: 'https://example.org/feed' }, userId: h.managerId });
    expect(body(await sent.callback()).type).toBe(5);
    await sent.edit();
    expect(h.core.requests.map((r) => [r.command, r.isAdmin])).toEqual([['sources', true]]);
  });

  it('given an ephemeral error from the core, then the public defer is deleted and the error follows up ephemeral', async () => {
    h.core.respond = () => ({ title: 'Unknown digest', sections: [{ lines: ['There is no digest "nope".'] }], ephemeral: true });
    const sent = h.fake.dispatchInteraction({ command: 'digest', options: { digest: 'nope' }, userId: h.memberId });
    const followUp = await h.fake.waitForCall((c) => c.method === 'POST' && c.path === `/webhooks/${h.fake.applicationId}/${sent.token}`);
    expect(sent.calls().map((c) => `${c.method} ${c.path.replace(sent.token, 'TOKEN').replace(sent.id, 'ID')}`)).toEqual([
      'POST /interactions/ID/TOKEN/callback',
      `DELETE /webhooks/${h.fake.applicationId}/TOKEN/messages/@original`,
      `POST /webhooks/${h.fake.applicationId}/TOKEN`,
    ]);
    const data = followUp.body as CallbackBody['data'];
    expect((data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(data?.embeds?.[0]).toMatchObject({ title: 'Unknown digest', description: 'There is no digest "nope".' });
  });

  it('given autocomplete on a digest option, then the core\'s matching names come back as choices', async () => {
    h.core.names.digest = ['tech', 'technology-weekly', 'morning-markets'];
    const sent = h.fake.dispatchInteraction({ kind: 'autocomplete', command: 'digest', options: { digest: 'TE' }, focused: 'digest', userId: h.memberId });
    const callback = await sent.callback();
    expect(body(callback).type).toBe(8);
    expect(body(callback).data?.choices).toEqual([{ name: 'tech', value: 'tech' }, { name: 'technology-weekly', value: 'technology-weekly' }]);
  });

  it('given autocomplete on /sources remove by a manager, then source names are offered', async () => {
    const sent = h.fake.dispatchInteraction({
      kind: 'autocomplete', command: 'sources', subcommand: 'remove', options: { source: 'he' }, focused: 'source', userId: h.managerId,
    });
    expect(body(await sent.callback()).data?.choices?.map((c) => c.name)).toEqual(['Heise']);
  });

  it('given a digest longer than every limit, then it arrives as an edit plus follow-ups, all within the limits', async () => {
    const message = longMessage();
    h.core.respond = () => message;
    const sent = h.fake.dispatchInteraction({ command: 'digest', userId: h.memberId });
    await h.fake.waitForCall((c) => c.method === 'POST' && c.path.endsWith(sent.token)
      && (c.body as CallbackBody['data'])?.embeds?.some((e) => e.footer !== undefined) === true);
    const parts = sent.calls().filter((c) => c.method === 'PATCH' || (c.method === 'POST' && c.path.startsWith('/webhooks/')));
    expect(parts[0]?.method).toBe('PATCH');
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) {
      const data = part.body as { embeds?: [] ; flags?: number };
      expect(embedLimitViolations(data)).toEqual([]);
      expect((data.flags ?? 0) & EPHEMERAL).toBe(0);
    }
  });

  it('given the core throws, then the error is logged, the user gets a generic ephemeral message and the bot keeps working', async () => {
    h.core.respond = () => { throw new Error('database is locked'); };
    const failed = h.fake.dispatchInteraction({ command: 'help', userId: h.memberId });
    const followUp = await h.fake.waitForCall((c) => c.method === 'POST' && c.path === `/webhooks/${h.fake.applicationId}/${failed.token}`);
    expect(((followUp.body as CallbackBody['data'])?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect((followUp.body as CallbackBody['data'])?.embeds?.[0]?.title).toBe('Something went wrong');
    expect(h.logs.find((l) => l.level === 'error')?.meta).toMatchObject({ command: 'help', err: 'database is locked' });
    h.core.respond = () => ({ title: 'fine', sections: [] });
    const next = h.fake.dispatchInteraction({ command: 'help', userId: h.memberId });
    expect((await next.edit()).body).toMatchObject({ embeds: [{ title: 'fine' }] });
  });

  it('given a command in a DM, then the workspace is the user\'s DM workspace and no channel guild is assumed', async () => {
    const userId = snowflake();
    const sent = h.fake.dispatchInteraction({ command: 'help', userId, guildId: null, channelId: snowflake() });
    await sent.edit();
    expect(h.core.requests.at(-1)).toMatchObject({ workspaceId: `discord:dm:${userId}`, userId: `discord:${userId}`, isAdmin: false });
  });
});

describe('Discord adapter: admin list', () => {
  it('given a user in adminUserIds without Manage Server, then admin commands run', async () => {
    const listed = snowflake();
    const h = await startDiscordHarness({ adminUserIds: [`discord:${listed}`] });
    try {
      const sent = h.fake.dispatchInteraction({ command: 'schedule', subcommand: 'show', userId: listed, permissions: '0' });
      await sent.edit();
      expect(h.core.requests.map((r) => [r.command, r.isAdmin])).toEqual([['schedule', true]]);
    } finally {
      await h.close();
    }
  });
});
