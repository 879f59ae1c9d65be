/**
 * Opens (creating if needed) the SQLite store file and migrates it.
 * WAL journal and `synchronous = NORMAL` keep writes durable across a
 * process crash; a busy timeout lets a second process wait instead of failing.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DigestError } from '../../errors.ts';
import { LOCAL_OWNER, type ClaimOwner, type Store } from '../port.ts';
import { sqlStore } from '../sql/sql-store.ts';
import { migrate } from './migrations.ts';
import { sqliteRunner } from './runner.ts';

/**
 * Opens the store at `path` (`:memory:` for a throwaway one); opening is synchronous, every query a promise.
 * `owner`: whose run claims it makes (one process per file: the default, whose restart re-claims at once).
 */
export function openSqliteStore(path: string, owner: ClaimOwner = LOCAL_OWNER): Store {
  let db: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
  } catch (err) {
    throw new DigestError('store/open-failed', `cannot open the database file ${path}`, { cause: err });
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const schemaVersion = migrate(db);
  const runner = sqliteRunner(db);
  return sqlStore({
    ...runner,
    dialect: 'sqlite',
    schemaVersion,
    close: () => {
      db.close();
      return Promise.resolve();
    },
  }, owner);
}
