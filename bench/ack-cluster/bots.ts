/**
 * The bot side of the ack-cluster benchmark: real bot processes (`adapters/main.ts` under tsx, as `npm run dev`
 * starts it), each with its own event loop, on one PostgreSQL database, each serving the Discord interactions
 * endpoint (DISCORD_MODE=http) and the Slack HTTP receiver (SLACK_MODE=http) on ports of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** A database of its own on the server at `adminUrl`; `drop` removes it. */
export async function createBenchDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `digestbot_ack_cluster_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

export interface ClusterSpec {
  instances: number;
  databaseUrl: string;
  discord: { apiUrl: string; applicationId: string; guildId: string; publicKeyHex: string };
  slack: { apiUrl: string; signingSecret: string; teamId: string };
  /** Write each bot's V8 CPU profile (on its exit) into this folder. @defaultValue none */
  cpuProfileDir?: string;
}

export interface BotInstance {
  id: string;
  pid: number;
  interactionsUrl: string;
  slackEventsUrl: string;
}

export interface Cluster {
  instances: BotInstance[];
  /** SIGTERM to every instance, then the temp folder is removed. */
  stop(): Promise<void>;
}

/** Folder digests of the bundled samples, one per platform's workspace: the commands' follow-up work. */
function writeDefinitions(dir: string, spec: ClusterSpec): string {
  const digests = join(dir, 'digests');
  mkdirSync(digests);
  const samples = join(ROOT, 'digests', 'samples');
  for (const [file, workspace] of [['discord.json', `discord:${spec.discord.guildId}`], ['slack.json', `slack:${spec.slack.teamId}`]] as const) {
    writeFileSync(join(digests, file), JSON.stringify({ name: 'scale-news', title: 'Scale news', language: 'en', workspace, sources: [{ type: 'folder', name: 'samples', path: samples }] }));
  }
  return digests;
}

function waitReady(child: ChildProcess, id: string): Promise<void> {
  return new Promise((ok, fail) => {
    let out = '';
    const onData = (chunk: Buffer): void => {
      out += chunk.toString('utf8');
      if (out.includes('digestbot running on')) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        ok();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`bot ${id} exited before it was ready (code ${String(code)}): ${out.slice(-500)}`)));
  });
}

async function startInstance(spec: ClusterSpec, dir: string, digestsDir: string, index: number): Promise<{ child: ChildProcess; instance: BotInstance }> {
  const id = `bot${String(index + 1)}`;
  const [discordPort, slackPort] = [await freePort(), await freePort()];
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? dir, TZ: 'UTC', NODE_ENV: 'production',
    DATABASE_URL: spec.databaseUrl, INSTANCE_ID: id, DATA_DIR: join(dir, id), DIGESTS_DIR: digestsDir, LOG_LEVEL: 'warn',
    DISCORD_TOKEN: 'ack-cluster-token', DISCORD_APPLICATION_ID: spec.discord.applicationId, DISCORD_API_URL: spec.discord.apiUrl,
    DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: spec.discord.publicKeyHex, DISCORD_INTERACTIONS_HOST: '127.0.0.1', DISCORD_INTERACTIONS_PORT: String(discordPort),
    SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: spec.slack.signingSecret, SLACK_MODE: 'http',
    SLACK_HOST: '127.0.0.1', SLACK_PORT: String(slackPort), SLACK_API_URL: spec.slack.apiUrl,
  };
  const profile = spec.cpuProfileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${spec.cpuProfileDir}`];
  const child = spawn(process.execPath, [...profile, '--import', import.meta.resolve('tsx'), join(ROOT, 'adapters', 'main.ts')], { cwd: dir, env, stdio: ['ignore', 'pipe', 'inherit'] });
  await waitReady(child, id);
  return {
    child,
    instance: { id, pid: child.pid ?? 0, interactionsUrl: `http://127.0.0.1:${String(discordPort)}/interactions`, slackEventsUrl: `http://127.0.0.1:${String(slackPort)}/slack/events` },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      ok();
    });
    child.kill('SIGTERM');
  });
}

/** Starts `spec.instances` bot processes (one after another: the first migrates the database) and waits until each serves. */
export async function startCluster(spec: ClusterSpec): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'ack-cluster-'));
  const digestsDir = writeDefinitions(dir, spec);
  const children: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(children.map(stopChild));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const instances: BotInstance[] = [];
    for (let i = 0; i < spec.instances; i += 1) {
      const started = await startInstance(spec, dir, digestsDir, i);
      children.push(started.child);
      instances.push(started.instance);
    }
    return { instances, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
