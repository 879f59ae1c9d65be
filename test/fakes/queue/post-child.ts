/**
 * A child process for the post-job tests: one instance working the post queue on the pg-boss queue at
 * argv[2] (a PostgreSQL URL), posting to a platform fake over HTTP (argv[3]). Prints `ready` once it works
 * jobs; the test kills it with SIGKILL mid-post.
 */
import { createPgBossQueue } from '../../../adapters/queue/pg-boss-queue.ts';
import { createPgLockSession } from '../../../adapters/queue/pg-lock-session.ts';
import { POST_QUEUE, postQueuedRun, postQueueSpec, runOfPostJob, silentLogger, systemClock, type PostJobData } from '../../../src/index.ts';
import type { DeliverDeps } from '../../../src/schedule/deliver-run.ts';
import { openPostgresStore } from '../../../src/store/postgres/open.ts';

const [, , url = '', platformUrl = ''] = process.argv;
const store = await openPostgresStore(url, { poolSize: 2, owner: { id: 'child', staleAfterMs: 600_000 } });
const locks = createPgLockSession(url, silentLogger);
const queue = await createPgBossQueue({ url, logger: silentLogger, locks, pollIntervalMs: 100, poolSize: 2, maintenanceIntervalSeconds: 1 });
const deps: DeliverDeps = {
  ledger: store.ledger, clock: systemClock, logger: silentLogger, sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  buildMessage: (run) => Promise.resolve({ title: 'Morgen-Digest', subtitle: run.late ? 'late' : 'on time', sections: [] }),
  publisher: {
    async publish(channel, message, key) {
      const res = await fetch(platformUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-idempotency-key': key }, body: JSON.stringify({ channel, title: message.title }) });
      if (!res.ok) throw new Error(`platform answered ${String(res.status)}`);
      return { ref: ((await res.json()) as { id: string }).id };
    },
  },
};
await queue.declare(postQueueSpec(1000, 1000));
await queue.work<PostJobData>(POST_QUEUE, { concurrency: 2 }, async (job) => {
  await postQueuedRun(deps, runOfPostJob(job.data), { attempt: job.attempt, lastAttempt: false });
});
process.stdout.write('ready\n');
