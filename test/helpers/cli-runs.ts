/**
 * Runs the CLI for tests: as a real process (adapters/main.ts from the sources through tsx, as `npm run dev`; the
 * compiled build behind bin/digestbot.js is tested in build.int.test.ts), or `runCli` in this process; output
 * captured (pipes, not terminals).
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../adapters/cli/run-cli.ts';
import { loadConfig } from '../../src/config.ts';

export interface CapturedRun { code: number; stdout: string; stderr: string }

/** The project folder (the process's working directory). */
export const projectRoot = resolve(import.meta.dirname, '..', '..');

/** Runs `node <args>` in the project folder with exactly `env`, feeding `stdin`; resolves with its output when it exits (code null when killed). */
export function spawnNode(args: string[], options: { stdin?: string; env: NodeJS.ProcessEnv }): Promise<Omit<CapturedRun, 'code'> & { code: number | null }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, env: options.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/**
 * Starts `node --import tsx adapters/main.ts <args>` with `stdin` and the environment plus `env` (colours off, loopback allowed
 * for the fixture servers); resolves when it exits (code null when killed).
 */
export function spawnCli(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<Omit<CapturedRun, 'code'> & { code: number | null }> {
  return spawnNode(['--import', 'tsx', join(projectRoot, 'adapters', 'main.ts'), ...args], {
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
    env: { ...process.env, FORCE_COLOR: '0', FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1', ...options.env },
  });
}

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
