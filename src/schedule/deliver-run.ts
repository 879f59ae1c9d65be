/**
 * Delivers one scheduled run to one channel, exactly once as far as the
 * ledger can tell: the run is claimed before posting, its message built
 * once and stored with the claim, and marked posted after; a run already
 * posted is skipped (decided here only); a failed post is retried with
 * exponential backoff, sending the stored message again, and, when every
 * attempt fails, recorded as failed so the next catch-up posts the same
 * stored message.
 *
 * Across instances (the pg-boss queue) the post is a job: `enqueueRun` claims the run and sends its post job
 * (keyed by channel, so one channel gets one post at a time in the whole cluster) in ONE transaction, and
 * `postQueuedRun` is the job's handler on whichever instance takes it; a retryable failure asks the queue to
 * run the job again later (after the error's Retry-After when it names one), never drops it.
 */
import { toDigestError, type DigestError } from '../errors.ts';
import { messageFromJson, messageToJson } from '../messages/message-json.ts';
import type { Message, MessagePublisher } from '../messages/model.ts';
import { channelPlatform, type BotMetrics } from '../metrics.ts';
import type { Clock, Logger } from '../ports.ts';
import { RetryJobLater, type JobQueue, type QueueSpec } from '../queue/port.ts';
import type { Delivery, DeliveryLedger, StoreSession } from '../store/port.ts';

export interface RunKey {
  digest: string;
  /** Scheduled time (UTC). */
  scheduledFor: Date;
  channel: string;
  /** Posted after its time (catch-up after downtime). */
  late: boolean;
}

export interface DeliverDeps {
  ledger: DeliveryLedger;
  publisher: MessagePublisher;
  /** Builds the digest message for a run (called only when a post is due and no message is stored with its claim). */
  buildMessage(run: RunKey): Promise<Message>;
  clock: Clock;
  logger: Logger;
  sleep(ms: number): Promise<void>;
  /** Attempts per run and the first backoff delay. @defaultValue { attempts: 3, baseDelayMs: 2000 } */
  retry?: { attempts: number; baseDelayMs: number };
  /** Told about failures retrying cannot fix (channel gone, no permission), e.g. to write the admin log. @defaultValue none */
  onPermanentFailure?(run: RunKey, error: DigestError): void | Promise<void>;
  /** Told about each post and each failed attempt. @defaultValue noopMetrics (none) */
  metrics?: BotMetrics;
}

/** Publish errors that another attempt will not fix. */
const PERMANENT = new Set(['publish/channel-missing', 'publish/forbidden']);

/** `queued`: claimed, and its post job sent (the post happens in the job). */
export type DeliveryOutcome = 'posted' | 'already-posted' | 'claimed-elsewhere' | 'failed' | 'queued';

/** The queue of scheduled posts: keyed by channel (one post at a time per channel), retried after failures. */
export const POST_QUEUE = 'post-run';

/** Retries of a post job (a 429 waits its Retry-After first). */
export const POST_RETRIES = 5;

/**
 * The post queue: one post per channel at a time, `POST_RETRIES` retries `retryDelayMs` apart after a throw
 * or a lost instance (a running job older than `expireAfterMs`).
 */
export function postQueueSpec(expireAfterMs: number, retryDelayMs = 5000): QueueSpec {
  return { name: POST_QUEUE, oneActivePerKey: true, retry: { limit: POST_RETRIES, delayMs: retryDelayMs }, expireAfterMs };
}

/** A post job's data: the run, with its time as ISO text. */
export interface PostJobData {
  digest: string;
  scheduledFor: string;
  channel: string;
  late: boolean;
}

export const runOfPostJob = (data: PostJobData): RunKey => ({ ...data, scheduledFor: new Date(data.scheduledFor) });

/** The ledger key of a run as text. */
export function runId(run: RunKey): string {
  return `${run.digest}|${run.scheduledFor.toISOString()}|${run.channel}`;
}

/** Starts the publisher's follow-up work; a throw there must not turn a recorded post into a retry (a second post). */
function afterRecorded(logger: Logger, run: RunKey, onRecorded: (() => void) | undefined): void {
  try {
    onRecorded?.();
  } catch (err) {
    logger.warn('follow-up after the post failed', { run: runId(run), err: err instanceof Error ? err.message : String(err) });
  }
}

/**
 * The run's message: the one stored with its claim (an earlier attempt or process built it), else built now
 * and stored, the first stored winning. Built at most once per run, whatever the retries.
 */
async function messageOf(deps: DeliverDeps, run: RunKey, claim: Delivery): Promise<Message> {
  if (claim.messageJson !== null) return messageFromJson(claim.messageJson);
  const built = await deps.buildMessage(run);
  return messageFromJson(await deps.ledger.storeMessage(run.digest, claim.scheduledFor, run.channel, messageToJson(built)));
}

/**
 * One post of a claimed run: its message (built once, kept in `built` across attempts), the publish, the
 * ledger's posted mark, the log line and the metric.
 */
async function postOnce(deps: DeliverDeps, run: RunKey, claim: Delivery, built: { message: Message | null }, attempt: number): Promise<void> {
  // Built once (an attempt whose build failed builds again); every post sends the stored message.
  built.message ??= await messageOf(deps, run, claim);
  const posted = await deps.publisher.publish(run.channel, built.message, runId(run));
  await deps.ledger.markPosted(run.digest, run.scheduledFor.toISOString(), run.channel, deps.clock.now().toISOString(), posted.ref);
  deps.logger.info('digest posted', { run: runId(run), late: run.late, attempt });
  deps.metrics?.digestPosted({ platform: channelPlatform(run.channel), late: run.late });
  afterRecorded(deps.logger, run, posted.onRecorded);
}

