/**
 * The schedule wiring: the scheduler over the scheduled definitions, delivering through deliverRun to the
 * publisher router, rebuilt when a schedule changes from chat; the start-up catch-up over the runs missed
 * while the bot was down (from its last sign of life, never before its first start); the sign of life.
 */
import type { BuiltDigest } from '../digests/build-digest.ts';
import { scheduleId, type DefinitionRegistry } from '../digests/definition-registry.ts';
import type { DigestDefinition } from '../digests/definition.ts';
import { DigestError } from '../errors.ts';
import type { Message, MessagePublisher } from '../messages/model.ts';
import type { BotMetrics } from '../metrics.ts';
import type { Clock, Logger } from '../ports.ts';
import type { JobQueue } from '../queue/port.ts';
import {
  deliverRun, enqueueRun, POST_QUEUE, POST_RETRIES, postQueuedRun, postQueueSpec, runOfPostJob, type PostJobData, type RunKey,
} from '../schedule/deliver-run.ts';
import { createScheduler, type ScheduledDigest, type Scheduler } from '../schedule/scheduler.ts';
import type { Store } from '../store/port.ts';

/** Where (in the store's bot state) the bot notes when it was last running, and how often. */
export const ALIVE_KEY = 'alive_at';
const ALIVE_EVERY_MS = 60_000;
/** Where the bot notes its very first start: no run before it was ever missed. */
const FIRST_START_KEY = 'first_started_at';

export interface ScheduleWiringDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  metrics: BotMetrics;
  definitions: DefinitionRegistry;
  publisher: MessagePublisher;
  /** Missed runs younger than this are posted late at start. */
  graceMs: number;
  sleep(ms: number): Promise<void>;
  build(def: DigestDefinition): Promise<BuiltDigest>;
  /**
   * Posts as jobs on this queue (several instances: pg-boss), keyed by channel; null posts in the scheduler's
   * own delivery, as one process does. @defaultValue null
   */
  postQueue?: { queue: JobQueue; concurrency: number; expireAfterMs: number } | null;
}


export interface ScheduleWiring {
  /** Starts the schedules, then catches up on missed runs; resolves with the late runs posted. */
  start(): Promise<number>;
  /** Replaces the scheduler after a schedule change (one change at a time). */
  schedulesChanged(): Promise<void>;
  /** Whether start() ran and stop() did not. */
  isRunning(): boolean;
  /** Stops the sign of life, awaits `drain` (work that may still build digests), then stops the scheduler. */
  stop(drain?: () => Promise<void>): Promise<void>;
}

/** The scheduled definitions, as the scheduler sees them. */
async function scheduledDigests(definitions: DefinitionRegistry): Promise<ScheduledDigest[]> {
  return (await definitions.list()).map((d) => d.def).filter((d) => d.schedule !== undefined).map((def) => ({
    digest: scheduleId(def), cron: def.schedule?.cron ?? '', timezone: def.schedule?.timezone ?? 'UTC', channels: def.channels,
  }));
}

/** The scheduled definition behind a schedule id, if it is still scheduled. */
async function findScheduled(definitions: DefinitionRegistry, id: string): Promise<DigestDefinition | undefined> {
  return (await definitions.list()).map((d) => d.def).find((d) => d.schedule !== undefined && scheduleId(d) === id);
}

/** The message of a scheduled run: the definition's digest now, marked late when it is. */
async function runMessage(deps: ScheduleWiringDeps, run: RunKey): Promise<Message> {
  const def = await findScheduled(deps.definitions, run.digest);
  if (def === undefined) throw new DigestError('schedule/invalid', `digest ${run.digest} is no longer scheduled`);
  const { message } = await deps.build(def);
  return run.late ? { ...message, subtitle: `${message.subtitle ?? ''} · late: scheduled for ${run.scheduledFor.toISOString()}` } : message;
}

/**
 * Runs are "missed" only while the bot was down: from its last sign of life (minus one beat), never before
 * its first start, so a fresh install or a new schedule posts nothing late.
 */
