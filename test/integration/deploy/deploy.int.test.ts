/**
 * The documented deployments, started as the README says, with the built bin (`node bin/digestbot.js`, what the
 * Dockerfile's CMD and the unit's ExecStart run) as a real process:
 * - systemd: the unit's Environment= under its EnvironmentFile= (a copy of .env.example as the README installs it,
 *   plus the lines an admin fills in), standard input /dev/null, a read-only working directory;
 * - Docker: the image's ENV under `--env-file` (the same copy), standard input /dev/null, a read-only WORKDIR.
 * Docker and systemd cannot run here: their paths (/data, /var/lib/digestbot) are mapped to temporary directories,
 * and METRICS_PORT to 0 (any free port) on loopback. Each bot must put its database in the deployment's DATA_DIR,
 * answer /healthz and stop on SIGTERM with exit 0; without tokens and HEADLESS it must exit 1 and say why.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bin, dockerfileDeployment, filesIn, healthUrlOf, mapValues, readOnlyUnavailable, root, spawnBin, spawnInReadOnlyDir, systemdDeployment, tempDir, watch,
} from './deploy-env.ts';

const dirs: string[] = [];
const fresh = (prefix: string): string => {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const unavailable = !existsSync(join(root, 'dist', 'adapters', 'main.js'))
  ? 'the bot is not built (npm run build; npm ci does it)'
  : readOnlyUnavailable();
if (unavailable !== null) console.warn(`skipping the deployment tests: ${unavailable}`);

/** The env file as the README installs it (a copy of .env.example), with `lines` filled in by the admin. */
function envFile(lines: string[]): string {
  const file = join(fresh('envfile'), 'digestbot.env');
  copyFileSync(join(root, '.env.example'), file);
  appendFileSync(file, `\n# filled in by the admin\n${lines.join('\n')}\n`);
  return file;
}

/** Starts the bin in a read-only working directory; the deployment's program arguments with the bin's absolute path. */
function startDeployed(program: string[], env: Record<string, string>): ReturnType<typeof watch> {
  expect(program.slice(-2)).toEqual(['bin/digestbot.js', 'start']);
  return watch(spawnInReadOnlyDir(fresh('cwd'), [bin, 'start'], { PATH: process.env['PATH'] ?? '', TZ: 'UTC', ...env }));
}

/** Waits for /healthz 200, then stops the bot with SIGTERM and expects exit 0. */
async function expectHealthyThenStops(run: ReturnType<typeof watch>): Promise<void> {
  const url = await healthUrlOf(run, 90_000);
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { status: string }).status).toBe('ok');
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
  expect(run.stdout()).not.toMatch(/"level":/u);
}

describe.skipIf(unavailable !== null)('the systemd unit (deploy/digestbot.service)', () => {
  const unit = systemdDeployment();

  it('given the unit and its EnvironmentFile copied from .env.example with HEADLESS=true, then the database is in the unit\'s DATA_DIR, /healthz answers and SIGTERM stops it', async () => {
    expect(unit.execStart.slice(0, 1)).toEqual(['/usr/bin/node']);
    expect(unit.env['DATA_DIR']).toBe('/var/lib/digestbot');
    const state = fresh('state');
    const fileEnv = parseEnv(readFileSync(envFile(['HEADLESS=true', 'METRICS_PORT=0']), 'utf8')) as Record<string, string>;
    // systemd: EnvironmentFile= overrides Environment=.
    const run = startDeployed(unit.execStart, { ...mapValues(unit.env, { '/var/lib/digestbot': state }), ...fileEnv });
    await expectHealthyThenStops(run);
    expect(filesIn(state)).toContain('digestbot.sqlite');
  }, 180_000);

  it('given the unit with no tokens and no HEADLESS, then it exits 1 at once, naming the settings, and creates no database', async () => {
    const state = fresh('state');
    const fileEnv = parseEnv(readFileSync(envFile([]), 'utf8')) as Record<string, string>;
    const run = startDeployed(unit.execStart, { ...mapValues(unit.env, { '/var/lib/digestbot': state }), ...fileEnv });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/no chat platform is configured and there is no terminal[\s\S]*HEADLESS=true/u);
    expect(filesIn(state)).toEqual([]);
  }, 120_000);
});

describe.skipIf(unavailable !== null)('the Docker image (Dockerfile)', () => {
  const image = dockerfileDeployment();

  it('given the image ENV and --env-file copied from .env.example with HEADLESS=true, then the database is in the /data volume, /healthz answers and SIGTERM stops it', async () => {
    expect(image.env['DATA_DIR']).toBe('/data');
    const volume = fresh('volume');
    const fileEnv = parseEnv(readFileSync(envFile(['HEADLESS=true']), 'utf8')) as Record<string, string>;
    // docker run --env-file overrides the image's ENV; the image's port and address are the test's.
    const env = { ...mapValues(image.env, { '/data': volume, '9464': '0', '0.0.0.0': '127.0.0.1' }), ...fileEnv };
    const run = startDeployed(image.cmd, env);
    await expectHealthyThenStops(run);
    expect(filesIn(volume)).toContain('digestbot.sqlite');
  }, 180_000);
});

describe.skipIf(unavailable !== null)('the .env file in the working directory', () => {
  it('given .env with DATA_DIR and HEADLESS and the environment setting DATA_DIR too, then .env is read and the environment wins', async () => {
    const cwd = fresh('dotenv');
    const fromEnv = fresh('data-env');
    writeFileSync(join(cwd, '.env'), 'HEADLESS=true\nMETRICS_PORT=0\nDATA_DIR=./data-from-file\n');
    const run = watch(spawnBin(cwd, { PATH: process.env['PATH'] ?? '', TZ: 'UTC', DATA_DIR: fromEnv }));
    await expectHealthyThenStops(run);
    expect(filesIn(fromEnv)).toContain('digestbot.sqlite');
    expect(existsSync(join(cwd, 'data-from-file'))).toBe(false);
  }, 180_000);

  it('given a malformed .env, then the bot exits 1 naming the file and the line', async () => {
    const cwd = fresh('dotenv-bad');
    mkdirSync(join(cwd, 'data'));
    writeFileSync(join(cwd, '.env'), 'HEADLESS=true\nDISCORD_TOKEN abc\n');
    const run = watch(spawnBin(cwd, { PATH: process.env['PATH'] ?? '', TZ: 'UTC' }));
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain(`malformed env file ${join(cwd, '.env')}`);
    expect(run.stderr()).toContain('line 2: expected KEY=value, got "DISCORD_TOKEN abc"');
  }, 120_000);
});
