/**
 * The InstallationRepository on the SQLite store file: the
 * `slack_installations` table of migration 6, on a connection of its own
 * (WAL mode lets it share the file with the store's). Open it after the store
 * has migrated the file.
 */
import Database from 'better-sqlite3';
import { DigestError } from '../../src/index.ts';
import type { InstallationRepository } from './installation-repository.ts';

export interface SqliteInstallationRepository extends InstallationRepository {
  close(): void;
}

/**
 * Opens the repository on the database file at `path`.
 * @throws DigestError `store/open-failed` when the file cannot be opened or has no `slack_installations` table (migration 6).
 */
export function openSqliteInstallationRepository(path: string): SqliteInstallationRepository {
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch (err) {
    throw new DigestError('store/open-failed', `cannot open the database file ${path} for Slack installations`, { cause: err });
  }
  db.pragma('busy_timeout = 5000');
  const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'slack_installations'").get();
  if (table === undefined) {
    db.close();
    throw new DigestError('store/open-failed', `${path} has no slack_installations table: open the store first (migration 6 creates it)`);
  }
  const upsert = db.prepare(`INSERT INTO slack_installations (install_key, sealed, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (install_key) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at`);
  const select = db.prepare<[string], { sealed: Buffer }>('SELECT sealed FROM slack_installations WHERE install_key = ?');
  const remove = db.prepare('DELETE FROM slack_installations WHERE install_key = ?');
  const link = db.prepare(`INSERT INTO slack_channel_installs (channel_id, install_key) VALUES (?, ?)
    ON CONFLICT (channel_id) DO UPDATE SET install_key = excluded.install_key`);
  const channelKey = db.prepare<[string], { install_key: string }>('SELECT install_key FROM slack_channel_installs WHERE channel_id = ?');
  return {
    save(installKey, sealed, at) {
      upsert.run(installKey, sealed, at.toISOString());
      return Promise.resolve();
    },
    find(installKey) {
      return Promise.resolve(select.get(installKey)?.sealed ?? null);
    },
    delete(installKey) {
      remove.run(installKey);
      return Promise.resolve();
    },
    linkChannel(channelId, installKey) {
      link.run(channelId, installKey);
      return Promise.resolve();
    },
    channelInstallKey(channelId) {
      return Promise.resolve(channelKey.get(channelId)?.install_key ?? null);
    },
    close: () => db.close(),
  };
}
