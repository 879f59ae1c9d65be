/**
 * Picks the Slack installation repository beside the store: the store's
 * SQLite file, or its PostgreSQL database (DATABASE_URL) so that every
 * instance shares the installations.
 */
import type { storeLocation } from '../../src/index.ts';
import type { InstallationRepository } from './installation-repository.ts';
import { openPostgresInstallationRepository } from './postgres-installation-repository.ts';
import { openSqliteInstallationRepository } from './sqlite-installation-repository.ts';

/** Where the store is (`storeLocation(config)`). */
export type StoreLocation = ReturnType<typeof storeLocation>;

export interface ClosableInstallationRepository extends InstallationRepository {
  close(): Promise<void>;
}

/**
 * Opens the repository in the store's database (open the store first: migration 6 creates the tables).
 * @throws DigestError `store/open-failed` when the database cannot be opened or lacks the tables.
 */
export async function openInstallationRepository(location: StoreLocation): Promise<ClosableInstallationRepository> {
  if (location.dialect === 'postgres') return openPostgresInstallationRepository(location.url);
  const sqlite = openSqliteInstallationRepository(location.path);
  return {
    ...sqlite,
    close() {
      sqlite.close();
      return Promise.resolve();
    },
  };
}
