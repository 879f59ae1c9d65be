/**
 * `npm run bench`: pages per second on the zyte-dev pages, in one process:
 * - our whole digest (HTML string in, Digest out: extraction, language,
 *   sentences, summary, figures, risks, warnings);
 * - Readability.js extraction alone over linkedom (the fastest Readability
 *   setup, the named baseline) and over jsdom.
 * Each system gets one warm-up pass, then `--rounds` timed passes (default
 * 3); the median pass counts. Pages are decoded to strings beforehand so
 * every system gets the same input; HTML parsing is inside every timing.
 */
import { readdirSync } from 'node:fs';
import { benchDiscordAck } from './discord-ack.ts';
import { benchGrounding } from './ground-cost.ts';
import { benchSlackAck } from './slack-ack.ts';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeHtml } from '../src/engine/extract/charset.ts';
import { tryDigestArticle } from '../src/engine/digest.ts';
import { readabilityJsdom, readabilityLinkedom } from './lib/readability.ts';
import { SKIP_MESSAGE, evalPath, readGz } from './lib/shared.ts';

interface Page {
  html: string;
  url: string;
}

interface Timing {
  name: string;
  pagesPerSecond: number;
  msPerPage: number;
  /** Heap growth over the timed passes, MB (after a GC when --expose-gc is on). */
  heapMb: number;
}

function loadPages(): Page[] | null {
  const dir = evalPath('extraction', 'zyte-dev', 'html');
  if (dir === null) return null;
  return readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort().map((f) => ({
    html: decodeHtml(readGz(join(dir, f))),
    url: `https://example.org/${f.replace(/\.html\.gz$/u, '')}`,
  }));
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function time(name: string, pages: Page[], rounds: number, run: (page: Page) => unknown): Timing {
  for (const page of pages) run(page);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const passes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const page of pages) run(page);
    passes.push(performance.now() - t0);
  }
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  passes.sort((a, b) => a - b);
  const median = passes[Math.floor(passes.length / 2)] ?? 0;
  return { name, pagesPerSecond: (pages.length * 1000) / median, msPerPage: median / pages.length, heapMb };
}

async function chatAck(): Promise<void> {
  console.log('\n# Chat: time from command received to acknowledgement (fake Discord gateway / Slack HTTP receiver on 127.0.0.1, one process)');
  console.log('baseline: one command alone (median of 10 single runs); then 200 at once');
  const benches = [['Discord (defer callback)', benchDiscordAck], ['Slack (HTTP 200 ack)', benchSlackAck]] as const;
  for (const [name, bench] of benches) {
    const singles: number[] = [];
    for (let i = 0; i < 10; i++) singles.push((await bench(1)).medianMs);
    singles.sort((a, b) => a - b);
    const alone = singles[5] ?? 0;
    const burst = await bench(200);
    console.log(`${name.padEnd(26)} alone ${alone.toFixed(1)} ms · 200 at once: median ${burst.medianMs.toFixed(1)} ms (${(burst.medianMs / alone).toFixed(1)}×), p99 ${burst.p99Ms.toFixed(1)} ms (${(burst.p99Ms / alone).toFixed(1)}×)`);
  }
}

function main(): void {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, only: { type: 'string' } } });
  const rounds = Math.max(1, Number(values.rounds));
  if (values.only === 'chat') return;
  console.log('# Benchmark: pages per second on zyte-dev (median of timed passes, one process)');
  const pages = loadPages();
  if (pages === null) {
    console.log(SKIP_MESSAGE);
    return;
  }
  console.log(`${String(pages.length)} pages, ${String(rounds)} timed passes each, Node ${process.version}`);
  const results = [
    time('digestbot whole digest', pages, rounds, (p) => tryDigestArticle({ html: p.html, url: p.url })),
    time('Readability.js + linkedom (extraction only)', pages, rounds, (p) => readabilityLinkedom(p.html, p.url)),
    time('Readability.js + jsdom (extraction only)', pages, rounds, (p) => readabilityJsdom(p.html, p.url)),
  ];
  const failed = pages.filter((p) => !tryDigestArticle({ html: p.html, url: p.url }).ok).length;
  if (failed > 0) console.log(`note: ${String(failed)} pages gave no digest (counted in the timing all the same)`);
  const baseline = results[1]?.pagesPerSecond ?? 1;
  for (const r of results) {
    const ratio = r.pagesPerSecond / baseline;
    console.log(`${r.name.padEnd(46)} ${r.pagesPerSecond.toFixed(1).padStart(7)} pages/s  ${r.msPerPage.toFixed(2).padStart(6)} ms/page  ${ratio.toFixed(2)}× Readability+linkedom  heap ${r.heapMb >= 0 ? '+' : ''}${r.heapMb.toFixed(1)} MB`);
  }
  benchGrounding(pages, rounds, results[0]?.msPerPage ?? 1);
}

main();
await chatAck();
