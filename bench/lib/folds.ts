/**
 * Held-out discipline for every dev set: each item falls into fold A or B by a
 * stable hash of its id (FNV-1a, 32 bit), so the split does not depend on file
 * order. Tune rules on one fold, report the other, and print both.
 */

/** The two folds. */
export type Fold = 'A' | 'B';

/** FNV-1a over the UTF-16 code units of `text`. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The fold of the item with this id (page key, line number, URL …). */
export function foldOf(id: string): Fold {
  return fnv1a(id) % 2 === 0 ? 'A' : 'B';
}

/** Splits items into folds A and B by their id. */
export function splitFolds<T>(items: readonly T[], idOf: (item: T, index: number) => string): Record<Fold, T[]> {
  const out: Record<Fold, T[]> = { A: [], B: [] };
  items.forEach((item, i) => out[foldOf(idOf(item, i))].push(item));
  return out;
}
