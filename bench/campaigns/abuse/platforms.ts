/**
 * Non-admin attempts at admin commands through the real platform adapters:
 * discord.js against the fake Discord (a member without Manage Server) and
 * Bolt's HTTP receiver against the fake Slack (a signed request from a user
 * users.info reports as no admin). The harnesses' recording core is pointed
 * at the real core, so refusals are worded and audited by it.
 */
import type { ChatCore } from '../../../src/index.ts';
import { startDiscordHarness } from '../../../test/fakes/discord/harness.ts';
import type { FakeChatCore } from '../../../test/fakes/fake-chat-core.ts';
import { repliesTo, startSlackHarness } from '../../../test/integration/slack/harness.ts';
import type { CoreEnv } from './core-env.ts';

/** The admin commands, with options for Discord and the text for Slack's `/digest`. */
export const ADMIN_ATTEMPTS: readonly { name: string; command: string; subcommand: string; options: Record<string, string>; slackText: string }[] = [
  { name: 'sources add', command: 'sources', subcommand: 'add', options: { url: 'https://example.org/feed.xml' }, slackText: 'sources add <https://example.org/feed.xml>' },
  { name: 'sources remove', command: 'sources', subcommand: 'remove', options: { source: 'Heise' }, slackText: 'sources remove Heise' },
  { name: 'sources list', command: 'sources', subcommand: 'list', options: {}, slackText: 'sources list' },
  {
    name: 'schedule set', command: 'schedule', subcommand: 'set', options: { digest: 'samples', cron: '30 7 * * 1-5', timezone: 'UTC' },
    slackText: 'schedule set samples "30 7 * * 1-5" UTC',
  },
  { name: 'schedule off', command: 'schedule', subcommand: 'off', options: { digest: 'samples' }, slackText: 'schedule off samples' },
  { name: 'schedule show', command: 'schedule', subcommand: 'show', options: {}, slackText: 'schedule show' },
];

export interface AdminAttemptRow {
  platform: 'discord' | 'slack';
  command: string;
  /** The reply was the core's "Not allowed", shown only to the user. */
  refused: boolean;
  /** An audit entry `refused <command>` by this user was written. */
  audited: boolean;
  /** The line the user saw. */
  reason: string;
  ms: number;
}

/** Makes a harness's recording core run the real core (requests are still recorded). */
export function useRealCore(fake: FakeChatCore, real: ChatCore): void {
  fake.run = (request) => {
    fake.requests.push(request);
    return real.run(request);
  };
}

const REFUSAL = 'Only server managers (Discord) and workspace admins (Slack) can use';

/** The refusal sentence inside a rendered reply (embeds or blocks), or the reply's start when there is none. */
function refusalLine(rendered: string): string {
  return /Only server managers[^"\\]*/u.exec(rendered)?.[0] ?? rendered.slice(0, 100);
}

/** Whether an audit entry `refused <command>` by `userId` was written after the log held `before` entries (newest first). */
async function audited(env: CoreEnv, workspaceId: string, userId: string, command: string, before: number): Promise<boolean> {
  const entries = await env.store.audit.list(workspaceId, 500);
  return entries.slice(0, entries.length - before).some((e) => e.actor === userId && e.action === 'refused' && e.target === command);
}

export async function runDiscordNonAdmin(env: CoreEnv): Promise<AdminAttemptRow[]> {
  const h = await startDiscordHarness();
  useRealCore(h.core, env.bot.core);
  const rows: AdminAttemptRow[] = [];
  const workspaceId = `discord:${h.guildId}`;
  try {
    for (const attempt of ADMIN_ATTEMPTS) {
      const before = (await env.store.audit.list(workspaceId, 500)).length;
      const started = performance.now();
      const sent = h.fake.dispatchInteraction({ command: attempt.command, subcommand: attempt.subcommand, options: attempt.options, userId: h.memberId });
      const call = await sent.callback();
      const ms = Math.round(performance.now() - started);
      const body = call.body as { type?: number; data?: { flags?: number; embeds?: { title?: string; description?: string }[] } };
      const text = JSON.stringify(body.data?.embeds ?? []);
      const ephemeral = ((body.data?.flags ?? 0) & 64) === 64;
      rows.push({
        platform: 'discord', command: attempt.name, refused: ephemeral && text.includes(REFUSAL),
        audited: await audited(env, workspaceId, `discord:${h.memberId}`, attempt.name, before), reason: `${body.data?.embeds?.[0]?.title ?? '(none)'}: ${refusalLine(text)}`, ms,
      });
    }
    // In a DM there is no member and no Manage Server: the command is refused and audited in the DM's own workspace.
    const dmWorkspace = `discord:dm:${h.memberId}`;
    const before = (await env.store.audit.list(dmWorkspace, 500)).length;
    const started = performance.now();
    const call = await h.fake.dispatchInteraction({ command: 'sources', subcommand: 'add', options: { url: 'https://example.org/feed.xml' }, userId: h.memberId, guildId: null }).callback();
    const body = call.body as { data?: { flags?: number; embeds?: { title?: string }[] } };
    const text = JSON.stringify(body.data?.embeds ?? []);
    rows.push({
      platform: 'discord', command: 'sources add (in a DM)', refused: ((body.data?.flags ?? 0) & 64) === 64 && text.includes(REFUSAL),
      audited: await audited(env, dmWorkspace, `discord:${h.memberId}`, 'sources add', before), reason: `${body.data?.embeds?.[0]?.title ?? '(none)'}: ${refusalLine(text)}`,
      ms: Math.round(performance.now() - started),
    });
  } finally {
    await h.close();
  }
  return rows;
}

const MEMBER = { id: 'UMEMBER', name: 'member', isAdmin: false };

export async function runSlackNonAdmin(env: CoreEnv): Promise<AdminAttemptRow[]> {
  const h = await startSlackHarness({ users: [MEMBER] });
  useRealCore(h.core, env.bot.core);
  const rows: AdminAttemptRow[] = [];
  const workspaceId = 'slack:T0001';
  try {
    for (const [i, attempt] of ADMIN_ATTEMPTS.entries()) {
      const before = (await env.store.audit.list(workspaceId, 500)).length;
      const id = `member-${String(i)}`;
      const started = performance.now();
      const sent = await h.command(attempt.slackText, { id, userId: MEMBER.id });
      await h.api.waitFor(() => repliesTo(h.api, id).length > 0, 5000);
      const ms = Math.round(performance.now() - started);
      const reply = repliesTo(h.api, id)[0] ?? {};
      const text = JSON.stringify(reply);
      rows.push({
        platform: 'slack', command: attempt.name,
        refused: sent.status === 200 && reply['response_type'] === 'ephemeral' && text.includes(REFUSAL),
        audited: await audited(env, workspaceId, `slack:${MEMBER.id}`, attempt.name, before), reason: `${String(reply['text'] ?? '(none)')}: ${refusalLine(text)}`, ms,
      });
    }
  } finally {
    await h.close();
  }
  return rows;
}
