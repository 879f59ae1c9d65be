/**
 * The same fact in two wordings: "13% higher than a colleague" and "13 per
 * cent higher than a colleague" share their normalized content terms and
 * numbers (summaryTerms in terms.ts writes figures one way). One sentence
 * repeats another when nearly all the content terms of the shorter one occur
 * in the other.
 */

/** Fewest distinct content terms a sentence needs before it can count as a repeat (shorter ones say too little to tell). */
const MIN_TERMS = 3;
/** Share of the shorter sentence's distinct terms found in the other from which it is a repeat. */
const CONTAINED = 0.75;

/** Whether two sentences (as term-count maps) state the same thing. */
export function isRepeat(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < MIN_TERMS) return false;
  let shared = 0;
  for (const t of small.keys()) if (large.has(t)) shared++;
  return shared / small.size >= CONTAINED;
}
