/**
 * Scheduled posts as pg-boss jobs on a real PostgreSQL (TEST_DATABASE_URL; skipped with a message naming it
 * when unset): the claim and the enqueue commit together, a post job whose process is killed mid-post is
 * retried by another instance and the run is posted exactly once, a rate-limited post runs again after its
 * Retry-After. Each file uses a database of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgBossQueue } from '../../../adapters/queue/pg-boss-queue.ts';
import { createPgLockSession, type LockSession } from '../../../adapters/queue/pg-lock-session.ts';
import {
  DigestError, enqueueRun, POST_QUEUE, postQueuedRun, postQueueSpec, runOfPostJob, silentLogger, systemClock,
  type JobQueue, type MessagePublisher, type PostJobData, type RunKey, type Store,
} from '../../../src/index.ts';
import type { DeliverDeps } from '../../../src/schedule/deliver-run.ts';
import { openPostgresStore } from '../../../src/store/postgres/open.ts';
import { createTestDatabase, postgresServer } from '../store/test-databases.ts';

const server = await postgresServer();
if (!server.ok) console.warn(`post jobs suite skipped: ${server.why}`);
const child = resolve(import.meta.dirname, '..', '..', 'fakes', 'queue', 'post-child.ts');

/** The platform fake: records a message per idempotency key when it answers; `hangNext` leaves one request unanswered. */
const platform = { recorded: new Map<string, number>(), received: 0, hangNext: false, onReceive: null as (() => void) | null };
function handle(req: IncomingMessage, res: ServerResponse): void {
  const key = String(req.headers['x-idempotency-key']);
  platform.received++;
  req.resume();
  req.on('end', () => {
    platform.onReceive?.();
    if (platform.hangNext) {
      platform.hangNext = false;
      return;
    }
    platform.recorded.set(key, (platform.recorded.get(key) ?? 0) + 1);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `m-${key}` }));
  });
}

const httpPublisher = (url: string): MessagePublisher => ({
  async publish(channel, message, key) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-idempotency-key': key }, body: JSON.stringify({ channel, title: message.title }) });
    if (!res.ok) throw new Error(`platform answered ${String(res.status)}`);
    return { ref: ((await res.json()) as { id: string }).id };
  },
});

const deliverDeps = (store: Store, publisher: MessagePublisher): DeliverDeps => ({
  ledger: store.ledger, clock: systemClock, logger: silentLogger, sleep: (ms) => new Promise((r) => setTimeout(r, ms)), publisher,
  buildMessage: () => Promise.resolve({ title: 'Morgen-Digest', sections: [] }),
});

