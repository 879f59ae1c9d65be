/**
 * Composition root. For now the bot's main job is the sample digest run and
 * the `digest` command line; chat adapters plug in here later.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, toDigestError } from '../src/index.ts';
import { runCli } from './cli/run-cli.ts';
import { runConsoleBot } from './console/run-console-bot.ts';
import { createPinoLogger } from './logger.ts';
import { createRuntime } from './runtime.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

let config;
try {
  config = loadConfig(process.env);
} catch (err) {
  process.stderr.write(`error: ${toDigestError(err).message}\n`);
  process.exit(1);
}

const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
const logger = createPinoLogger(config.log.level);
const startBot = async (): Promise<number> => runConsoleBot(io, await createRuntime({ projectRoot, cwd: io.cwd, config, logger }));
process.exitCode = await runCli(process.argv.slice(2), io, { projectRoot, fetch: config.fetch, startBot });
