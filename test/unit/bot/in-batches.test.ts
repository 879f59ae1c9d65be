import { describe, expect, it } from 'vitest';
import { inBatches } from '../../../src/bot/in-batches.ts';
import type { Logger } from '../../../src/ports.ts';

describe('inBatches', () => {
  it('given ten items and a size of three, then at most three run at once, every item runs, and a failure stops none', async () => {
    const errors: string[] = [];
    const logger: Logger = { debug() {}, info() {}, warn() {}, error: (msg) => { errors.push(msg); } };
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await inBatches([...Array(10).keys()], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setImmediate(r));
      running--;
      if (n === 4) throw new Error('item 4 fails');
      done.push(n);
    }, logger);
    expect(most).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9]);
    expect(errors).toEqual(['batch item failed']);
  });
});
