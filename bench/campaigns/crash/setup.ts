/**
 * The campaign's files: a digest definition due every few seconds (a six-field
 * cron) on the local feeds, posting to two channels of the fake Discord; a
 * database left at schema version 1 with a large articles table, so the
 * start-up migrations take long enough for kills to land inside them; and the
 * environment the child bot runs with.
 */
import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scheduleId } from '../../../src/digests/definition-registry.ts';
import { MIGRATIONS } from '../../../src/store/sqlite/migrations.ts';
import type { World } from './world.ts';

export const DIGEST = 'crash';

export interface CampaignFiles {
  dir: string;
  dbPath: string;
  /** The run key's digest part (workspace/name). */
  digestId: string;
  cron: string;
  channels: string[];
  /** The child's environment. */
  env: NodeJS.ProcessEnv;
}

/** Fills a fresh database at schema version 1 with `articles` rows of another workspace; returns the time taken in ms. */
export function prefillVersion1(dbPath: string, articles: number): number {
  const started = performance.now();
  const db = new Database(dbPath);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(MIGRATIONS[0] ?? '');
    db.pragma('user_version = 1');
    const insert = db.prepare('INSERT INTO articles (workspace_id, source_id, canonical_url, guid, content_hash, title, published, first_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < articles; i++) {
        insert.run('filler:old', 1 + (i % 50), `https://old.example/${String(i)}`, `old-${String(i)}`, `h${String(i)}`, `Old article ${String(i)}`, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
      }
    })();
  } finally {
    db.close();
  }
  return performance.now() - started;
}

export function writeCampaignFiles(dir: string, world: World, options: { everySeconds: number; articles: number }): CampaignFiles {
  const dataDir = join(dir, 'data');
  const digestsDir = join(dir, 'digests');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(digestsDir, { recursive: true });
  const dbPath = join(dataDir, 'digestbot.sqlite');
  prefillVersion1(dbPath, options.articles);
  const cron = `*/${String(options.everySeconds)} * * * * *`;
  const channels = world.channelIds.map((id) => `discord:${id}`);
  writeFileSync(join(digestsDir, `${DIGEST}.json`), JSON.stringify({
    name: DIGEST, title: 'Crash campaign digest', workspace: `discord:${world.guildId}`, language: 'en',
    sources: world.feeds.map((url, i) => ({ type: 'url', name: `feed ${String(i + 1)}`, url })),
    schedule: { cron, timezone: 'UTC' }, channels, maxArticles: 5, lookbackHours: 1,
  }, null, 2));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'] ?? '',
    DATA_DIR: dataDir,
    DIGESTS_DIR: digestsDir,
    DISCORD_TOKEN: 'crash-campaign-token',
    DISCORD_APPLICATION_ID: world.discord.applicationId,
    DISCORD_API_URL: world.apiUrl,
    FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    FETCH_TIMEOUT_MS: '10000',
    POLL_INTERVAL_MINUTES: '1',
    SCHEDULE_GRACE_HOURS: '1',
    LOG_LEVEL: 'warn',
  };
  return { dir, dbPath, digestId: scheduleId({ workspace: `discord:${world.guildId}`, name: DIGEST }), cron, channels, env };
}
