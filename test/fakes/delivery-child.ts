/**
 * A child process for the restart test: delivers one scheduled run through
 * the real ledger (SQLite file given as argv[2]) to a platform fake over
 * HTTP (URL in argv[3]). The test kills it with SIGKILL mid-delivery.
 */
import { silentLogger, systemClock } from '../../src/ports.ts';
import { deliverRun } from '../../src/schedule/deliver-run.ts';
import { openSqliteStore } from '../../src/store/sqlite/open.ts';

const [, , dbPath = '', platformUrl = ''] = process.argv;
const store = openSqliteStore(dbPath);
const outcome = await deliverRun({
  ledger: store.ledger, clock: systemClock, logger: silentLogger,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  retry: { attempts: 1, baseDelayMs: 0 },
  buildMessage: () => Promise.resolve({ title: 'Morgen-Digest', sections: [] }),
  publisher: {
    async publish(channel, message, key) {
      const res = await fetch(platformUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-idempotency-key': key }, body: JSON.stringify({ channel, title: message.title }) });
      if (!res.ok) throw new Error(`platform answered ${String(res.status)}`);
      return { ref: ((await res.json()) as { id: string }).id };
    },
  },
}, { digest: 'morning', scheduledFor: new Date('2026-11-20T06:30:00Z'), channel: 'discord:123', late: false });
store.close();
process.stdout.write(`${outcome}\n`);
