/**
 * The cluster campaign's files and environments: digest definitions (one
 * per guild, reading that workspace's sources, due every few seconds with a
 * six-field cron) in one folder all instances read, and each instance's
 * environment: the shared database under its own application_name, its
 * INSTANCE_ID, the Discord gateway lease, its name in the fetch User-Agent.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scheduleId } from '../../../src/digests/definition-registry.ts';
import type { ClusterDiscord } from './discord.ts';
import { CLUSTER_TOKEN } from './discord.ts';

export interface ClusterDigest {
  /** The run key's digest part (workspace/name). */
  id: string;
  cron: string;
  /** `discord:<id>` */
  channels: string[];
}

export interface ClusterFiles {
  digestsDir: string;
  digests: ClusterDigest[];
  /** The environment of instance `name` on the database URL given. */
  envFor(name: string, databaseUrl: string): NodeJS.ProcessEnv;
}

/** The workspace (guild) of each feed: the feeds are dealt out over the guilds in turn. */
export function workspaceOfFeed(discord: ClusterDiscord, n: number): string {
  const guilds = [...discord.guilds.keys()];
  return `discord:${guilds[n % guilds.length] ?? ''}`;
}

/** Writes one digest file per guild (its workspace's sources, to all its channels), due every `everySeconds`. */
export function writeClusterFiles(dir: string, discord: ClusterDiscord, options: { everySeconds: number }): ClusterFiles {
  const digestsDir = join(dir, 'digests');
  mkdirSync(digestsDir, { recursive: true });
  const cron = `*/${String(options.everySeconds)} * * * * *`;
  const digests: ClusterDigest[] = [];
  for (const [d, [guild, channelIds]] of [...discord.guilds].entries()) {
    const name = `cluster-${String(d + 1)}`;
    const workspace = `discord:${guild}`;
    const channels = channelIds.map((id) => `discord:${id}`);
    writeFileSync(join(digestsDir, `${name}.json`), JSON.stringify({
      name, title: `Cluster campaign digest ${String(d + 1)}`, workspace, language: 'en', sources: [{ type: 'workspace' }],
      schedule: { cron, timezone: 'UTC' }, channels, maxArticles: 5, lookbackHours: 1,
    }));
    digests.push({ id: scheduleId({ workspace, name }), cron, channels });
  }
  return {
    digestsDir, digests,
    envFor(name, databaseUrl) {
      const dataDir = join(dir, `data-${name}`);
      mkdirSync(dataDir, { recursive: true });
      return {
        PATH: process.env['PATH'] ?? '',
        DATA_DIR: dataDir,
        DIGESTS_DIR: digestsDir,
        DATABASE_URL: databaseUrl,
        INSTANCE_ID: name,
        DISCORD_TOKEN: CLUSTER_TOKEN,
        DISCORD_APPLICATION_ID: discord.fake.applicationId,
        DISCORD_API_URL: discord.apiUrl,
        DISCORD_MODE: 'gateway',
        GATEWAY_LEASE_RETRY_MS: '500',
        FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.0/8',
        FETCH_USER_AGENT: `digestbot (cluster-instance/${name})`,
        FETCH_TIMEOUT_MS: '10000',
        POLL_INTERVAL_MINUTES: '1',
        NEW_SOURCE_ITEMS: '0',
        DIGEST_WORKERS: '1',
        SCHEDULE_GRACE_HOURS: '1',
        LOG_LEVEL: 'warn',
        CHILD_POLL_TICK_MS: '5000',
      };
    },
  };
}
