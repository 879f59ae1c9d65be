/**
 * Delivers one scheduled run to one channel, exactly once as far as the
 * ledger can tell: the run is claimed before posting, its message built
 * once and stored with the claim, and marked posted after; a run already
 * posted is skipped (decided here only); a failed post is retried with
 * exponential backoff, sending the stored message again, and, when every
 * attempt fails, recorded as failed so the next catch-up posts the same
 * stored message.
 */
import { toDigestError, type DigestError } from '../errors.ts';
import { messageFromJson, messageToJson } from '../messages/message-json.ts';
import type { Message, MessagePublisher } from '../messages/model.ts';
import { channelPlatform, type BotMetrics } from '../metrics.ts';
import type { Clock, Logger } from '../ports.ts';
import type { Delivery, DeliveryLedger } from '../store/port.ts';

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

export type DeliveryOutcome = 'posted' | 'already-posted' | 'claimed-elsewhere' | 'failed';

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
  let message: Message | null = null;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      // Built once (an attempt whose build failed builds again); every post sends the stored message.
      message ??= await messageOf(deps, run, claim);
      const posted = await deps.publisher.publish(run.channel, message, runId(run));
      await deps.ledger.markPosted(run.digest, scheduledFor, run.channel, at(), posted.ref);
      deps.logger.info('digest posted', { run: runId(run), late: run.late, attempt });
      deps.metrics?.digestPosted({ platform: channelPlatform(run.channel), late: run.late });
      afterRecorded(deps.logger, run, posted.onRecorded);
      return 'posted';
    } catch (err) {
      const error = toDigestError(err);
      lastError = `${error.code}: ${error.message}`;
      deps.logger.warn('digest post failed', { run: runId(run), attempt, code: error.code, err: error.message });
      const permanent = PERMANENT.has(error.code);
      deps.metrics?.deliveryFailed({ platform: channelPlatform(run.channel), kind: permanent ? 'permanent' : 'retryable', code: error.code });
      if (permanent) {
        await deps.onPermanentFailure?.(run, error);
        break;
      }
      if (attempt < attempts) await deps.sleep(baseDelayMs * 2 ** (attempt - 1));
    }
  }
  await deps.ledger.markFailed(run.digest, scheduledFor, run.channel, at(), lastError);
  deps.logger.error('digest not posted after retries', { run: runId(run), attempts });
  return 'failed';
}
