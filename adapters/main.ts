/**
 * Composition root: configuration, logger, then the command line. `start`
 * (the default) builds the one runtime (store, fetcher, scheduler, poll loop)
 * and runs it on Discord and/or Slack when their tokens are configured, else
 * in the terminal (console adapter); with METRICS_PORT set the runtime also
 * serves /metrics and /healthz. `digest`, `samples`, `register-commands`
 * and `invite-url` are one-shot jobs.
 */
import { join, resolve } from 'node:path';
import { loadConfig, toDigestError } from '../src/index.ts';
import { runCli } from './cli/run-cli.ts';
import { runConsoleBot } from './console/run-console-bot.ts';
import { runDiscordCli } from './discord/commands.ts';
import { createPinoLogger } from './logger.ts';
import { projectRootOf } from './project-root.ts';
import { runPlatforms } from './run-platforms.ts';
import { createRuntime } from './runtime.ts';

const projectRoot = projectRootOf(import.meta.url);

let config;
try {
  config = loadConfig(process.env);
} catch (err) {
  process.stderr.write(`error: ${toDigestError(err).message}\n`);
  process.exit(1);
}

const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
const logger = createPinoLogger(config.log.level);
const startBot = async (): Promise<number> => {
  const runtime = await createRuntime({ projectRoot, cwd: io.cwd, config, logger });
  // Chat platforms when their tokens are configured, else the terminal.
  if (config.discord !== null || config.slack !== null) return runPlatforms(runtime, config, logger, io.stdout);
  if (runtime.ops !== null) io.stderr.write(`metrics on ${runtime.ops.url}/metrics, health on ${runtime.ops.url}/healthz\n`);
  return runConsoleBot(io, runtime, { chartDir: join(resolve(io.cwd, config.store.dataDir), 'charts') });
};
const discordCli = (argv: string[]): Promise<number> => runDiscordCli(argv, io, config.discord);
process.exitCode = await runCli(process.argv.slice(2), io, {
  projectRoot, fetch: config.fetch, store: config.store, digest: config.digest, llm: config.llm, startBot, discordCli,
});
