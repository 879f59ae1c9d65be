/**
 * One PostgreSQL session that holds this instance's short-lived advisory locks: a keyed job's key while its
 * job runs (a source polled, a channel posted to) and a host's request slot while a fetch runs. Session locks
 * are re-entrant within a session, so callers keep their own set of what this process holds and never ask
 * twice for the same lock. The locks go with the connection: a killed process frees them at once. Keys are
 * two 32-bit hashes (`hashtext` of a space and of a key), a lock space apart from the gateway lease's 64-bit key.
 */
import pg from 'pg';
import type { Logger } from '../../src/index.ts';

export interface LockSession {
  /** Takes the lock when free; false when another session holds it. */
  tryLock(space: string, key: string): Promise<boolean>;
  /** Frees a lock this session holds (a lost connection has freed it already). */
  unlock(space: string, key: string): Promise<void>;
  close(): Promise<void>;
}

export function createPgLockSession(url: string, logger: Logger): LockSession {
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  /** One statement at a time on the session (node-postgres queues them, but deprecates doing so). */
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn);
    chain = next.catch(() => undefined);
    return next;
  };

  const connect = (): Promise<pg.Client> => {
    if (client !== null) return Promise.resolve(client);
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString: url, application_name: 'digestbot-locks' });
      c.on('error', (err) => {
        // Every lock of this session is gone with it: jobs still running lose their exclusivity.
        logger.error('lock session lost', { err: err.message });
        if (client === c) client = null;
      });
      try {
        await c.connect();
      } catch (err) {
        connecting = null;
        throw err;
      }
      client = c;
      connecting = null;
      return c;
    })();
    return connecting;
  };

  return {
    async tryLock(space, key) {
      if (closed) return false;
      return serial(async () => {
        const c = await connect();
        const res = await c.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked', [space, key]);
        return res.rows[0]?.locked === true;
      });
    },
    async unlock(space, key) {
      await serial(async () => {
        const c = client;
        if (c === null) return;
        await c.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [space, key]).catch((err: unknown) => {
          logger.warn('advisory unlock failed', { err: err instanceof Error ? err.message : String(err) });
        });
      });
    },
    async close() {
      closed = true;
      await chain;
      const c = client ?? (connecting === null ? null : await connecting.catch(() => null));
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
