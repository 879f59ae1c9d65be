/**
 * Opens (creating if needed) the SQLite store file and migrates it.
 * WAL journal and `synchronous = NORMAL` keep writes durable across a
 * process crash; a busy timeout lets a second process wait instead of failing.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DigestError } from '../../errors.ts';
import type { Store } from '../port.ts';
import { sqliteArticles } from './articles.ts';
import { sqliteLedger } from './ledger.ts';
import { migrate } from './migrations.ts';
import { sqliteAudit, sqliteDefinitions, sqliteState, sqliteDigestCache, sqliteLlmLedger, sqliteWorkspaces } from './misc.ts';
import { sqliteSources } from './sources.ts';

/** Opens the store at `path` (`:memory:` for a throwaway one). */
export function openSqliteStore(path: string): Store {
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
  const version = migrate(db);
  return {
    workspaces: sqliteWorkspaces(db),
    sources: sqliteSources(db),
    articles: sqliteArticles(db),
    digestCache: sqliteDigestCache(db),
    ledger: sqliteLedger(db),
    audit: sqliteAudit(db),
    definitions: sqliteDefinitions(db),
    state: sqliteState(db),
    llm: sqliteLlmLedger(db),
    // better-sqlite3 turns a nested transaction into a savepoint, so batches nest.
    batch: (fn) => db.transaction(fn)(),
    schemaVersion: () => version,
    close: () => {
      db.close();
    },
  };
}
