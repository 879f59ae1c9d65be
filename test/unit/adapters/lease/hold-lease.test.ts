import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../src/index.ts';
import { holdLease } from '../../../../adapters/lease/hold-lease.ts';
import { lostListeners, type Lease } from '../../../../adapters/lease/lease.ts';

/** One lock shared by several fake leases, like an advisory lock shared by sessions; `cut` ends a holder's session. */
function sharedLock() {
  let owner: object | null = null;
  const cuts = new WeakMap<Lease, (reason: string) => void>();
  const lease = (): Lease => {
    const me = {};
    const lost = lostListeners();
    const made: Lease = {
      kind: 'postgres',
      get held() {
        return owner === me;
      },
      acquire() {
        owner ??= me;
        return Promise.resolve(owner === me);
      },
      renew: () => Promise.resolve(owner === me),
      release() {
        if (owner === me) owner = null;
        return Promise.resolve();
      },
      onLost: (listener) => lost.add(listener),
      close() {
        if (owner === me) owner = null;
        return Promise.resolve();
      },
    };
    cuts.set(made, (reason) => {
      if (owner === me) owner = null;
      lost.emit(reason);
    });
    return made;
  };
  return { lease, cut: (l: Lease) => cuts.get(l)?.('session ended') };
}

describe('holdLease', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('given the leader\'s session is cut, then the standby takes over at its next try and the old leader does not race it back', async () => {
    vi.useFakeTimers();
    const lock = sharedLock();
    const events: string[] = [];
    const start = (id: string) => {
      const lease = lock.lease();
      const holder = holdLease({
        lease, logger: silentLogger, retryMs: 1000, now: () => Date.now(),
        onGained: async () => void events.push(`${id} gained`), onLost: async () => void events.push(`${id} lost`),
      });
      return { lease, holder };
    };
    const a = start('a');
    await a.holder.settled();
    const b = start('b');
    await b.holder.settled();
    expect([a.holder.isLeader(), b.holder.isLeader()]).toEqual([true, false]);
    lock.cut(a.lease);
    await a.holder.settled();
    expect(a.holder.isLeader()).toBe(false);
    // Both loops tick at 1 s; a (cut, backing off for 2 s) must leave the lease to b.
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(1000);
      expect([a.holder.isLeader(), b.holder.isLeader()].filter(Boolean).length).toBeLessThanOrEqual(1);
    }
    expect(b.holder.isLeader()).toBe(true);
    expect(events).toEqual(['a gained', 'a lost', 'b gained']);
    await Promise.all([a.holder.stop(), b.holder.stop()]);
    expect(events.at(-1)).toBe('b lost');
  });

  it('given the leader\'s work fails to start, then the lease is given back and reported lost', async () => {
    const lock = sharedLock();
    const lease = lock.lease();
    const changes: string[] = [];
    const holder = holdLease({
      lease, logger: silentLogger, retryMs: 60_000,
      onGained: () => Promise.reject(new Error('gateway refused the token')), onLost: async () => undefined, onChange: (e) => void changes.push(e),
    });
    await holder.settled();
    expect(holder.isLeader()).toBe(false);
    expect(lease.held).toBe(false);
    expect(changes).toEqual(['gained', 'lost']);
    await holder.stop();
  });
});
