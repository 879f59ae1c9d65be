import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/index.ts';
import { holdLease, type LeaseHolder } from '../../../adapters/lease/hold-lease.ts';
import { createInProcessLease, type Lease } from '../../../adapters/lease/lease.ts';
import { advisoryKey, createPgLease } from '../../../adapters/lease/pg-lease.ts';
import { testDatabase } from '../../fakes/pg/test-database.ts';

const db = await testDatabase();
if (db.skipReason !== null) console.warn(db.skipReason);

/** Polls `check` until it holds or `ms` pass. */
async function eventually(check: () => boolean, ms: number): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

/** Ends the session holding the advisory lock of `name` (as if the holder's host died). */
async function killHolder(url: string, name: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const res = await admin.query<{ pid: number }>(
      "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND ((classid::bigint << 32) | objid::bigint) = $1::bigint",
      [advisoryKey(name)],
    );
    for (const { pid } of res.rows) await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    return res.rows.length;
  } finally {
    await admin.end();
  }
}

describe('in-process lease (SQLite, one instance)', () => {
  it('given a single instance, then it is always the leader and stop() gives the lease up', async () => {
    const lease = createInProcessLease();
    const gained: string[] = [];
    const holder = holdLease({ lease, logger: silentLogger, retryMs: 50, onGained: async () => void gained.push('gained'), onLost: async (r) => void gained.push(`lost: ${r}`) });
    await holder.settled();
    expect(holder.isLeader()).toBe(true);
    await holder.stop();
    expect(gained).toEqual(['gained', 'lost: shutting down']);
    expect(lease.held).toBe(false);
  });
});

describe.skipIf(db.url === null)('Postgres advisory-lock lease (TEST_DATABASE_URL)', () => {
  const url = db.url ?? '';
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });
  const lease = (name: string): Lease => {
    const l = createPgLease({ connectionString: url, name, logger: silentLogger });
    cleanup.push(() => l.close());
    return l;
  };

  it('given two holders of one name, then exactly one gets it, the other gets it after release', async () => {
    const name = `test-${randomUUID()}`;
    const [a, b] = [lease(name), lease(name)];
    expect(await a.acquire()).toBe(true);
    expect(await b.acquire()).toBe(false);
    expect(await a.renew()).toBe(true);
    expect(await lease(`other-${randomUUID()}`).acquire()).toBe(true);
    await a.release();
    expect(await b.acquire()).toBe(true);
    expect(await a.acquire()).toBe(false);
  });

  it('given two instances holding the lease loop, when the leader\'s session is killed, then the other becomes leader within the retry interval', async () => {
    const name = `gateway-${randomUUID()}`;
    const retryMs = 200;
    const events: string[] = [];
    const start = (id: string): LeaseHolder => {
      const holder = holdLease({
        lease: lease(name), logger: silentLogger, retryMs,
        onGained: async () => void events.push(`${id} gained`),
        onLost: async () => void events.push(`${id} lost`),
      });
      cleanup.push(() => holder.stop());
      return holder;
    };
    const one = start('one');
    const two = start('two');
    await Promise.all([one.settled(), two.settled()]);
    await eventually(() => one.isLeader() || two.isLeader(), 5000);
    const [leader, follower] = one.isLeader() ? [one, two] : [two, one];
    expect(follower.isLeader()).toBe(false);
    const leaderId = leader === one ? 'one' : 'two';
    const followerId = leader === one ? 'two' : 'one';
    expect(await killHolder(url, name)).toBe(1);
    // Generous margin for a busy machine: the takeover needs one retry after the session ends.
    const took = await eventually(() => follower.isLeader(), retryMs * 25);
    await eventually(() => !leader.isLeader(), 5000);
    expect(took).toBeLessThan(retryMs * 25);
    expect(events).toEqual(expect.arrayContaining([`${leaderId} gained`, `${leaderId} lost`, `${followerId} gained`]));
    expect(events.filter((e) => e.endsWith('gained'))).toHaveLength(2);
    // Never two leaders: the old one cannot take it back while the new one holds it.
    await new Promise((resolve) => setTimeout(resolve, retryMs * 3));
    expect([one.isLeader(), two.isLeader()].filter(Boolean)).toHaveLength(1);
  });

  it('given a database that does not answer, then acquire fails with lease/unavailable', async () => {
    const l = createPgLease({ connectionString: 'postgres://postgres@127.0.0.1:1/none', name: 'x', logger: silentLogger, timeoutMs: 1000 });
    await expect(l.acquire()).rejects.toMatchObject({ code: 'lease/unavailable' });
    await l.close();
  });
});
