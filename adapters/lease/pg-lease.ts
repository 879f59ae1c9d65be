/**
 * The `Lease` on PostgreSQL: a session-level advisory lock
 * (`pg_try_advisory_lock`) taken on a connection of its own. The lock lives
 * exactly as long as that session: when the holding process dies, or its
 * connection is cut (`pg_terminate_backend`, a network failure noticed by
 * TCP keepalive or the renew query's timeout), PostgreSQL drops the lock and
 * another instance's next `acquire()` gets it. Nothing is written to tables.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { DigestError, type Logger } from '../../src/index.ts';
import { lostListeners, type Lease } from './lease.ts';

export interface PgLeaseOptions {
  /** postgres://… of the shared database. */
  connectionString: string;
  /** The lease's name, e.g. `discord-gateway`; instances sharing a name share the lease. */
  name: string;
  logger: Logger;
  /** Time allowed for connecting and for each query, in ms. @defaultValue 5000 */
  timeoutMs?: number;
}

/** The advisory lock key of a lease name: the first 8 bytes of its SHA-256, as a signed 64-bit integer (text). */
export function advisoryKey(name: string): string {
  return createHash('sha256').update(`digestbot:${name}`).digest().readBigInt64BE(0).toString();
}

/** A connection of its own for the lease (the lock lives and dies with its session); `dropped` hears its errors and end. */
async function openLeaseConnection(options: PgLeaseOptions, timeoutMs: number, dropped: (which: pg.Client, reason: string) => void): Promise<pg.Client> {
  const fresh = new pg.Client({
    connectionString: options.connectionString, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs,
    keepAlive: true, application_name: `digestbot lease ${options.name}`,
  });
  fresh.on('error', (err) => dropped(fresh, `connection error: ${err.message}`));
  fresh.on('end', () => dropped(fresh, 'connection ended'));
  try {
    await fresh.connect();
  } catch (err) {
    throw new DigestError('lease/unavailable', `cannot reach the database for the ${options.name} lease (DATABASE_URL)`, { cause: err, userFacing: false });
  }
  return fresh;
}

/** Whether our own session still holds the lock (it would not if the session had been replaced). */
async function sessionHoldsLock(c: pg.Client, key: string): Promise<boolean> {
  const res = await c.query<{ n: string }>(
    "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid() AND ((classid::bigint << 32) | objid::bigint) = $1::bigint",
    [key],
  );
  return Number(res.rows[0]?.n ?? 0) > 0;
}

export function createPgLease(options: PgLeaseOptions): Lease {
  const { logger, name } = options;
  const key = advisoryKey(name);
  const timeoutMs = options.timeoutMs ?? 5000;
  const lost = lostListeners();
  let client: pg.Client | null = null;
  let held = false;

  /** Forgets the connection; a held lease counts as lost. */
  const dropped = (which: pg.Client, reason: string): void => {
    if (client !== which) return;
    client = null;
    which.end().catch(() => undefined);
    if (!held) return;
    held = false;
    logger.warn('lease lost', { lease: name, reason });
    lost.emit(reason);
  };

  async function connection(): Promise<pg.Client> {
    if (client !== null) return client;
    client = await openLeaseConnection(options, timeoutMs, dropped);
    return client;
  }

  return {
    kind: 'postgres',
    get held() {
      return held;
    },
    async acquire() {
      if (held) return true;
      const c = await connection();
      try {
        const res = await c.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key]);
        held = res.rows[0]?.locked === true;
      } catch (err) {
        dropped(c, `acquire failed: ${err instanceof Error ? err.message : String(err)}`);
        throw new DigestError('lease/unavailable', `taking the ${name} lease failed`, { cause: err, userFacing: false });
      }
      return held;
    },
    async renew() {
      const c = client;
      if (!held || c === null) return false;
      try {
        if (await sessionHoldsLock(c, key)) return true;
        dropped(c, 'the lock is no longer held by this session');
      } catch (err) {
        dropped(c, `renew failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      return false;
    },
    async release() {
      const c = client;
      if (!held || c === null) return;
      held = false;
      await c.query('SELECT pg_advisory_unlock($1::bigint)', [key]).catch((err: unknown) => {
        logger.warn('lease release failed; the lock ends with the session', { lease: name, err: err instanceof Error ? err.message : String(err) });
      });
    },
    onLost: (listener) => lost.add(listener),
    async close() {
      await this.release();
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
