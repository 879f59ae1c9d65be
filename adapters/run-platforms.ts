/**
 * The bot on chat platforms: Discord when its token is configured, Slack when
 * its tokens are, both at once if both are; one runtime (store, scheduler,
 * poll loop) behind them. Runs until SIGINT/SIGTERM, then stops the adapters
 * before the store closes.
 */
import type { Config, Logger } from '../src/index.ts';
import { startDiscordPlatform } from './discord/start-discord-platform.ts';
import type { Runtime } from './runtime.ts';
import { startSlackPlatform } from './slack/start-slack-platform.ts';
import { untilStopSignal } from './until-stopped.ts';

export interface PlatformRun {
  /** Platforms started, e.g. ['discord', 'slack']. */
  platforms: string[];
  /** The Slack HTTP receiver's port (HTTP mode), else null. */
  slackPort: number | null;
  /** The Discord interactions endpoint's port (DISCORD_MODE=http), else null. */
  discordPort: number | null;
  stop(): Promise<void>;
}

/** Starts the configured platform adapters and the bot; resolves once everything runs. */
export async function startPlatforms(runtime: Runtime, config: Config, logger: Logger): Promise<PlatformRun> {
  const stops: (() => Promise<void>)[] = [];
  const platforms: string[] = [];
  let slackPort: number | null = null;
  let discordPort: number | null = null;
  try {
    if (config.discord !== null) {
      const discord = await startDiscordPlatform({
        config: config.discord, core: runtime.bot.core, logger, adminUserIds: config.adminUserIds, postgresUrl: config.cluster.postgresUrl, role: runtime.role,
      });
      runtime.bot.addPublisher('discord', discord.publisher);
      stops.push(() => discord.stop());
      platforms.push('discord');
      discordPort = discord.port;
    }
    if (config.slack !== null) {
      const slack = await startSlackPlatform({
        config: config.slack, core: runtime.bot.core, logger, adminUserIds: config.adminUserIds, databaseFile: runtime.databaseFile, role: runtime.role,
      });
      runtime.bot.addPublisher('slack', slack.publisher);
      stops.push(() => slack.stop());
      platforms.push('slack');
      slackPort = slack.port;
    }
    await runtime.bot.start();
  } catch (err) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    await runtime.close();
    throw err;
  }
  logger.info('bot running', { platforms });
  return {
    platforms, slackPort, discordPort,
    async stop() {
      // Load balancers see /healthz fail from here on; running jobs finish (or are handed back), then the
      // adapters drain and the lease is released.
      runtime.role.stopAccepting();
      await runtime.stopJobs().catch((err: unknown) => logger.warn('job queue stop failed', { err: String(err) }));
      for (const stop of stops.reverse()) await stop().catch((err: unknown) => logger.warn('adapter stop failed', { err: String(err) }));
      await runtime.close();
    },
  };
}

/** Runs until the process is told to stop; resolves with the exit code. */
export async function runPlatforms(runtime: Runtime, config: Config, logger: Logger, out: NodeJS.WritableStream): Promise<number> {
  const run = await startPlatforms(runtime, config, logger);
  const ops = runtime.ops === null ? '' : ` · metrics on ${runtime.ops.url}/metrics`;
  out.write(`digestbot running on ${run.platforms.join(' and ')}${ops} · Ctrl-C stops it\n`);
  await untilStopSignal();
  await run.stop();
  return 0;
}
