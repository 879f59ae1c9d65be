/** singleFlight: concurrent calls with one key share one run; nothing is kept after it settles. */
import { describe, expect, it } from 'vitest';
import { singleFlight } from '../../../src/bot/single-flight.ts';

function deferred<T>(): { promise: Promise<T>; resolve(v: T): void; reject(e: unknown): void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe('singleFlight', () => {
  it('given 200 concurrent calls with one key, then the work runs once and every caller gets its result', async () => {
    const runs: string[] = [];
    const gate = deferred<number>();
    const call = singleFlight((k: string) => k, (k) => { runs.push(k); return gate.promise; });
    const all = Array.from({ length: 200 }, () => call('morning'));
    gate.resolve(42);
    expect(await Promise.all(all)).toEqual(Array.from({ length: 200 }, () => 42));
    expect(runs).toEqual(['morning']);
  });

  it('given calls with different keys, then each key runs its own work', async () => {
    const runs: string[] = [];
    const call = singleFlight((k: string) => k, (k) => { runs.push(k); return Promise.resolve(k.length); });
    expect(await Promise.all([call('a'), call('bb'), call('a')])).toEqual([1, 2, 1]);
    expect(runs).toEqual(['a', 'bb']);
  });

  it('given a call that settled, then the next call with the key runs the work again', async () => {
    let n = 0;
    const call = singleFlight(() => 'k', () => Promise.resolve(++n));
    expect(await call(undefined)).toBe(1);
    expect(await call(undefined)).toBe(2);
  });

  it('given the work fails, then every waiter gets the error and a later call starts afresh', async () => {
    let n = 0;
    const gate = deferred<number>();
    const call = singleFlight(() => 'k', () => (++n === 1 ? gate.promise : Promise.resolve(n)));
    const waiting = [call(undefined), call(undefined)];
    gate.reject(new Error('feed down'));
    for (const w of waiting) await expect(w).rejects.toThrow('feed down');
    expect(await call(undefined)).toBe(2);
  });
});
