/** Opens the PostgreSQL store: a node-postgres pool on `url`, migrated before first use. */
import { hostname } from 'node:os';
import pg from 'pg';
import { DigestError } from '../../errors.ts';
import type { ClaimOwner, Store } from '../port.ts';
import { sqlStore } from '../sql/sql-store.ts';
import { migratePostgres } from './migrate.ts';
import { postgresRunner } from './runner.ts';

export interface PostgresStoreOptions {
  /** Connections in the pool. @defaultValue 10 */
  poolSize?: number;
  /** Told about errors of idle pooled connections (a restarted server); the next query reconnects. @defaultValue ignored */
  onIdleError?(err: Error): void;
  /** Whose run claims this instance makes. @defaultValue this host and process, stale after 10 minutes */
  owner?: ClaimOwner;
}

/** Age after which another instance's unposted claim is taken over (longer than a build plus the post's retries). */
export const CLAIM_STALE_MS = 10 * 60_000;

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
  const owner = options.owner ?? { id: `${hostname()}:${String(process.pid)}`, staleAfterMs: CLAIM_STALE_MS };
  return sqlStore({ ...postgresRunner(pool), dialect: 'postgres', schemaVersion, close: () => pool.end() }, owner);
}
