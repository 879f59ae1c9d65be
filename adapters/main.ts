/**
 * Composition root: environment (the process's, over the `.env` file), configuration, then the command line.
 * `start` (the default) builds the one runtime (store, fetcher, scheduler, poll loop) and runs it on Discord
 * and/or Slack when their tokens are configured; else headless with HEADLESS=true, else in the terminal (console
 * adapter) when there is one or commands are piped in; with none of these it refuses (exit 1). With METRICS_PORT
 * set the runtime also serves /metrics and /healthz. `digest`, `samples`, `register-commands` and `invite-url`
 * are one-shot jobs.
 */
import { join, resolve } from 'node:path';
import { loadConfig, toDigestError, type Config } from '../src/index.ts';
import { runCli } from './cli/run-cli.ts';
import { runConsoleBot } from './console/run-console-bot.ts';
import { runDiscordCli } from './discord/commands.ts';
import { environmentWithEnvFile } from './env-file.ts';
import { createPinoLogger, logFileFor } from './logger.ts';
import { projectRootOf } from './project-root.ts';
import { runHeadless } from './run-headless.ts';
import { runPlatforms } from './run-platforms.ts';
import { createRuntime } from './runtime.ts';
import { chooseStartMode, stdinKind } from './start-mode.ts';

const projectRoot = projectRootOf(import.meta.url);
const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };

let config: Config;
try {
  config = loadConfig(environmentWithEnvFile({ cwd: io.cwd, env: process.env }));
} catch (err) {
  process.stderr.write(`error: ${toDigestError(err).message}\n`);
  process.exit(1);
}

const startBot = async (): Promise<number> => {
  const mode = chooseStartMode({ platformConfigured: config.discord !== null || config.slack !== null, headless: config.headless, stdin: stdinKind() });
  const logFile = logFileFor({
    file: config.log.file, console: mode === 'console', cwd: io.cwd, dataDir: config.store.dataDir,
    stdoutIsTerminal: io.stdout.isTTY, stderrIsTerminal: io.stderr.isTTY,
  });
  const logger = createPinoLogger(config.log.level, logFile);
  const runtime = await createRuntime({ projectRoot, cwd: io.cwd, config, logger });
  if (mode === 'platforms') return runPlatforms(runtime, config, logger, io.stdout);
  if (mode === 'headless') return runHeadless(runtime, io.stdout, io.stderr);
  if (logFile !== null) io.stderr.write(`log (${config.log.level} and above) in ${logFile}\n`);
  if (runtime.ops !== null) io.stderr.write(`metrics on ${runtime.ops.url}/metrics, health on ${runtime.ops.url}/healthz\n`);
  return runConsoleBot(io, runtime, { chartDir: join(resolve(io.cwd, config.store.dataDir), 'charts') });
};
const discordCli = (argv: string[]): Promise<number> => runDiscordCli(argv, io, config.discord);
process.exitCode = await runCli(process.argv.slice(2), io, {
  projectRoot, fetch: config.fetch, store: config.store, digest: config.digest, llm: config.llm, startBot, discordCli,
});
