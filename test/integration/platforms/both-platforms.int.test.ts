/**
 * End to end with the real core: the composition (runtime + startPlatforms) runs Discord and Slack at
 * once, one store and one scheduler, against the local protocol fakes; sources and pages on 127.0.0.1.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatforms, type PlatformRun } from '../../../adapters/run-platforms.ts';
import { createRuntime, type Runtime } from '../../../adapters/runtime.ts';
import { loadConfig, silentLogger } from '../../../src/index.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { snowflake } from '../../fakes/discord/payloads.ts';
import { reply, startFixtureServer, type FixtureServer, type Handler } from '../../fakes/http-fixtures.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../fakes/slack/fake-slack-api.ts';
import { postSlashCommand } from '../../fakes/slack/signed-request.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const ENGLISH = readFileSync(join(root, 'digests', 'samples', 'en-harbor-foods.html'));
const SECRET = 'e2e-signing-secret';
const MANAGE_GUILD = '32';

let pages: FixtureServer;
let discord: FakeDiscord;
let slack: FakeSlackApi;
let runtime: Runtime;
let run: PlatformRun;
let dir: string;
const guildId = snowflake();
const channelId = snowflake();
const managerId = snowflake();
const memberId = snowflake();
const otherGuildId = snowflake();
const otherChannelId = snowflake();

beforeAll(async () => {
  const routes: Record<string, Handler> = {};
  pages = await startFixtureServer(routes);
  routes['/story'] = reply(ENGLISH);
  routes['/feed.xml'] = reply(`<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger Daily</title>
    <item><title>Harbor Foods raises outlook</title><link>${pages.url('/story')}</link><guid>s1</guid></item></channel></rss>`, { 'content-type': 'application/rss+xml' });
  discord = await startFakeDiscord({ guilds: [
    { id: guildId, channels: [{ id: channelId }], members: [{ id: managerId, permissions: MANAGE_GUILD }, { id: memberId }] },
    { id: otherGuildId, channels: [{ id: otherChannelId }] },
  ] });
  slack = await startFakeSlackApi({ users: [{ id: 'UADMIN', isAdmin: true }, { id: 'UMEMBER' }] });
  dir = mkdtempSync(join(tmpdir(), 'e2e-'));
  const config = loadConfig({
    DATA_DIR: dir, FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    DISCORD_TOKEN: 'bot-token', DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl,
    SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SECRET, SLACK_PORT: '0', SLACK_HOST: '127.0.0.1', SLACK_API_URL: slack.apiUrl,
  });
  runtime = await createRuntime({ projectRoot: root, cwd: dir, config, logger: silentLogger, pollTickMs: 0 });
  run = await startPlatforms(runtime, config, silentLogger);
}, 30_000);

afterAll(async () => {
  await run.stop();
  await Promise.all([discord.close(), slack.close(), pages.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const embedsText = (call: { body: unknown }): string => JSON.stringify((call.body as { embeds?: unknown }).embeds ?? (call.body as { data?: { embeds?: unknown } }).data?.embeds);

async function slash(text: string, userId: string, id: string): Promise<string> {
  const posted = await postSlashCommand(`http://127.0.0.1:${String(run.slackPort)}/slack/events`,
    { text, userId, responseUrl: slack.responseUrl(id) }, { signingSecret: SECRET });
  expect(posted.status).toBe(200);
  await slack.waitFor(() => slack.responses.some((r) => r.id === id));
  return JSON.stringify(slack.responses.filter((r) => r.id === id).map((r) => r.body));
}

describe('Discord and Slack in one process on the real core', () => {
  it('given both platforms configured, then both run', () => {
    expect(run.platforms).toEqual(['discord', 'slack']);
  });

  it('given a Discord manager adding a feed, then the deferred reply is edited with the preview; /digest shows the article', async () => {
    const add = discord.dispatchInteraction({ command: 'sources', subcommand: 'add', options: { url: pages.url('/feed.xml') }, userId: managerId });
    expect((((await add.callback()).body) as { type: number }).type).toBe(5);
    expect(embedsText(await add.edit())).toContain('Added “Ledger Daily”');
    const digest = discord.dispatchInteraction({ command: 'digest', userId: memberId });
    expect(embedsText(await digest.edit())).toContain('Harbor Foods raises outlook');
    expect(await runtime.store.sources.list(`discord:${guildId}`)).toHaveLength(1);
  });

  it('given a Discord manager scheduling into a channel of another server or an unknown one, then it is refused; this server\'s channel works', async () => {
    const schedule = async (channel: string): Promise<string> => {
      const sent = discord.dispatchInteraction({ command: 'schedule', subcommand: 'set', options: { digest: 'news', cron: '30 7 * * 1-5', timezone: 'Europe/Berlin', channel }, userId: managerId });
      await sent.callback();
      await discord.waitForCall((c) => c.path.startsWith('/webhooks/') && c.path.includes(sent.token) && (c.method === 'POST' || c.method === 'PATCH'));
      return JSON.stringify(sent.calls().map((c) => c.body));
    };
    expect(await schedule(otherChannelId)).toContain('belongs to another server');
    expect(await schedule('123456789012345678')).toContain('cannot see channel');
    expect(await schedule(`<#${channelId}>`)).toContain(`→ discord:${channelId}`);
  });

  it('given a Discord member without Manage Server, then /sources list is refused ephemerally and audited', async () => {
    const sent = discord.dispatchInteraction({ command: 'sources', subcommand: 'list', userId: memberId });
    const callback = (await sent.callback()).body as { type: number; data?: { flags?: number } };
    expect(callback.type).toBe(4);
    expect((callback.data?.flags ?? 0) & 64).toBe(64);
    expect((await runtime.store.audit.list(`discord:${guildId}`, 5))[0]).toMatchObject({ actor: `discord:${memberId}`, action: 'refused', target: 'sources list' });
  });

  it('given Slack users, then summarize works for anyone and sources add only for the workspace admin, in the Slack workspace', async () => {
    expect(await slash(`summarize <${pages.url('/story')}>`, 'UMEMBER', 'sum')).toContain('Harbor Foods raises outlook');
    expect(await slash(`sources add <${pages.url('/feed.xml')}> Ledger`, 'UMEMBER', 'no')).toContain('can use /sources add');
    expect(await slash(`sources add <${pages.url('/feed.xml')}> Ledger`, 'UADMIN', 'yes')).toContain('Added “Ledger”');
    expect((await runtime.store.sources.list('slack:T0001')).map((s) => s.name)).toEqual(['Ledger']);
    expect(await slash('schedule set news 30 7 * * 1-5 Europe/Berlin', 'UADMIN', 'sched')).toContain('→ slack:C0001');
  });
});
