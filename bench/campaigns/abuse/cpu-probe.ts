/**
 * Resource abuse that passes every size cap: `/summarize` (open to every
 * member) of a page that is small enough to be fetched but expensive to
 * digest. Measures the whole command and the longest stall of the event loop
 * during it (while the loop stalls, no Discord heartbeat or Slack ack runs).
 * The budget probe gives the digest a time budget far below what such a page
 * needs: the command must fail with extract/timeout and the next one work.
 */
import { createHttpClient, type Message } from '../../../src/index.ts';
import { reply, startFixtureServer, type FixtureServer } from '../../../test/fakes/http-fixtures.ts';
import { codesSince, startCoreEnv, type CoreEnv } from './core-env.ts';

export interface CpuProbeRow {
  page: string;
  kib: number;
  ms: number;
  /** Longest gap between 10 ms timer ticks during the command. */
  stallMs: number;
  /** Whether the reply was the page's digest (its title), not an error. */
  digested: boolean;
}

export interface BudgetProbeRow {
  budgetMs: number;
  kib: number;
  ms: number;
  stallMs: number;
  /** The codes the core logged for the command (extract/timeout expected). */
  codes: string[];
  /** Whether the next `/summarize` (a small page) got its digest: the pool replaced the worker. */
  nextDigested: boolean;
}

const UNITS: Record<string, string> = {
  'number-dense text': '1 2 3 4 5 6 7 8 9 10 % $ € ',
  'figure-rich prose': 'Revenue rose 12.5 percent to $3.4bn in 2025, while costs fell by 1,234 million euros. ',
};
const SMALL = '<html><head><title>small page</title></head><body><p>Revenue rose 12 percent to $3.4bn in 2025 as demand for cloud services grew across Europe.</p></body></html>';

function pageOf(name: string, unit: string, kib: number): string {
  const text = unit.repeat(Math.ceil((kib * 1024) / Buffer.byteLength(unit)));
  return `<html><head><title>${name}</title></head><body><p>${text}</p></body></html>`;
}

/** Runs `/summarize` of `url` as a member, timing it and the longest event-loop stall. */
async function timedSummarize(env: CoreEnv, url: string): Promise<{ reply: Message; ms: number; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  const started = performance.now();
  try {
    const reply = await env.bot.core.run({ workspaceId: 'discord:cpu', userId: 'discord:member', isAdmin: false, channelId: null, command: 'summarize', args: [url] });
    return { reply, ms: Math.round(performance.now() - started), stallMs: Math.round(Math.max(stallMs, performance.now() - last)) };
  } finally {
    clearInterval(ticker);
  }
}

async function withPages<T>(pages: Record<string, string>, digestEnv: Record<string, string>, run: (env: CoreEnv, server: FixtureServer) => Promise<T>): Promise<T> {
  const server = await startFixtureServer(Object.fromEntries(Object.entries(pages).map(([path, html]) => [path, reply(html)])));
  // This probe is about CPU, not SSRF: the page server on 127.0.0.1 is allowed.
  const env = startCoreEnv(createHttpClient({ allowPrivateHosts: ['127.0.0.1'], totalTimeoutMs: 120_000 }), digestEnv);
  try {
    return await run(env, server);
  } finally {
    await env.close();
    await server.close();
  }
}

/** Runs `/summarize` on one page per kind, each about `kib` KiB, with the production digester. */
export function runCpuProbe(kib: number): Promise<CpuProbeRow[]> {
  const named = Object.entries(UNITS).map(([name, unit], i) => ({ name, path: `/page-${String(i)}`, html: pageOf(name, unit, kib) }));
  return withPages(Object.fromEntries(named.map((p) => [p.path, p.html])), {}, async (env, server) => {
    const rows: CpuProbeRow[] = [];
    for (const page of named) {
      const { reply: answer, ms, stallMs } = await timedSummarize(env, server.url(page.path));
      rows.push({ page: page.name, kib: Math.round(Buffer.byteLength(page.html) / 1024), ms, stallMs, digested: answer.title === page.name });
    }
    return rows;
  });
}

/** `/summarize` of a `kib` KiB figure-rich page (every sentence full of figures, the engine's slowest kind of text) with DIGEST_TIMEOUT_MS=`budgetMs`, then of a small page. */
export function runBudgetProbe(kib: number, budgetMs: number): Promise<BudgetProbeRow> {
  const big = pageOf('over budget', UNITS['figure-rich prose'] ?? '', kib);
  return withPages({ '/big': big, '/small': SMALL }, { DIGEST_TIMEOUT_MS: String(budgetMs) }, async (env, server) => {
    const from = env.logs.length;
    const { ms, stallMs } = await timedSummarize(env, server.url('/big'));
    const codes = codesSince(env.logs, from);
    const next = await timedSummarize(env, server.url('/small'));
    return { budgetMs, kib: Math.round(Buffer.byteLength(big) / 1024), ms, stallMs, codes, nextDigested: next.reply.title === 'small page' };
  });
}