async function missedSinceOf(store: Store, clock: Clock): Promise<Date> {
  const aliveAt = await store.state.get(ALIVE_KEY);
  let firstStart = await store.state.get(FIRST_START_KEY);
  if (firstStart === null && aliveAt === null) {
    firstStart = clock.now().toISOString();
    await store.state.set(FIRST_START_KEY, firstStart);
  }
  return new Date(Math.max(
    firstStart === null ? -Infinity : Date.parse(firstStart),
    aliveAt === null ? -Infinity : Date.parse(aliveAt) - 2 * ALIVE_EVERY_MS,
  ));
}

export function createScheduleWiring(deps: ScheduleWiringDeps): ScheduleWiring {
  const { store, clock, logger } = deps;
  let scheduler: Scheduler | null = null;
  /** The start-up catch-up's window while it runs: a scheduler replaced during it is cut short, its successor finishes it. */
  let catchingUpSince: Date | null = null;
  let aliveTimer: NodeJS.Timeout | null = null;
  let running = false;
  const markAlive = (): Promise<void> => store.state.set(ALIVE_KEY, clock.now().toISOString());
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn);
    chain = next.catch(() => undefined);
    return next;
  };

  const onPermanentFailure = async (failed: RunKey, error: DigestError): Promise<void> => {
    const def = await findScheduled(deps.definitions, failed.digest);
    await store.audit.append({
      workspaceId: def?.workspace ?? 'console:local', actor: 'bot', action: 'delivery.failed', target: failed.channel,
      details: `${def?.name ?? failed.digest}: ${error.message}`, at: clock.now().toISOString(),
    });
  };
  const deliverDeps = {
    ledger: store.ledger, publisher: deps.publisher, clock, logger, sleep: deps.sleep, metrics: deps.metrics, onPermanentFailure,
    buildMessage: (run: RunKey) => runMessage(deps, run),
  };
  const postQueue = deps.postQueue ?? null;
  const deliver = postQueue === null
    ? (run: RunKey) => deliverRun(deliverDeps, run)
    : (run: RunKey) => enqueueRun({ store, queue: postQueue.queue, clock, logger }, run);
  const makeScheduler = async (missedSince: Date | null): Promise<Scheduler> => createScheduler({
    ledger: store.ledger, clock, logger, graceMs: deps.graceMs, missedSince, deliver,
  }, await scheduledDigests(deps.definitions));
  const startPostJobs = async (): Promise<void> => {
    if (postQueue === null) return;
    await postQueue.queue.declare(postQueueSpec(postQueue.expireAfterMs));
    await postQueue.queue.work<PostJobData>(POST_QUEUE, { concurrency: postQueue.concurrency }, async (job) => {
      await postQueuedRun(deliverDeps, runOfPostJob(job.data), { attempt: job.attempt, lastAttempt: job.attempt >= POST_RETRIES });
    });
  };

  return {
    isRunning: () => running,
    schedulesChanged() {
      // Scheduler changes run one after another, so a change during start-up never leaves an old task behind.
      return serial(async () => {
        if (scheduler === null) return;
        await scheduler.stop();
        scheduler = await makeScheduler(catchingUpSince);
        await scheduler.start({ catchUp: false });
      });
    },
    async start() {
      // The sign of life is renewed only after the catch-up, so a process that dies during it leaves the window where it was.
      await startPostJobs();
      const missedSince = await missedSinceOf(store, clock);
      const started = await makeScheduler(missedSince);
      catchingUpSince = missedSince;
      await serial(async () => {
        scheduler = started;
        await started.start({ catchUp: false });
      });
      running = true;
      // Catch-up outside the chain: it may take minutes, and schedule changes must not wait for it.
      let late = await started.catchUp();
      for (let current = started; running && scheduler !== null && scheduler !== current;) {
        current = scheduler;
        late += await current.catchUp();
      }
      catchingUpSince = null;
      if (running) {
        await markAlive();
        aliveTimer = setInterval(() => void markAlive(), ALIVE_EVERY_MS);
        aliveTimer.unref();
      }
      return late;
    },
    async stop(drain) {
      running = false;
      if (aliveTimer !== null) {
        clearInterval(aliveTimer);
        await markAlive();
      }
      aliveTimer = null;
      await drain?.();
      await serial(async () => {
        await scheduler?.stop();
        scheduler = null;
      });
    },
  };
}
