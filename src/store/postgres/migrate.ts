/**
 * Brings a PostgreSQL database to the newest schema. Several instances may start at once: each takes the same
 * session-level advisory lock first, so one migrates and the others find the work done (the lock goes with
 * the connection if an instance dies mid-way; each migration is its own transaction, so a cut-off one is redone).
 */
import type { Pool } from 'pg';
import { SCHEMA_MIGRATIONS } from '../migrations.ts';

/** The advisory lock key of the store's migrations (two int4 halves: "digestbot", "migrations"). */
const LOCK = [0x64696765, 0x6d696772] as const;

/** Migrates the database `pool` connects to; returns the version reached. */
export async function migratePostgres(pool: Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [...LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      const done = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
      let version = done.rows[0]?.v ?? 0;
      for (; version < SCHEMA_MIGRATIONS.length; version++) {
        await client.query('BEGIN');
        try {
          await client.query(SCHEMA_MIGRATIONS[version]?.postgres ?? '');
          await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version + 1, new Date().toISOString()]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
      return version;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [...LOCK]);
    }
  } finally {
    client.release();
  }
}
