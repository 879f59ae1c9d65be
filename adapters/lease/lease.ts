/**
 * The `Lease` port: at most one holder at a time across the cluster (the
 * Discord gateway connection is held by the instance holding the lease), and
 * its in-process implementation for single-instance setups on SQLite, which
 * always gets it. The Postgres implementation is in `pg-lease.ts`; keeping
 * a lease and taking it over is `hold-lease.ts`.
 */

export interface Lease {
  /** Which implementation: `postgres` (advisory lock) or `in-process`. */
  readonly kind: 'postgres' | 'in-process';
  /** Whether this holder has the lease now (as far as it knows). */
  readonly held: boolean;
  /**
   * Tries to take the lease without waiting for another holder.
   * @returns true when this holder has it now (also when it had it already).
   * @throws DigestError `lease/unavailable` when the lease's backend cannot be reached.
   */
  acquire(): Promise<boolean>;
  /**
   * Checks that a held lease is still held (its database session alive).
   * @returns false when it was lost (the `onLost` listeners have then been called).
   */
  renew(): Promise<boolean>;
  /** Gives the lease up (a no-op when not held). */
  release(): Promise<void>;
  /** Calls `listener` when a held lease is lost without `release()` (its session ended); returns the unsubscribe. */
  onLost(listener: (reason: string) => void): () => void;
  /** Releases and frees the lease's resources (its connection). */
  close(): Promise<void>;
}

/** A listener list for `onLost`, shared by the implementations. */
export function lostListeners(): { add(listener: (reason: string) => void): () => void; emit(reason: string): void } {
  const listeners = new Set<(reason: string) => void>();
  return {
    add(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(reason) {
      for (const listener of [...listeners]) listener(reason);
    },
  };
}

/** The lease of a single instance (SQLite, no cluster): always granted, never lost. */
export function createInProcessLease(): Lease {
  let held = false;
  const lost = lostListeners();
  return {
    kind: 'in-process',
    get held() {
      return held;
    },
    acquire() {
      held = true;
      return Promise.resolve(true);
    },
    renew: () => Promise.resolve(held),
    release() {
      held = false;
      return Promise.resolve();
    },
    onLost: (listener) => lost.add(listener),
    close() {
      held = false;
      return Promise.resolve();
    },
  };
}
