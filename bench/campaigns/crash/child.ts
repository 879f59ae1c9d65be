/**
 * The bot process the crash campaign kills: the real composition (config from
 * the environment, createRuntime with its SQLite file and guarded HTTP client,
 * startPlatforms with the discord.js adapter) and nothing else. It prints
 * phase markers on stdout (`@boot`, `@store-open`, `@running`, `@stopped`,
 * each with Date.now()), warnings and errors as JSON lines on stderr, and
 * stops cleanly on SIGTERM. CHILD_POLL_TICK_MS turns the poll loop on (the
 * cluster campaign); by default it is off and sources are polled by builds.
 */
import { startPlatforms } from '../../../adapters/run-platforms.ts';
import { createRuntime } from '../../../adapters/runtime.ts';
import { loadConfig, type Logger } from '../../../src/index.ts';

const mark = (phase: string): void => {
  process.stdout.write(`@${phase} ${String(Date.now())}\n`);
};
mark('boot');

const line = (level: string) => (msg: string, meta?: Record<string, unknown>): void => {
  process.stderr.write(`${JSON.stringify({ level, msg, ...meta })}\n`);
};
const logger: Logger = { debug: () => undefined, info: () => undefined, warn: line('warn'), error: line('error') };

const config = loadConfig(process.env);
const pollTickMs = Number(process.env['CHILD_POLL_TICK_MS'] ?? '0');
const runtime = await createRuntime({ projectRoot: process.cwd(), cwd: process.cwd(), config, logger, pollTickMs });
mark('store-open');
const run = await startPlatforms(runtime, config, logger);
mark('running');
process.once('SIGTERM', () => {
  void run.stop().then(() => {
    mark('stopped');
    process.exit(0);
  });
});
