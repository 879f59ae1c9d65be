/**
 * ROUGE-1/2/L F1 ×100 as defined in ../shared/eval/README.md: tokens are
 * NFC-normalized, lower-cased Unicode words and numbers ("3,5" and "1.234"
 * stay one token). ROUGE-N counts clipped n-gram overlap; ROUGE-L is the
 * longest common subsequence of the two whole token sequences.
 */

/** A run of letters/digits; "." or "," is kept only between two digits. */
const TOKEN_RE = /(?:\p{N}[.,](?=\p{N})|[\p{L}\p{M}\p{N}])+/gu;

/** Tokens of a text: NFC, lower-cased words and numbers. */
export function rougeTokens(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(TOKEN_RE) ?? [];
}

/** F1 from overlap and the two lengths (0 when either side is empty). */
function f1(overlap: number, candidateLength: number, referenceLength: number): number {
  if (overlap === 0 || candidateLength === 0 || referenceLength === 0) return 0;
  const p = overlap / candidateLength;
  const r = overlap / referenceLength;
  return (2 * p * r) / (p + r);
}

function gramCounts(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join('\u0000');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N F1 (0..1) over token arrays, with clipped counts. */
export function rougeNTokens(candidate: string[], reference: string[], n: number): number {
  const cand = gramCounts(candidate, n);
  const ref = gramCounts(reference, n);
  let overlap = 0;
  for (const [gram, c] of cand) overlap += Math.min(c, ref.get(gram) ?? 0);
  return f1(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Length of the longest common subsequence (two-row dynamic programme). */
export function lcsLength(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      const left = cur[j - 1] ?? 0;
      cur[j] = ai === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(up, left);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? 0;
}

/** ROUGE-L F1 (0..1) over token arrays. */
export function rougeLTokens(candidate: string[], reference: string[]): number {
  return f1(lcsLength(candidate, reference), candidate.length, reference.length);
}

/** ROUGE-1, -2 and -L F1, each ×100. */
export interface RougeScores {
  r1: number;
  r2: number;
  rl: number;
}

/** Scores a candidate summary against a reference (both plain text). */
export function rouge(candidate: string, reference: string): RougeScores {
  const c = rougeTokens(candidate);
  const r = rougeTokens(reference);
  return { r1: 100 * rougeNTokens(c, r, 1), r2: 100 * rougeNTokens(c, r, 2), rl: 100 * rougeLTokens(c, r) };
}

/** Mean of many score triples. */
export function meanScores(scores: RougeScores[]): RougeScores {
  const n = Math.max(1, scores.length);
  const sum = scores.reduce((acc, s) => ({ r1: acc.r1 + s.r1, r2: acc.r2 + s.r2, rl: acc.rl + s.rl }), { r1: 0, r2: 0, rl: 0 });
  return { r1: sum.r1 / n, r2: sum.r2 / n, rl: sum.rl / n };
}
