/**
 * `npx tsx bench/ops-metrics.ts [--sources 10000] [--scrapes 200]`: what the
 * operator endpoints cost.
 * - one metrics event (the call the core makes at each boundary), ns;
 * - one /metrics scrape with N sources in a real SQLite file (the sources
 *   gauge reads them at every scrape) plus the process metrics, ms and bytes;
 * - GET /healthz and GET /metrics over loopback HTTP, p50 and p99, ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startOpsServer } from '../adapters/ops/ops-server.ts';
import { createPromMetrics } from '../adapters/ops/prom-metrics.ts';
import { countSourceStates, openSqliteStore, silentLogger } from '../src/index.ts';

const { values } = parseArgs({ options: { sources: { type: 'string', default: '10000' }, scrapes: { type: 'string', default: '200' } } });
const sourceCount = Number(values.sources);
const scrapes = Number(values.scrapes);

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const fmt = (n: number, digits = 2): string => n.toFixed(digits);

const dir = mkdtempSync(join(tmpdir(), 'ops-bench-'));
const store = openSqliteStore(join(dir, 'bench.sqlite'));
try {
  const at = new Date().toISOString();
  for (let i = 0; i < sourceCount; i++) {
    const s = await store.sources.add({ workspaceId: `slack:T${String(i % 50)}`, name: `s${String(i)}`, url: `https://feed${String(i)}.example/rss`, type: 'rss', addedBy: 'u' }, at);
    if (i % 10 === 0) await store.sources.recordFailure(s.id, at, 'HTTP 500', null, i % 20 === 0 ? 'paused' : null);
  }
  const { metrics, registry } = createPromMetrics({ sourceStates: async () => countSourceStates(await store.sources.all()) });

  const events = 1_000_000;
  let t = performance.now();
  for (let i = 0; i < events; i++) metrics.fetchFinished({ sourceType: 'rss', durationMs: i % 5000, outcome: i % 7 === 0 ? 'error' : 'ok', code: 'fetch/timeout' });
  const fetchNs = ((performance.now() - t) * 1e6) / events;
  t = performance.now();
  for (let i = 0; i < events; i++) metrics.commandFinished({ command: 'digest', durationMs: i % 900, outcome: 'ok' });
  const commandNs = ((performance.now() - t) * 1e6) / events;

  await registry.metrics();
  const scrapeMs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < scrapes; i++) {
    t = performance.now();
    bytes = Buffer.byteLength(await registry.metrics());
    scrapeMs.push(performance.now() - t);
  }
  scrapeMs.sort((a, b) => a - b);

  const server = await startOpsServer({ host: '127.0.0.1', port: 0, registry, logger: silentLogger, health: () => ({ ok: true }) });
  const http = async (path: string): Promise<number[]> => {
    const times: number[] = [];
    for (let i = 0; i < scrapes; i++) {
      t = performance.now();
      const res = await fetch(`${server.url}${path}`);
      await res.arrayBuffer();
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b);
  };
  await http('/healthz');
  const health = await http('/healthz');
  const scrapeHttp = await http('/metrics');
  await server.close();

  process.stdout.write([
    `metrics event: fetchFinished ${fmt(fetchNs, 0)} ns, commandFinished ${fmt(commandNs, 0)} ns (${String(events)} calls each)`,
    `scrape in process, ${String(sourceCount)} sources: p50 ${fmt(quantile(scrapeMs, 0.5))} ms, p99 ${fmt(quantile(scrapeMs, 0.99))} ms, ${String(bytes)} bytes`,
    `GET /healthz: p50 ${fmt(quantile(health, 0.5))} ms, p99 ${fmt(quantile(health, 0.99))} ms`,
    `GET /metrics: p50 ${fmt(quantile(scrapeHttp, 0.5))} ms, p99 ${fmt(quantile(scrapeHttp, 0.99))} ms (${String(scrapes)} requests each, node ${process.version})`,
  ].join('\n') + '\n');
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
