/**
 * A child process for the restart tests, on the real ledger (SQLite file in
 * argv[3]) posting to a platform fake over HTTP (URL in argv[4]):
 * - `deliver`: delivers one fixed scheduled run; the test kills it with SIGKILL mid-delivery;
 * - `catch-up <cron>`: starts the real scheduler's catch-up for a daily digest whose run was
 *   missed while "down", then exits (prints the number of late runs posted).
 */
import { silentLogger, systemClock } from '../../src/ports.ts';
import { deliverRun, type DeliverDeps } from '../../src/schedule/deliver-run.ts';
import { createScheduler } from '../../src/schedule/scheduler.ts';
import { openSqliteStore } from '../../src/store/sqlite/open.ts';

const [, , mode = 'deliver', dbPath = '', platformUrl = '', cronExpr = ''] = process.argv;
const store = openSqliteStore(dbPath);
const deps: DeliverDeps = {
  ledger: store.ledger, clock: systemClock, logger: silentLogger,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  retry: { attempts: 1, baseDelayMs: 0 },
  buildMessage: (run) => Promise.resolve({ title: 'Morgen-Digest', subtitle: run.late ? 'late' : 'on time', sections: [] }),
  publisher: {
    async publish(channel, message, key) {
      const res = await fetch(platformUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-idempotency-key': key }, body: JSON.stringify({ channel, title: message.title, subtitle: message.subtitle }) });
      if (!res.ok) throw new Error(`platform answered ${String(res.status)}`);
      return { ref: ((await res.json()) as { id: string }).id };
    },
  },
};
if (mode === 'catch-up') {
  const scheduler = createScheduler({ ledger: store.ledger, clock: systemClock, logger: silentLogger, deliver: (run) => deliverRun(deps, run) },
    [{ digest: 'daily', cron: cronExpr, timezone: 'UTC', channels: ['discord:456'] }]);
  process.stdout.write(`${String(await scheduler.catchUp())}\n`);
} else {
  const outcome = await deliverRun(deps, { digest: 'morning', scheduledFor: new Date('2026-11-20T06:30:00Z'), channel: 'discord:123', late: false });
  process.stdout.write(`${outcome}\n`);
}
await store.close();
