/**
 * The SQLite side of the schema migrations (`../migrations.ts`): applied in order at start-up inside one
 * transaction each; `PRAGMA user_version` holds the version reached.
 */
import type Database from 'better-sqlite3';
import { SCHEMA_MIGRATIONS } from '../migrations.ts';

/** The SQLite text of each migration, in order (migration N at index N-1). */
export const MIGRATIONS: readonly string[] = SCHEMA_MIGRATIONS.map((m) => m.sqlite);

/** Brings the database to the newest schema; returns the version reached. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    const sql = MIGRATIONS[v] ?? '';
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${String(v + 1)}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
