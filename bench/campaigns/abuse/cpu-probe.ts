/**
 * Resource abuse that passes every size cap: `/summarize` (open to every
 * member) of a page that is small enough to be fetched but expensive to
 * digest. Measures the whole command and the longest stall of the event loop
 * during it (while the loop stalls, no Discord heartbeat or Slack ack runs).
 */
import { createHttpClient } from '../../../src/index.ts';
import { reply, startFixtureServer } from '../../../test/fakes/http-fixtures.ts';
import { startCoreEnv } from './core-env.ts';

export interface CpuProbeRow {
  page: string;
  kib: number;
  ms: number;
  /** Longest gap between 10 ms timer ticks during the command. */
  stallMs: number;
}

const UNITS: Record<string, string> = {
  'number-dense text': '1 2 3 4 5 6 7 8 9 10 % $ € ',
  'figure-rich prose': 'Revenue rose 12.5 percent to $3.4bn in 2025, while costs fell by 1,234 million euros. ',
};

/** Runs `/summarize` on one page per kind, each about `kib` KiB. */
export async function runCpuProbe(kib: number): Promise<CpuProbeRow[]> {
  const pages = Object.fromEntries(Object.entries(UNITS).map(([name, unit]) => {
    const text = unit.repeat(Math.ceil((kib * 1024) / Buffer.byteLength(unit)));
    return [name, `<html><head><title>${name}</title></head><body><p>${text}</p></body></html>`];
  }));
  const routes = Object.fromEntries(Object.values(pages).map((html, i) => [`/page-${String(i)}`, reply(html)]));
  const server = await startFixtureServer(routes);
  // This probe is about CPU, not SSRF: the page server on 127.0.0.1 is allowed.
  const env = startCoreEnv(createHttpClient({ allowPrivateHosts: ['127.0.0.1'], totalTimeoutMs: 120_000 }));
  const rows: CpuProbeRow[] = [];
  try {
    for (const [i, [name, html]] of Object.entries(pages).entries()) {
      let last = performance.now();
      let stallMs = 0;
      const ticker = setInterval(() => {
        const now = performance.now();
        stallMs = Math.max(stallMs, now - last);
        last = now;
      }, 10);
      const started = performance.now();
      await env.bot.core.run({ workspaceId: 'discord:cpu', userId: 'discord:member', isAdmin: false, channelId: null, command: 'summarize', args: [server.url(`/page-${String(i)}`)] });
      const ms = performance.now() - started;
      stallMs = Math.max(stallMs, performance.now() - last);
      clearInterval(ticker);
      rows.push({ page: name, kib: Math.round(Buffer.byteLength(html) / 1024), ms: Math.round(ms), stallMs: Math.round(stallMs) });
    }
  } finally {
    await env.close();
    await server.close();
  }
  return rows;
}
