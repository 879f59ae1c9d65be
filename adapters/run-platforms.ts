/**
 * The bot on chat platforms: Discord when its token is configured, Slack when
 * its tokens are, both at once if both are; one runtime (store, scheduler,
 * poll loop) behind them. Runs until SIGINT/SIGTERM, then stops the adapters
 * before the store closes.
 */
import type { Config, Logger } from '../src/index.ts';
import { startDiscordAdapter } from './discord/start-discord.ts';
import type { Runtime } from './runtime.ts';
import { startSlackAdapter } from './slack/start-slack.ts';
import { untilStopSignal } from './until-stopped.ts';

export interface PlatformRun {
  /** Platforms started, e.g. ['discord', 'slack']. */
  platforms: string[];
  /** The Slack HTTP receiver's port (HTTP mode), else null. */
  slackPort: number | null;
  stop(): Promise<void>;
}

/** Starts the configured platform adapters and the bot; resolves once everything runs. */
export async function startPlatforms(runtime: Runtime, config: Config, logger: Logger): Promise<PlatformRun> {
  const stops: (() => Promise<void>)[] = [];
  const platforms: string[] = [];
  let slackPort: number | null = null;
  try {
    if (config.discord !== null) {
      const discord = await startDiscordAdapter({ config: config.discord, core: runtime.bot.core, logger, adminUserIds: config.adminUserIds });
      runtime.bot.addPublisher('discord', discord.publisher);
      stops.push(() => discord.stop());
      platforms.push('discord');
    }
    if (config.slack !== null) {
      const slack = await startSlackAdapter({ config: config.slack, core: runtime.bot.core, logger, adminUserIds: config.adminUserIds });
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
    platforms, slackPort,
    async stop() {
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
