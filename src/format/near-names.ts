/** "Did you mean": names close to what was typed (sources on the command line, commands in chat). */

/** Edit distance (Levenshtein), for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** Names close to `wanted` (case-insensitive: contained, or at most a third of it edited), best first, at most 5. */
export function nearNames(wanted: string, names: readonly string[]): string[] {
  const w = wanted.toLowerCase();
  const scored = [...new Set(names)].map((name) => {
    const n = name.toLowerCase();
    return { name, d: n.includes(w) || w.includes(n) ? 0 : distance(w, n) };
  });
  const limit = Math.max(1, Math.floor(w.length / 3));
  return scored.filter((s) => s.d <= limit).sort((a, b) => a.d - b.d || a.name.localeCompare(b.name)).slice(0, 5).map((s) => s.name);
}
