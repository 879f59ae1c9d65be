/**
 * A per-host concurrency limit: at most `limit` requests to one host run at a
 * time; the rest wait in a first-in, first-out queue.
 */

/** Gives out slots per key; `acquire` resolves with a release function. */
export interface HostLimiter {
  acquire(host: string): Promise<() => void>;
  /** Requests running now for a host (for tests and health output). */
  active(host: string): number;
}

interface HostState {
  running: number;
  waiting: Array<() => void>;
}

export function createHostLimiter(limit: number): HostLimiter {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`per-host concurrency must be a positive integer, got ${limit}`);
  const hosts = new Map<string, HostState>();

  const releaseFor = (host: string, state: HostState): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = state.waiting.shift();
      if (next !== undefined) {
        next();
        return;
      }
      state.running -= 1;
      if (state.running === 0) hosts.delete(host);
    };
  };

  return {
    acquire(host) {
      let state = hosts.get(host);
      if (state === undefined) {
        state = { running: 0, waiting: [] };
        hosts.set(host, state);
      }
      const current = state;
      if (current.running < limit) {
        current.running += 1;
        return Promise.resolve(releaseFor(host, current));
      }
      return new Promise((resolve) => {
        current.waiting.push(() => resolve(releaseFor(host, current)));
      });
    },
    active(host) {
      return hosts.get(host)?.running ?? 0;
    },
  };
}