/** Logs and counts a failed attempt; a permanent failure is reported to `onPermanentFailure`. */
async function attemptFailed(deps: DeliverDeps, run: RunKey, err: unknown, attempt: number): Promise<DigestError> {
  const error = toDigestError(err);
  deps.logger.warn('digest post failed', { run: runId(run), attempt, code: error.code, err: error.message });
  const permanent = PERMANENT.has(error.code);
  deps.metrics?.deliveryFailed({ platform: channelPlatform(run.channel), kind: permanent ? 'permanent' : 'retryable', code: error.code });
  if (permanent) await deps.onPermanentFailure?.(run, error);
  return error;
}

/**
 * Whether the run is already posted is decided here, by the ledger claim, and nowhere else: the scheduler
 * hands every due run to this function.
 */
export async function deliverRun(deps: DeliverDeps, run: RunKey): Promise<DeliveryOutcome> {
  const at = (): string => deps.clock.now().toISOString();
  const scheduledFor = run.scheduledFor.toISOString();
  const claim = await deps.ledger.claim(run.digest, scheduledFor, run.channel, at(), run.late);
  if (claim.status === 'posted') {
    deps.logger.debug('run already posted', { run: runId(run) });
    return 'already-posted';
  }
  if (claim.claimedElsewhere === true) {
    // Another instance on the same database holds the claim and posts the run.
    deps.logger.debug('run claimed by another instance', { run: runId(run) });
    return 'claimed-elsewhere';
  }
  const { attempts, baseDelayMs } = deps.retry ?? { attempts: 3, baseDelayMs: 2000 };
  let lastError = '';
  const built: { message: Message | null } = { message: null };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await postOnce(deps, run, claim, built, attempt);
      return 'posted';
    } catch (err) {
      const error = await attemptFailed(deps, run, err, attempt);
      lastError = `${error.code}: ${error.message}`;
      if (PERMANENT.has(error.code)) break;
      if (attempt < attempts) await deps.sleep(baseDelayMs * 2 ** (attempt - 1));
    }
  }
  await deps.ledger.markFailed(run.digest, scheduledFor, run.channel, at(), lastError);
  deps.logger.error('digest not posted after retries', { run: runId(run), attempts });
  return 'failed';
}

export interface EnqueueDeps {
  /** The store whose transaction holds the claim (and, on PostgreSQL, the job's insert). */
  store: Pick<StoreSession, 'transaction'>;
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
}

/**
 * Claims the run and sends its post job in one transaction: on PostgreSQL the job's row commits or rolls
 * back with the claim, so no claim is left without its post and no post without its claim. A run posted or
 * claimed by another instance is not sent again.
 */
export async function enqueueRun(deps: EnqueueDeps, run: RunKey): Promise<DeliveryOutcome> {
  const scheduledFor = run.scheduledFor.toISOString();
  return deps.store.transaction(async (tx) => {
    const claim = await tx.ledger.claim(run.digest, scheduledFor, run.channel, deps.clock.now().toISOString(), run.late);
    if (claim.status === 'posted') return 'already-posted';
    if (claim.claimedElsewhere === true) return 'claimed-elsewhere';
    const data: PostJobData = { digest: run.digest, scheduledFor, channel: run.channel, late: run.late };
    const executeSql = tx.executeSql?.bind(tx);
    await deps.queue.send(POST_QUEUE, data, { key: run.channel, ...(executeSql === undefined ? {} : { within: { executeSql } }) });
    deps.logger.debug('run queued', { run: runId(run) });
    return 'queued';
  });
}

/** The delay a failed post asks for (Retry-After of a rate limit), if it names one. */
function retryAfterMs(error: DigestError): number | null {
  const asked = error.context?.['retryAfterMs'];
  return typeof asked === 'number' && Number.isFinite(asked) && asked >= 0 ? asked : null;
}

/**
 * The post job's handler: posts a claimed run unless it is posted already (a retried or duplicated job posts
 * nothing twice). A retryable failure throws `RetryJobLater` (after Retry-After, else an exponential backoff)
 * until `lastAttempt`, which records the run as failed for the next catch-up.
 */
export async function postQueuedRun(deps: DeliverDeps, run: RunKey, job: { attempt: number; lastAttempt: boolean }): Promise<DeliveryOutcome> {
  const row = await deps.ledger.get(run.digest, run.scheduledFor.toISOString(), run.channel);
  if (row === null) {
    deps.logger.warn('queued run has no claim', { run: runId(run) });
    return 'failed';
  }
  if (row.status === 'posted') return 'already-posted';
  try {
    await postOnce(deps, run, row, { message: null }, job.attempt + 1);
    return 'posted';
  } catch (err) {
    const error = await attemptFailed(deps, run, err, job.attempt + 1);
    if (!PERMANENT.has(error.code) && !job.lastAttempt) {
      const { baseDelayMs } = deps.retry ?? { attempts: 3, baseDelayMs: 2000 };
      throw new RetryJobLater(retryAfterMs(error) ?? baseDelayMs * 2 ** job.attempt, `${error.code}: ${error.message}`);
    }
    await deps.ledger.markFailed(run.digest, run.scheduledFor.toISOString(), run.channel, deps.clock.now().toISOString(), `${error.code}: ${error.message}`);
    deps.logger.error('digest not posted after retries', { run: runId(run), attempts: job.attempt + 1 });
    return 'failed';
  }
}
