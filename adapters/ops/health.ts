/**
 * What /healthz checks: the store answers a query (the database is
 * reachable), the job queue answers (pg-boss: its database), the bot is
 * running and the instance still takes work; healthy
 * answers say which role the instance holds (gateway leader or standby,
 * HTTP interactions, Slack mode) and the lease's changes.
 */
import { ALIVE_KEY, toDigestError, type Bot, type JobQueue, type Store } from '../../src/index.ts';
import type { InstanceRole } from './instance-role.ts';
import type { HealthReport } from './ops-server.ts';

export async function botHealth(
  bot: Pick<Bot, 'isRunning'>, store: Pick<Store, 'state'>, startedAt: Date, role?: InstanceRole, queue?: Pick<JobQueue, 'kind' | 'reachable'>,
): Promise<HealthReport> {
  let aliveAt: string | null;
  try {
    aliveAt = await store.state.get(ALIVE_KEY);
  } catch (err) {
    return { ok: false, reason: `the store does not answer: ${toDigestError(err).message}` };
  }
  if (queue !== undefined && !(await queue.reachable())) return { ok: false, reason: `the job queue (${queue.kind}) does not answer` };
  const roles = role?.snapshot();
  if (roles?.accepting === false) return { ok: false, reason: 'shutting down: no new work is taken' };
  if (!bot.isRunning()) return { ok: false, reason: 'the bot is not running (starting up or stopped)' };
  return {
    ok: true,
    details: {
      aliveAt, processStartedAt: startedAt.toISOString(), database: 'reachable',
      ...(queue === undefined ? {} : { queue: { kind: queue.kind, reachable: true } }),
      ...(roles === undefined ? {} : { role: { discord: roles.discord, slack: roles.slack }, lease: roles.lease }),
    },
  };
}
