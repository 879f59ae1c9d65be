/**
 * Gateway and REST payload shapes the fake Discord sends, kept to the fields
 * discord.js 14 reads (see /work/shared/guides/chat-protocol-fakes.md).
 */

let nextId = 1_300_000_000_000_000_000n;

/** A fresh 19-digit snowflake (discord.js buckets REST routes by 17–19 digit ids). */
export function snowflake(): string {
  nextId += 1n;
  return String(nextId);
}

export interface FakeChannelSpec {
  id: string;
  name?: string;
  /** When false, posting there answers 403 Missing Permissions (50013). @defaultValue true */
  canSend?: boolean;
}

export interface FakeMemberSpec {
  id: string;
  username?: string;
  /** Permission bitfield as Discord sends it (decimal string). @defaultValue '0' */
  permissions?: string;
}

export interface FakeGuildSpec {
  id: string;
  name?: string;
  channels: FakeChannelSpec[];
  members?: FakeMemberSpec[];
}

/** A failure the fake answers with instead of the normal response. */
export interface FakeFailure {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Ready-made failures with Discord's real codes and bodies. */
export const discordFailures = {
  /** 429 with `retry-after` (seconds) and the JSON body Discord sends for a per-route limit. */
  rateLimited: (retryAfterSeconds: number): FakeFailure => ({
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-scope': 'user' },
    body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
  }),
  unknownChannel: (): FakeFailure => ({ status: 404, body: { message: 'Unknown Channel', code: 10003 } }),
  missingAccess: (): FakeFailure => ({ status: 403, body: { message: 'Missing Access', code: 50001 } }),
  missingPermissions: (): FakeFailure => ({ status: 403, body: { message: 'Missing Permissions', code: 50013 } }),
  serverError: (): FakeFailure => ({ status: 500, body: { message: '500: Internal Server Error', code: 0 } }),
};

export function userPayload(id: string, username = `user-${id.slice(-4)}`, bot = false): Record<string, unknown> {
  return { id, username, discriminator: '0', global_name: null, avatar: null, bot };
}

function memberPayload(user: Record<string, unknown>, permissions?: string): Record<string, unknown> {
  return {
    user, roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0,
    ...(permissions === undefined ? {} : { permissions }),
  };
}

export function guildCreatePayload(guild: FakeGuildSpec, botUserId: string): Record<string, unknown> {
  const members = (guild.members ?? []).map((m) => memberPayload(userPayload(m.id, m.username)));
  return {
    id: guild.id, name: guild.name ?? `guild-${guild.id.slice(-4)}`, icon: null, owner_id: botUserId, unavailable: false,
    member_count: members.length + 1, large: false, joined_at: '2024-01-01T00:00:00.000Z', preferred_locale: 'en-US',
    premium_tier: 0, system_channel_flags: 0, verification_level: 0, features: [], emojis: [], stickers: [],
    roles: [{ id: guild.id, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    channels: guild.channels.map((c, position) => ({
      id: c.id, type: 0, name: c.name ?? `channel-${c.id.slice(-4)}`, guild_id: guild.id, position, permission_overwrites: [], parent_id: null, nsfw: false,
    })),
    members: [memberPayload(userPayload(botUserId, 'digestbot', true)), ...members],
    threads: [], presences: [], voice_states: [], stage_instances: [], guild_scheduled_events: [],
  };
}

export interface MessageFields {
  id: string;
  channelId: string;
  author: Record<string, unknown>;
  body: Record<string, unknown>;
  webhookId?: string;
  applicationId?: string;
}

/** A full Message object as Discord returns it from create/edit endpoints. */
export function messagePayload(m: MessageFields): Record<string, unknown> {
  return {
    id: m.id, channel_id: m.channelId, author: m.author, content: m.body['content'] ?? '',
    timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [],
    attachments: [], embeds: m.body['embeds'] ?? [], components: [], pinned: false, type: 0, flags: m.body['flags'] ?? 0,
    ...(m.body['nonce'] === undefined ? {} : { nonce: m.body['nonce'] }),
    ...(m.webhookId === undefined ? {} : { webhook_id: m.webhookId }),
    ...(m.applicationId === undefined ? {} : { application_id: m.applicationId }),
  };
}

/** What a test sends as one slash command or autocomplete interaction. */
export interface InteractionInput {
  /** @defaultValue 'command' */
  kind?: 'command' | 'autocomplete';
  command: string;
  subcommand?: string;
  /** String option values by name, sent in this order. */
  options?: Record<string, string>;
  /** For autocomplete: the option being typed in. */
  focused?: string;
  userId: string;
  /** Null for a DM. @defaultValue the first configured guild */
  guildId?: string | null;
  /** @defaultValue the guild's first channel */
  channelId?: string | null;
  /** The member's permission bitfield; @defaultValue the configured member's, else '0' */
  permissions?: string;
}

export function interactionPayload(
  input: InteractionInput, ids: { id: string; token: string; applicationId: string; guildId: string | null; channelId: string | null; permissions: string },
): Record<string, unknown> {
  const values = Object.entries(input.options ?? {}).map(([name, value]) => ({
    name, type: 3, value, ...(input.focused === name ? { focused: true } : {}),
  }));
  const options = input.subcommand === undefined ? values : [{ name: input.subcommand, type: 1, options: values }];
  const user = userPayload(input.userId);
  return {
    id: ids.id, application_id: ids.applicationId, type: input.kind === 'autocomplete' ? 4 : 2, token: ids.token, version: 1,
    locale: 'en-US', entitlements: [], authorizing_integration_owners: {}, app_permissions: '0',
    data: { id: snowflake(), name: input.command, type: 1, options, ...(ids.guildId === null ? {} : { guild_id: ids.guildId }) },
    ...(ids.guildId === null
      ? { user, context: 1 }
      : { guild_id: ids.guildId, guild_locale: 'en-US', member: memberPayload(user, ids.permissions), context: 0 }),
    ...(ids.channelId === null ? {} : { channel_id: ids.channelId, channel: { id: ids.channelId, type: ids.guildId === null ? 1 : 0 } }),
  };
}
