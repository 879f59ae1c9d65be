import { describe, expect, it } from 'vitest';
import { DigestError } from '../../../src/errors.ts';
import { CircuitBreaker, ConcurrencyLimit, TokenBudget } from '../../../src/llm/guard.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';

function clockAt(iso: string): { now(): Date; set(iso: string): void } {
  let t = new Date(iso);
  return { now: () => t, set: (next) => { t = new Date(next); } };
}
const failing = (): Promise<never> => Promise.reject(new DigestError('llm/timeout', 'slow'));

describe('CircuitBreaker', () => {
  it('given two failures in a row with limit 2, then it refuses until the cool-down has passed, then one success closes it', async () => {
    const clock = clockAt('2026-12-07T10:00:00Z');
    const breaker = new CircuitBreaker(clock, { failures: 2, coolDownMs: 60_000 });
    await expect(breaker.run(failing)).rejects.toMatchObject({ code: 'llm/timeout' });
    expect(breaker.isOpen()).toBe(false);
    await expect(breaker.run(failing)).rejects.toMatchObject({ code: 'llm/timeout' });
    let called = false;
    await expect(breaker.run(async () => { called = true; })).rejects.toMatchObject({ code: 'llm/unavailable' });
    expect(called).toBe(false);
    clock.set('2026-12-07T10:01:01Z');
    await expect(breaker.run(async () => 'ok')).resolves.toBe('ok');
    expect(breaker.isOpen()).toBe(false);
  });
});

describe('ConcurrencyLimit', () => {
  it('given five tasks and a limit of two, then never more than two run at once and all finish', async () => {
    const limit = new ConcurrencyLimit(2);
    let active = 0;
    let peak = 0;
    const task = async (): Promise<number> => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      return 1;
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => limit.run(task)));
    expect(results).toEqual([1, 1, 1, 1, 1]);
    expect(peak).toBe(2);
  });
});

describe('TokenBudget', () => {
  it('given spending per workspace and day, then the budget refuses past the limit and resets the next UTC day', async () => {
    const store = openSqliteStore(':memory:');
    if (store.llm === undefined) throw new Error('ledger');
    const clock = clockAt('2026-12-07T23:00:00Z');
    const budget = new TokenBudget(store.llm, clock, 1000);
    await budget.record('slack:T1', 900);
    await expect(budget.reserve('slack:T1', 200)).rejects.toThrow(expect.objectContaining({ code: 'llm/budget-exceeded' }));
    await expect(budget.reserve('discord:9', 200)).resolves.toBeUndefined();
    expect(await budget.line('slack:T1')).toBe('LLM: 900 of 1,000 tokens today');
    clock.set('2026-12-08T00:10:00Z');
    await expect(budget.reserve('slack:T1', 200)).resolves.toBeUndefined();
  });
});
