import type { Logger } from '../ports.ts';

/** Runs `fn` over the items, `size` at a time; one item's failure is logged and never stops the others. */
export async function inBatches<T>(items: readonly T[], size: number, fn: (item: T) => Promise<void>, logger: Logger): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      if (item === undefined) continue;
      try {
        await fn(item);
      } catch (err) {
        logger.error('batch item failed', { err: err instanceof Error ? err.message : String(err) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
