/** What /healthz checks: the store answers a query and the bot is running. */
import { ALIVE_KEY, toDigestError, type Bot, type Store } from '../../src/index.ts';
import type { HealthReport } from './ops-server.ts';

export async function botHealth(bot: Pick<Bot, 'isRunning'>, store: Pick<Store, 'state'>, startedAt: Date): Promise<HealthReport> {
  let aliveAt: string | null;
  try {
    aliveAt = await store.state.get(ALIVE_KEY);
  } catch (err) {
    return { ok: false, reason: `the store does not answer: ${toDigestError(err).message}` };
  }
  if (!bot.isRunning()) return { ok: false, reason: 'the bot is not running (starting up or stopped)' };
  return { ok: true, details: { aliveAt, processStartedAt: startedAt.toISOString() } };
}
