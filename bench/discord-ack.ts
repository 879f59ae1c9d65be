/**
 * Discord acknowledgement latency: the fake Discord and the real adapter
 * (discord.js client) with a fake core; `n` slash-command interactions are
 * sent over the gateway at once, and for each the time from the fake writing
 * INTERACTION_CREATE to the fake receiving the defer callback is measured.
 * Discord drops interactions not acknowledged within 3 s.
 * One warm-up interaction runs first and is not counted.
 *
 * Alone: `node --import tsx bench/discord-ack.ts [n]` prints the result as JSON.
 */
import { pathToFileURL } from 'node:url';
import { startDiscordHarness } from '../test/fakes/discord/harness.ts';

export interface DiscordAckResult {
  n: number;
  medianMs: number;
  p99Ms: number;
}

/** The value at quantile q of ascending `sorted` (nearest rank). */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

/**
 * Measures defer latency for `n` concurrent interactions.
 * @param n - interactions sent at once. @defaultValue 200
 */
export async function benchDiscordAck(n = 200): Promise<DiscordAckResult> {
  const h = await startDiscordHarness();
  try {
    await h.fake.dispatchInteraction({ command: 'help', userId: h.memberId }).edit();
    const sent = Array.from({ length: n }, () => h.fake.dispatchInteraction({ command: 'help', userId: h.memberId }));
    const latencies = await Promise.all(sent.map(async (s) => (await s.callback(30_000)).time - s.sentAt));
    // Let every reply finish before the client is stopped.
    await Promise.all(sent.map((s) => s.edit(30_000)));
    latencies.sort((a, b) => a - b);
    return { n, medianMs: round(quantile(latencies, 0.5)), p99Ms: round(quantile(latencies, 0.99)) };
  } finally {
    await h.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
  if (n !== undefined && (!Number.isInteger(n) || n <= 0)) {
    process.stderr.write('usage: node --import tsx bench/discord-ack.ts [n]\n');
    process.exitCode = 2;
  } else {
    process.stdout.write(`${JSON.stringify(await benchDiscordAck(n))}\n`);
  }
}
