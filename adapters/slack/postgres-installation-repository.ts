/**
 * The InstallationRepository on PostgreSQL (DATABASE_URL=postgres://…): the
 * `slack_installations` and `slack_channel_installs` tables of migration 6 in
 * the store's database, so every instance behind a load balancer sees an
 * installation the moment one instance stored it. A small pool of its own;
 * open it after the store has migrated the database.
 */
import pg from 'pg';
import { DigestError } from '../../src/index.ts';
import type { InstallationRepository } from './installation-repository.ts';

export interface PostgresInstallationRepository extends InstallationRepository {
  close(): Promise<void>;
}

export interface PostgresInstallationOptions {
  /** Connections in the repository's pool (OAuth lookups are one short query each). @defaultValue 2 */
  poolSize?: number;
  /** Told about errors of idle pooled connections; the next query reconnects. @defaultValue ignored */
  onIdleError?(err: Error): void;
}

/**
 * Opens the repository on the database at `url`.
 * @throws DigestError `store/open-failed` when the database does not answer or has no `slack_installations` table (migration 6).
 */
export async function openPostgresInstallationRepository(url: string, options: PostgresInstallationOptions = {}): Promise<PostgresInstallationRepository> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 2 });
  pool.on('error', (err) => options.onIdleError?.(err));
  let found: string | null;
  try {
    found = (await pool.query<{ t: string | null }>("SELECT to_regclass('slack_installations')::text AS t")).rows[0]?.t ?? null;
  } catch (err) {
    await pool.end();
    throw new DigestError('store/open-failed', `cannot open the PostgreSQL database for Slack installations: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  if (found === null) {
    await pool.end();
    throw new DigestError('store/open-failed', 'the PostgreSQL database has no slack_installations table: open the store first (migration 6 creates it)');
  }
  return {
    async save(installKey, sealed, at) {
      await pool.query(`INSERT INTO slack_installations (install_key, sealed, updated_at) VALUES ($1, $2, $3)
        ON CONFLICT (install_key) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at`, [installKey, sealed, at.toISOString()]);
    },
    async find(installKey) {
      const rows = (await pool.query<{ sealed: Buffer }>('SELECT sealed FROM slack_installations WHERE install_key = $1', [installKey])).rows;
      return rows[0]?.sealed ?? null;
    },
    async delete(installKey) {
      await pool.query('DELETE FROM slack_installations WHERE install_key = $1', [installKey]);
    },
    async linkChannel(channelId, installKey) {
      await pool.query(`INSERT INTO slack_channel_installs (channel_id, install_key) VALUES ($1, $2)
        ON CONFLICT (channel_id) DO UPDATE SET install_key = excluded.install_key`, [channelId, installKey]);
    },
    async channelInstallKey(channelId) {
      const rows = (await pool.query<{ install_key: string }>('SELECT install_key FROM slack_channel_installs WHERE channel_id = $1', [channelId])).rows;
      return rows[0]?.install_key ?? null;
    },
    close: () => pool.end(),
  };
}