async function eventually(check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`condition not met within ${String(ms)} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!server.ok)('post jobs on pg-boss', () => {
  let database: { url: string; drop(): Promise<void> };
  let http: Server;
  let platformUrl = '';
  let store: Store;
  let locks: LockSession;
  let queue: JobQueue;
  const run = (minute: number, channel = 'discord:1'): RunKey => ({ digest: 'daily', scheduledFor: new Date(Date.UTC(2026, 11, 8, 7, minute)), channel, late: false });
  const key = (r: RunKey): string => `${r.digest}|${r.scheduledFor.toISOString()}|${r.channel}`;

  beforeAll(async () => {
    if (!server.ok) return;
    database = await createTestDatabase(server.adminUrl);
    http = createServer(handle);
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    platformUrl = `http://127.0.0.1:${String((http.address() as AddressInfo).port)}/messages`;
    store = await openPostgresStore(database.url, { poolSize: 3, owner: { id: 'enqueuer', staleAfterMs: 600_000 } });
    locks = createPgLockSession(database.url, silentLogger);
    queue = await createPgBossQueue({ url: database.url, logger: silentLogger, locks, pollIntervalMs: 100, poolSize: 2, maintenanceIntervalSeconds: 1 });
    await queue.declare(postQueueSpec(1000, 1000));
  });
  afterAll(async () => {
    await queue?.stop({ drainMs: 2000 });
    await locks?.close();
    await store?.close();
    if (http !== undefined) {
      http.closeAllConnections();
      await new Promise<void>((r) => http.close(() => r()));
    }
    await database?.drop();
  });

  it('given the transaction around the claim rolls back, then neither the claim nor its post job remains', async () => {
    const r = run(1);
    await expect(store.transaction(async () => {
      expect(await enqueueRun({ store, queue, clock: systemClock, logger: silentLogger }, r)).toBe('queued');
      throw new Error('rolled back on purpose');
    })).rejects.toThrow('rolled back on purpose');
    expect(await store.ledger.get(r.digest, r.scheduledFor.toISOString(), r.channel)).toBeNull();
    expect((await queue.depth()).find((d) => d.queue === POST_QUEUE)).toEqual({ queue: POST_QUEUE, waiting: 0, running: 0 });
    // Committed, the claim and the job are both there.
    expect(await enqueueRun({ store, queue, clock: systemClock, logger: silentLogger }, r)).toBe('queued');
    expect((await store.ledger.get(r.digest, r.scheduledFor.toISOString(), r.channel))?.status).toBe('claimed');
    expect((await queue.depth()).find((d) => d.queue === POST_QUEUE)?.waiting).toBe(1);
  });

  it('given the instance posting a run is killed mid-post, then another instance retries the job and the run is posted exactly once', async () => {
    const r = run(2, 'discord:2');
    platform.hangNext = true;
    const received = new Promise<void>((done) => { platform.onReceive = done; });
    const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', child, database.url, platformUrl], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<NodeJS.Signals | null>((done) => proc.on('close', (_code, signal) => done(signal)));
    await new Promise<void>((ready) => proc.stdout?.on('data', (d: Buffer) => { if (d.toString().includes('ready')) ready(); }));
    // The test instance only enqueues until the child is gone (its worker is started below).
    const other = await createPgBossQueue({ url: database.url, logger: silentLogger, locks, pollIntervalMs: 100, poolSize: 2, maintenanceIntervalSeconds: 1 });
    try {
      await other.declare(postQueueSpec(1000, 1000));
      expect(await enqueueRun({ store, queue, clock: systemClock, logger: silentLogger }, r)).toBe('queued');
      await received;
      platform.onReceive = null;
      proc.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(platform.recorded.get(key(r))).toBeUndefined();
      await other.work<PostJobData>(POST_QUEUE, { concurrency: 1 }, async (job) => {
        await postQueuedRun(deliverDeps(store, httpPublisher(platformUrl)), runOfPostJob(job.data), { attempt: job.attempt, lastAttempt: false });
      });
      await eventually(async () => (await store.ledger.get(r.digest, r.scheduledFor.toISOString(), r.channel))?.status === 'posted', 60_000);
      await new Promise((pause) => setTimeout(pause, 1500));
      expect(platform.recorded.get(key(r))).toBe(1);
    } finally {
      proc.kill('SIGKILL');
      await other.stop({ drainMs: 2000 });
    }
  });

  it('given a post answered with a rate limit and a Retry-After, then the job runs again after it and posts once', async () => {
    const r = run(3, 'slack:C3');
    let calls = 0;
    const limited: MessagePublisher = {
      async publish(channel, message, idempotencyKey) {
        // Other runs' jobs left by the tests above may run here too: only this run's posts count.
        if (channel === r.channel) calls++;
        if (channel === r.channel && calls === 1) throw new DigestError('publish/failed', 'rate limited (429)', { context: { status: 429, retryAfterMs: 300 } });
        return httpPublisher(platformUrl).publish(channel, message, idempotencyKey);
      },
    };
    const worker = await createPgBossQueue({ url: database.url, logger: silentLogger, locks: createPgLockSession(database.url, silentLogger), pollIntervalMs: 100, poolSize: 2 });
    try {
      await worker.declare(postQueueSpec(1000, 1000));
      await worker.work<PostJobData>(POST_QUEUE, { concurrency: 1 }, async (job) => {
        await postQueuedRun(deliverDeps(store, limited), runOfPostJob(job.data), { attempt: job.attempt, lastAttempt: false });
      });
      expect(await enqueueRun({ store, queue, clock: systemClock, logger: silentLogger }, r)).toBe('queued');
      await eventually(async () => (await store.ledger.get(r.digest, r.scheduledFor.toISOString(), r.channel))?.status === 'posted', 30_000);
    } finally {
      await worker.stop({ drainMs: 2000 });
    }
    expect(calls).toBe(2);
    expect(platform.recorded.get(key(r))).toBe(1);
  });
});
