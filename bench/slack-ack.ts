/**
 * Slack ack latency: the adapter in HTTP mode (real Bolt, fake Slack Web API,
 * recording core) takes `n` signed `/digest` POSTs sent at once; for each,
 * the time from sending until its 200 ack response is complete. Slack wants
 * the ack within 3 s. One warm-up request runs first and is not counted.
 *
 * Alone: `node --import tsx bench/slack-ack.ts [n]` prints the JSON result.
 */
import { pathToFileURL } from 'node:url';
import { startSlackAdapter } from '../adapters/slack/start-slack.ts';
import { silentLogger } from '../src/index.ts';
import { createFakeChatCore } from '../test/fakes/fake-chat-core.ts';
import { startFakeSlackApi } from '../test/fakes/slack/fake-slack-api.ts';
import { postSlashCommand } from '../test/fakes/slack/signed-request.ts';

const SIGNING_SECRET = 'bench-signing-secret';

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? 0;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

/**
 * Sends `n` concurrent signed slash commands and measures each ack.
 * @param n requests at once. @defaultValue 200
 * @returns n, and the median and 99th percentile of the ack times in ms.
 * @throws when any request is not acked with 200, or replies do not all arrive within 30 s.
 */
export async function benchSlackAck(n = 200): Promise<{ n: number; medianMs: number; p99Ms: number }> {
  const api = await startFakeSlackApi();
  try {
    const adapter = await startSlackAdapter({
      config: { botToken: 'xoxb-test-token', mode: 'http', signingSecret: SIGNING_SECRET, appToken: null, port: 0, host: '127.0.0.1', apiUrl: api.apiUrl },
      core: createFakeChatCore(),
      logger: silentLogger,
      adminUserIds: [],
      retry: { retries: 0 },
    });
    try {
      const url = `http://127.0.0.1:${adapter.port ?? 0}/slack/events`;
      const send = (id: string): ReturnType<typeof postSlashCommand> => postSlashCommand(url, { text: 'morning-markets', responseUrl: api.responseUrl(id) }, { signingSecret: SIGNING_SECRET });
      await send('warm-up');
      const results = await Promise.all(Array.from({ length: n }, (_, i) => send(`b${i}`)));
      const bad = results.filter((r) => r.status !== 200);
      if (bad.length > 0) throw new Error(`${bad.length} of ${n} slash commands were not acked with 200 (first: ${bad[0]?.status})`);
      await api.waitFor(() => api.responses.length >= n + 1, 30_000);
      const ms = results.map((r) => r.ms).sort((a, b) => a - b);
      return { n, medianMs: round(percentile(ms, 0.5)), p99Ms: round(percentile(ms, 0.99)) };
    } finally {
      await adapter.stop();
    }
  } finally {
    await api.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.argv[2] ?? 200);
  console.log(JSON.stringify(await benchSlackAck(Number.isInteger(n) && n > 0 ? n : 200)));
}
