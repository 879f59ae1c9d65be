import { describe, expect, it } from 'vitest';
import { createHostLimiter } from '../../../../src/sources/http/limiter.ts';

describe('createHostLimiter', () => {
  it('given a limit of 2, then a third acquire on the same host waits until a release', async () => {
    const limiter = createHostLimiter(2);
    const a = await limiter.acquire('a.example');
    await limiter.acquire('a.example');
    let third = false;
    const pending = limiter.acquire('a.example').then((release) => {
      third = true;
      return release;
    });
    await Promise.resolve();
    expect(third).toBe(false);
    expect(limiter.active('a.example')).toBe(2);
    a();
    await pending;
    expect(third).toBe(true);
    expect(limiter.active('a.example')).toBe(2);
  });

  it('given another host, then it is not held up by a full host', async () => {
    const limiter = createHostLimiter(1);
    await limiter.acquire('a.example');
    const other = await limiter.acquire('b.example');
    expect(typeof other).toBe('function');
    expect(limiter.active('b.example')).toBe(1);
  });

  it('given waiters, then they get slots in arrival order and a double release frees only one slot', async () => {
    const limiter = createHostLimiter(1);
    const first = await limiter.acquire('h');
    const order: number[] = [];
    const second = limiter.acquire('h').then((r) => (order.push(2), r));
    const third = limiter.acquire('h').then((r) => (order.push(3), r));
    first();
    first();
    const releaseSecond = await second;
    await Promise.resolve();
    expect(order).toEqual([2]);
    releaseSecond();
    (await third)();
    expect(order).toEqual([2, 3]);
    expect(limiter.active('h')).toBe(0);
  });

  it('given a limit below 1, then it throws', () => {
    expect(() => createHostLimiter(0)).toThrow();
  });
});
