/**
 * The `InstallationRepository` port: where Slack installations (OAuth, one
 * per workspace or Enterprise Grid org) are kept, sealed. It stores opaque
 * bytes under an installation key (`team:T123`, `enterprise:E123`) and never
 * sees a token in clear: sealing is `installation-store.ts`'s job. Async so a
 * shared database (PostgreSQL) can implement it.
 */
export interface InstallationRepository {
  /** Stores (or replaces) the sealed installation under `installKey`. */
  save(installKey: string, sealed: Buffer, at: Date): Promise<void>;
  /** The sealed installation, or null when none is stored. */
  find(installKey: string): Promise<Buffer | null>;
  /** Removes it (a no-op when absent). */
  delete(installKey: string): Promise<void>;
  /** Records that `channelId` belongs to the installation `installKey` (scheduled posts there use its token). */
  linkChannel(channelId: string, installKey: string): Promise<void>;
  /** The installation key a channel belongs to, or null when no command was ever typed there. */
  channelInstallKey(channelId: string): Promise<string | null>;
}

/** A repository in memory, for tests and one-off tools. */
export function createMemoryInstallationRepository(): InstallationRepository & { rows: Map<string, Buffer> } {
  const rows = new Map<string, Buffer>();
  const channels = new Map<string, string>();
  return {
    rows,
    linkChannel(channelId, installKey) {
      channels.set(channelId, installKey);
      return Promise.resolve();
    },
    channelInstallKey: (channelId) => Promise.resolve(channels.get(channelId) ?? null),
    save(installKey, sealed) {
      rows.set(installKey, Buffer.from(sealed));
      return Promise.resolve();
    },
    find: (installKey) => Promise.resolve(rows.get(installKey) ?? null),
    delete(installKey) {
      rows.delete(installKey);
      return Promise.resolve();
    },
  };
}
