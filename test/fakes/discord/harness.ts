/**
 * The fake Discord plus the real adapter (discord.js client) on a recording
 * fake core: what the integration tests and the ack benchmark start.
 */
import type { Logger } from '../../../src/index.ts';
import { startDiscordAdapter, type DiscordAdapter } from '../../../adapters/discord/start-discord.ts';
import { createFakeChatCore, type FakeChatCore } from '../fake-chat-core.ts';
import { snowflake, startFakeDiscord, type FakeChannelSpec, type FakeDiscord } from './fake-discord.ts';

/** Manage Server (1 << 5) as Discord sends it in `member.permissions`. */
export const MANAGE_GUILD = String(1 << 5);

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  meta: Record<string, unknown> | undefined;
}

export function recordingLogger(entries: LogEntry[]): Logger {
  const at = (level: LogEntry['level']) => (msg: string, meta?: Record<string, unknown>) => void entries.push({ level, msg, meta });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export interface DiscordHarness {
  fake: FakeDiscord;
  core: FakeChatCore;
  adapter: DiscordAdapter;
  logs: LogEntry[];
  guildId: string;
  /** The guild's channels (the first is where interactions come from). */
  channelIds: string[];
  /** A member with Manage Server. */
  managerId: string;
  /** A member without any permission. */
  memberId: string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** @defaultValue 1 */
  channels?: number;
  /** Extra channels, e.g. one the bot may not post in. */
  extraChannels?: FakeChannelSpec[];
  adminUserIds?: string[];
}

/** Starts the fake, then the adapter against it, and waits until the client is ready. */
export async function startDiscordHarness(options: HarnessOptions = {}): Promise<DiscordHarness> {
  const guildId = snowflake();
  const managerId = snowflake();
  const memberId = snowflake();
  const channelIds = Array.from({ length: options.channels ?? 1 }, () => snowflake());
  const fake = await startFakeDiscord({
    token: 'test-token',
    guilds: [{
      id: guildId,
      channels: [...channelIds.map((id) => ({ id })), ...(options.extraChannels ?? [])],
      members: [{ id: managerId, permissions: MANAGE_GUILD }, { id: memberId, permissions: '0' }],
    }],
  });
  const core = createFakeChatCore();
  const logs: LogEntry[] = [];
  let adapter: DiscordAdapter;
  try {
    adapter = await startDiscordAdapter({
      config: { token: 'test-token', applicationId: fake.applicationId, apiUrl: fake.apiUrl },
      core, logger: recordingLogger(logs), adminUserIds: options.adminUserIds ?? [],
    });
  } catch (err) {
    await fake.close();
    throw err;
  }
  return {
    fake, core, adapter, logs, guildId, channelIds, managerId, memberId,
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}
