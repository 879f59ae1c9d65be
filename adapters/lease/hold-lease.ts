/**
 * Keeping a lease across the cluster: every instance runs this loop. Without
 * the lease it tries to take it every `retryMs`; with it, it checks every
 * `retryMs` that it still holds it. Gaining and losing it are reported
 * (`onGained` starts the leader's work, `onLost` stops it), so when the
 * holder dies another instance takes over within one retry interval. A
 * holder whose session was cut but whose process lives on waits two
 * intervals before trying again, so the instances standing by take over
 * first instead of racing it back.
 */
import { toDigestError, type Logger } from '../../src/index.ts';
import type { Lease } from './lease.ts';

export interface HoldLeaseOptions {
  lease: Lease;
  logger: Logger;
  /** Time between tries (without the lease) and checks (with it), in ms. @defaultValue 5000 */
  retryMs?: number;
  /** Called when this instance becomes the holder; a rejection gives the lease back and retries later. */
  onGained(): Promise<void>;
  /** Called when the lease was lost (session ended) or given up; the leader's work must stop. */
  onLost(reason: string): Promise<void>;
  /** Counts changes of the role, e.g. for /metrics. */
  onChange?(event: 'gained' | 'lost'): void;
  /** The current time in ms. @defaultValue Date.now */
  now?: () => number;
}

export interface LeaseHolder {
  /** Whether this instance is the leader now. */
  isLeader(): boolean;
  /** Resolves after the next try or check has run (tests, start-up). */
  settled(): Promise<void>;
  /** Stops the loop, stops the leader's work (onLost) and releases the lease. */
  stop(): Promise<void>;
}

export function holdLease(options: HoldLeaseOptions): LeaseHolder {
  const { lease, logger } = options;
  const retryMs = options.retryMs ?? 5000;
  const now = options.now ?? Date.now;
  let leader = false;
  let stopped = false;
  /** Until when this instance leaves the lease to the others after losing it. */
  let backOffUntil = 0;
  let timer: NodeJS.Timeout | undefined;
  // One step at a time: a try, a check, a loss or the stop never overlap.
  let chain: Promise<void> = Promise.resolve();
  const serial = (step: () => Promise<void>): Promise<void> => {
    chain = chain.then(step).catch((err: unknown) => {
      logger.warn('lease step failed', { code: toDigestError(err).code, err: toDigestError(err).message });
    });
    return chain;
  };

  const lose = async (reason: string): Promise<void> => {
    if (!leader) return;
    leader = false;
    backOffUntil = now() + 2 * retryMs;
    options.onChange?.('lost');
    logger.warn('lease: no longer the leader', { kind: lease.kind, reason });
    await options.onLost(reason);
  };

  const step = async (): Promise<void> => {
    if (stopped) return;
    if (leader) {
      if (!(await lease.renew())) await lose('the lease could not be renewed');
      return;
    }
    if (now() < backOffUntil || !(await lease.acquire())) return;
    leader = true;
    options.onChange?.('gained');
    logger.info('lease: now the leader', { kind: lease.kind });
    try {
      await options.onGained();
    } catch (err) {
      logger.error('lease: starting the leader\'s work failed; giving the lease back', { err: toDigestError(err).message });
      await lose('the leader\'s work did not start');
      await lease.release();
    }
  };

  const unsubscribe = lease.onLost((reason) => void serial(() => lose(reason)));
  const schedule = (): void => {
    timer = setTimeout(() => {
      void serial(step).then(() => {
        if (!stopped) schedule();
      });
    }, retryMs);
  };
  void serial(step).then(() => {
    if (!stopped) schedule();
  });

  return {
    isLeader: () => leader,
    settled: () => chain,
    stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      return serial(async () => {
        await lose('shutting down');
        await lease.close();
      });
    },
  };
}
