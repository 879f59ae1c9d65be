/** Opens the PostgreSQL store: a node-postgres pool on `url`, migrated before first use. */
import pg from 'pg';
import { DigestError } from '../../errors.ts';
import type { Store } from '../port.ts';
import { sqlStore } from '../sql/sql-store.ts';
import { migratePostgres } from './migrate.ts';
import { postgresRunner } from './runner.ts';

export interface PostgresStoreOptions {
  /** Connections in the pool. @defaultValue 10 */
  poolSize?: number;
  /** Told about errors of idle pooled connections (a restarted server); the next query reconnects. @defaultValue ignored */
  onIdleError?(err: Error): void;
}

/** Opens and migrates the database at `url` (`postgres://user@host:port/db`). */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  pool.on('error', (err) => options.onIdleError?.(err));
  let schemaVersion: number;
  try {
    schemaVersion = await migratePostgres(pool);
  } catch (err) {
    await pool.end();
    throw new DigestError('store/open-failed', `cannot open the PostgreSQL database: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  return sqlStore({ ...postgresRunner(pool), dialect: 'postgres', schemaVersion, close: () => pool.end() });
}
