/**
 * The one place that picks the store's database from configuration: DATABASE_URL unset or `sqlite:` → the
 * SQLite file `digestbot.sqlite` under DATA_DIR (as before), `sqlite:<path>` → that file, `postgres://` or
 * `postgresql://` → PostgreSQL.
 */
import { join } from 'node:path';
import { DigestError } from '../errors.ts';
import type { Store } from './port.ts';
import { openPostgresStore, type PostgresStoreOptions } from './postgres/open.ts';
import { openSqliteStore } from './sqlite/open.ts';

export interface StoreConfig {
  /** The folder of the SQLite file (already resolved against the working directory). */
  dataDir: string;
  /** DATABASE_URL. @defaultValue null (SQLite under dataDir) */
  databaseUrl: string | null;
}

/** The SQLite file name under DATA_DIR. */
export const SQLITE_FILE = 'digestbot.sqlite';

/** Which database a configuration names, and where. */
export function storeLocation(config: StoreConfig): { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string } {
  const url = config.databaseUrl?.trim() ?? '';
  if (url === '' || url === 'sqlite:') return { dialect: 'sqlite', path: join(config.dataDir, SQLITE_FILE) };
  if (url.startsWith('sqlite:')) return { dialect: 'sqlite', path: url.slice('sqlite:'.length) };
  if (/^postgres(ql)?:\/\//u.test(url)) return { dialect: 'postgres', url };
  throw new DigestError('config/invalid', 'DATABASE_URL must start with sqlite: or postgres:// (postgresql://)');
}

/** Opens (and migrates) the store the configuration names. */
export async function openStore(config: StoreConfig, options: PostgresStoreOptions = {}): Promise<Store> {
  const where = storeLocation(config);
  return where.dialect === 'sqlite' ? openSqliteStore(where.path) : openPostgresStore(where.url, options);
}
