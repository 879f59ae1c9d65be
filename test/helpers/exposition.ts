/**
 * Reads the Prometheus text exposition format (what GET /metrics returns)
 * into samples, so tests assert values instead of matching strings.
 */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/u;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/gu;

const unescape = (v: string): string => v.replace(/\\(.)/gu, (_m, c: string) => (c === 'n' ? '\n' : c));

/** Every sample line; comments (# HELP, # TYPE) and blank lines are skipped; a malformed line throws. */
export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (m === null) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(LABEL)) labels[l[1] ?? ''] = unescape(l[2] ?? '');
    const raw = m[3] ?? '';
    samples.push({ name: m[1] ?? '', labels, value: raw === '+Inf' ? Infinity : raw === '-Inf' ? -Infinity : Number(raw) });
  }
  return samples;
}

/** The value of the one sample with this name and (at least) these labels; undefined when there is none. */
export function sampleValue(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (found.length > 1) throw new Error(`${String(found.length)} samples match ${name} ${JSON.stringify(labels)}`);
  return found[0]?.value;
}

/** The `# TYPE` of each metric family. */
export function metricTypes(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^# TYPE (\S+) (\S+)$/gmu)].map((m) => [m[1] ?? '', m[2] ?? '']));
}
