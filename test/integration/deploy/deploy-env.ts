/**
 * The environments the documented deployments give the bot, read from the files themselves (Dockerfile ENV and
 * CMD, the systemd unit's Environment=, EnvironmentFile= and ExecStart=), and a way to run the built bin in a
 * working directory that really is read-only (chmod for an ordinary user; a read-only bind mount in a private
 * mount namespace for root, who writes through chmod).
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, chmodSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..', '..', '..');
export const bin = join(root, 'bin', 'digestbot.js');

/** Splits on blanks outside double quotes, dropping the quotes (the part of systemd's and Docker's quoting used here). */
export function splitQuoted(text: string): string[] {
  return [...text.matchAll(/(?:[^\s"]+|"[^"]*")+/gu)].map((m) => m[0].replace(/"/gu, ''));
}

/** The final stage's ENV (Docker applies them in order) and its CMD. */
export function dockerfileDeployment(): { env: Record<string, string>; cmd: string[] } {
  const text = readFileSync(join(root, 'Dockerfile'), 'utf8').replace(/\\\r?\n/gu, ' ');
  const stages = text.split(/^FROM /mu);
  const last = stages[stages.length - 1] ?? '';
  const env: Record<string, string> = {};
  for (const line of last.split('\n').filter((l) => l.startsWith('ENV '))) {
    for (const pair of splitQuoted(line.slice(4))) {
      const eq = pair.indexOf('=');
      env[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  }
  const cmd = JSON.parse(/^CMD (\[.*\])\s*$/mu.exec(last)?.[1] ?? '[]') as string[];
  return { env, cmd };
}

/** The unit's Environment= assignments (in order), EnvironmentFile=, WorkingDirectory= and ExecStart=. */
export function systemdDeployment(): { env: Record<string, string>; environmentFile: string; workingDirectory: string; execStart: string[] } {
  const lines = readFileSync(join(root, 'deploy', 'digestbot.service'), 'utf8').split('\n');
  const value = (key: string): string => lines.find((l) => l.startsWith(`${key}=`))?.slice(key.length + 1) ?? '';
  const env: Record<string, string> = {};
  for (const line of lines.filter((l) => l.startsWith('Environment='))) {
    for (const pair of splitQuoted(line.slice('Environment='.length))) {
      const eq = pair.indexOf('=');
      env[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  }
  return { env, environmentFile: value('EnvironmentFile'), workingDirectory: value('WorkingDirectory'), execStart: splitQuoted(value('ExecStart')) };
}

/** Replaces whole values: the deployment's paths and ports by the test's. */
export function mapValues(env: Record<string, string>, map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, map[v] ?? v]));
}

/** A fresh temporary directory. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `digestbot-${prefix}-`));
}

const asRoot = process.getuid?.() === 0;

/** `node bin/digestbot.js start` in `cwd` with exactly `env`, standard input /dev/null (as under systemd or `docker run -d`). */
export function spawnBin(cwd: string, env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [bin, 'start'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }) as unknown as ChildProcessWithoutNullStreams;
}

/**
 * `node <args>` with exactly `env`, its working directory `cwd` made read-only: chmod 0555 for an ordinary user;
 * for root `unshare -m` and a read-only bind mount of `cwd` onto itself, seen by this process only.
 */
export function spawnInReadOnlyDir(cwd: string, args: string[], env: Record<string, string>): ChildProcessWithoutNullStreams {
  if (!asRoot) {
    chmodSync(cwd, 0o555);
    return spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }) as unknown as ChildProcessWithoutNullStreams;
  }
  const script = 'mount --bind -o ro "$0" "$0" && cd "$0" && exec "$@"';
  return spawn('unshare', ['-m', 'sh', '-c', script, cwd, process.execPath, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] }) as unknown as ChildProcessWithoutNullStreams;
}

/** Why a read-only working directory cannot be made here, or null when it can (and a write into it really fails). */
export function readOnlyUnavailable(): string | null {
  const dir = tempDir('ro-probe');
  const probe = asRoot
    ? spawnSync('unshare', ['-m', 'sh', '-c', 'mount --bind -o ro "$0" "$0" && cd "$0" && ! touch probe 2>/dev/null', dir], { encoding: 'utf8' })
    : spawnSync('sh', ['-c', 'chmod 555 "$0" && cd "$0" && ! touch probe 2>/dev/null', dir], { encoding: 'utf8' });
  if (probe.error !== undefined) return `cannot make a read-only directory here (${probe.error.message})`;
  return probe.status === 0 ? null : `cannot make a read-only directory here (${asRoot ? 'unshare -m and a bind mount' : 'chmod'} did not stop a write)`;
}

export interface Running {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Collects a spawned bot's output and its exit. */
export function watch(child: ChildProcessWithoutNullStreams): Running {
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** The /healthz URL the bot prints on stderr once it runs headless, or the exit code if it ends first. */
export async function healthUrlOf(run: Running, timeoutMs: number): Promise<string> {
  const started = Date.now();
  let code: number | null | undefined;
  void run.exited.then((c) => { code = c; });
  while (Date.now() - started < timeoutMs) {
    const url = /health on (http:\/\/127\.0\.0\.1:\d+\/healthz)/u.exec(run.stderr())?.[1];
    if (url !== undefined) return url;
    if (code !== undefined) throw new Error(`the bot exited (${String(code)}) before it ran:\n${run.stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no health URL within ${String(timeoutMs)} ms:\n${run.stderr()}`);
}

/** Files directly in `dir`. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile()).sort();
}
