/**
 * Starts the Discord adapter: a discord.js gateway client (Guilds intent only)
 * that answers slash commands and autocomplete through the ChatCore, and a
 * publisher for scheduled posts over the same REST client.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { DigestError, toDigestError, type ChatCore, type DiscordConfig, type Logger, type MessagePublisher, platformId } from '../../src/index.ts';
import { createInteractionHandler } from './handle-interaction.ts';
import { createDiscordPublisher } from './publisher.ts';

export interface StartDiscordOptions {
  /** Token, application id, and the REST base (a local fake in tests; null for discord.com). */
  config: DiscordConfig;
  /** Runs the commands and completes option values. */
  core: ChatCore;
  /** Constant messages, ids in meta; the token is never logged. */
  logger: Logger;
  /** Platform-qualified user ids (`discord:<id>`) that may run admin commands without Manage Server. */
  adminUserIds: string[];
  /** How long to wait for the gateway's READY after login. @defaultValue 60000 */
  readyTimeoutMs?: number;
}

export interface DiscordAdapter {
  /** Posts scheduled digests to `discord:<channel id>`. */
  publisher: MessagePublisher;
  /** Closes the gateway connection; pending REST calls are abandoned. */
  stop(): Promise<void>;
}

function whenReady(client: Client, timeoutMs: number): { ready: Promise<void>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new DigestError('internal/unexpected', `Discord gateway not ready after ${timeoutMs} ms`)), timeoutMs);
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return { ready, cancel: () => clearTimeout(timer) };
}

/** discord.js says `TokenInvalid` when Discord answers 401 to the token. */
function loginError(err: unknown): DigestError {
  if (err instanceof Error && 'code' in err && err.code === 'TokenInvalid') {
    return new DigestError('config/invalid', 'Discord rejected the bot token: check DISCORD_TOKEN', { cause: err });
  }
  const e = toDigestError(err);
  return new DigestError(e.code, `Discord login failed: ${e.message}`, { cause: err, userFacing: false });
}

/**
 * Logs in, waits for the gateway to be ready, and handles interactions until `stop()`.
 * @throws DigestError when login fails or the gateway does not become ready.
 */
export async function startDiscordAdapter(options: StartDiscordOptions): Promise<DiscordAdapter> {
  const { config, core, logger, adminUserIds } = options;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], ...(config.apiUrl === null ? {} : { rest: { api: config.apiUrl } }) });
  const handle = createInteractionHandler({ core, logger, adminUserIds });
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
  client.on(Events.Error, (err) => logger.error('discord client error', { platform: 'discord', err: toDigestError(err).message }));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn('discord gateway disconnected', { platform: 'discord', shardId, closeCode: event.code }));

  const { ready, cancel } = whenReady(client, options.readyTimeoutMs ?? 60_000);
  try {
    await Promise.all([client.login(config.token), ready]);
  } catch (err) {
    cancel();
    await client.destroy();
    const e = loginError(err);
    logger.error('discord login failed', { platform: 'discord', code: e.code, err: e.message });
    throw e;
  }
  logger.info('discord adapter ready', { platform: 'discord', guilds: client.guilds.cache.size, applicationId: config.applicationId });
  return {
    publisher: {
      ...createDiscordPublisher({ rest: client.rest, logger }),
      async workspaceOf(channel) {
        const id = channel.replace(/^discord:/u, '');
        const found = client.channels.cache.get(id) ?? await client.channels.fetch(id).catch(() => null);
        return found !== null && 'guildId' in found && typeof found.guildId === 'string' ? platformId('discord', found.guildId) : null;
      },
    },
    async stop() {
      await client.destroy();
      logger.info('discord adapter stopped', { platform: 'discord' });
    },
  };
}
