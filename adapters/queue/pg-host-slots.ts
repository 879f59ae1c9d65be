/**
 * Per-host request slots shared by every instance on one PostgreSQL: FETCH_PER_HOST_CONCURRENCY slots per
 * host name, each a session advisory lock (`host-slot`, `<host>#<n>`) on the instance's lock session, held
 * while the request runs. Requests of this process first queue for one of its own slots (first in, first out),
 * then try the host's slots in turn and, all taken by other instances, try again after a short pause. A killed
 * instance's slots are freed with its connection. When the database cannot be asked, the request goes on
 * within this process's own limit (logged): fetching is never stopped by a lock service.
 */
import { createHostLimiter, type HostLimiter, type Logger } from '../../src/index.ts';
import type { LockSession } from './pg-lock-session.ts';

export interface ClusterHostSlotsOptions {
  locks: LockSession;
  /** Slots per host across the cluster (FETCH_PER_HOST_CONCURRENCY). */
  perHost: number;
  logger: Logger;
  /** Pause before trying a host's slots again when all are taken. @defaultValue 50 ms plus up to 50 ms jitter */
  retryMs?: number;
}

const SPACE = 'host-slot';

export function createClusterHostSlots(options: ClusterHostSlotsOptions): HostLimiter {
  const local = createHostLimiter(options.perHost);
  const held = new Map<string, Set<number>>();
  const retryMs = options.retryMs ?? 50;
  const heldOf = (host: string): Set<number> => {
    let slots = held.get(host);
    if (slots === undefined) held.set(host, (slots = new Set()));
    return slots;
  };

  /** One pass over the host's slots not held here; the slot taken, or null when all are busy. */
  const tryTake = async (host: string): Promise<number | null> => {
    const mine = heldOf(host);
    for (let slot = 0; slot < options.perHost; slot++) {
      if (mine.has(slot)) continue;
      mine.add(slot);
      let taken = false;
      try {
        taken = await options.locks.tryLock(SPACE, `${host}#${String(slot)}`);
      } finally {
        if (!taken) mine.delete(slot);
      }
      if (taken) return slot;
    }
    return null;
  };

  return {
    async acquire(host) {
      const releaseLocal = await local.acquire(host);
      let slot: number | null = null;
      try {
        while ((slot = await tryTake(host)) === null) {
          await new Promise((resolve) => setTimeout(resolve, retryMs + Math.random() * retryMs));
        }
      } catch (err) {
        options.logger.warn('host slots unavailable, limiting this instance only', { host, err: err instanceof Error ? err.message : String(err) });
        return releaseLocal;
      }
      const taken = slot;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        void options.locks.unlock(SPACE, `${host}#${String(taken)}`).finally(() => {
          heldOf(host).delete(taken);
          if (heldOf(host).size === 0) held.delete(host);
          releaseLocal();
        });
      };
    },
    active: (host) => local.active(host),
  };
}
