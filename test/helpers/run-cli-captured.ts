/** Runs the CLI (`runCli`) in this process with captured streams: pipes, not terminals. */
import { PassThrough } from 'node:stream';
import { runCli } from '../../adapters/cli/run-cli.ts';
import { loadConfig } from '../../src/config.ts';

export interface CapturedRun { code: number; stdout: string; stderr: string }

/** `env` is the configuration (as process.env would give it); relative paths resolve against `cwd`. */
export async function runCliCaptured(argv: string[], env: Record<string, string>, cwd: string): Promise<CapturedRun> {
  const config = loadConfig(env);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => { out += d.toString(); });
  stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const code = await runCli(argv, { stdin: new PassThrough(), stdout, stderr, cwd }, {
    projectRoot: cwd, fetch: config.fetch, store: config.store,
    startBot: () => Promise.reject(new Error('runCliCaptured does not start the bot')),
    discordCli: () => Promise.reject(new Error('runCliCaptured does not run the Discord setup')),
  });
  await new Promise((r) => setImmediate(r));
  return { code, stdout: out, stderr: err };
}
