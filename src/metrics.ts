/**
 * The metrics port: what the core reports at its boundaries (a source fetch
 * ended, a digest was posted, a delivery attempt failed, a command ended) for
 * an operator to watch. The core only calls it; adapters/ops turns it into
 * Prometheus metrics. Label values stay from small fixed sets: no URLs, no
 * user, channel or source ids.
 */
import { platformOf } from './messages/platform-id.ts';
import type { DigestErrorCode } from './errors.ts';
import type { JobFinished } from './queue/port.ts';
import type { Clock } from './ports.ts';
import type { SourceRecord } from './store/port.ts';

/** How a source fetch ended: a new document, 304 Not Modified, or an error (with its code). */
export type FetchOutcome = 'ok' | 'not-modified' | 'error';

/**
 * How a command ended: `ok` it ran; `refused` an admin command from a non-admin; `invalid` unknown command
 * or bad arguments (nothing ran); `error` it ran and failed.
 */
export type CommandOutcome = 'ok' | 'refused' | 'invalid' | 'error';

/** Whether another attempt may fix a failed delivery (`retryable`) or not (`permanent`: channel gone, no permission). */
export type DeliveryFailureKind = 'retryable' | 'permanent';

export interface FetchFinished {
  /** Detected type of the source (rss, atom, listing …) as stored. */
  sourceType: string;
  durationMs: number;
  outcome: FetchOutcome;
  /** Set when `outcome` is `error`. */
  code?: DigestErrorCode;
}

export interface DigestPosted {
  /** The channel's platform: the part before the colon (`discord`, `slack`, `console`). */
  platform: string;
  /** Posted after its time (catch-up after downtime). */
  late: boolean;
}

export interface DeliveryFailed {
  platform: string;
  kind: DeliveryFailureKind;
  code: DigestErrorCode;
}

export interface CommandFinished {
  /** A catalog name (`digest`, `sources add`), or `unknown` for anything else. */
  command: string;
  durationMs: number;
  outcome: CommandOutcome;
}

/** Where the core reports what an operator measures. Every method must return quickly and never throw. */
export interface BotMetrics {
  /** A source fetch (conditional GET and reading the document) finished. Skipped polls are not reported. */
  fetchFinished(event: FetchFinished): void;
  /** A scheduled digest run was posted to a channel. */
  digestPosted(event: DigestPosted): void;
  /** One delivery attempt of a scheduled run failed. */
  deliveryFailed(event: DeliveryFailed): void;
  /** A chat command finished (any outcome). */
  commandFinished(event: CommandFinished): void;
  /** A job of the job queue ran here (a source poll, a scheduled post): its wait, run time and outcome. @defaultValue not reported */
  jobFinished?(event: JobFinished): void;
}

/** Metrics that go nowhere: the default, so callers that do not measure need not care. */
export const noopMetrics: BotMetrics = {
  fetchFinished() {},
  digestPosted() {},
  deliveryFailed() {},
  commandFinished() {},
  jobFinished() {},
};

/** Milliseconds since `start` on `clock`, never negative (the wall clock may step back). */
export function elapsedMs(clock: Clock, start: Date): number {
  return Math.max(0, clock.now().getTime() - start.getTime());
}

/** The platform of a `platform:id` channel. */
export function channelPlatform(channel: string): string {
  return platformOf(channel);
}

export type SourceState = 'ok' | 'failing' | 'paused';

/** A source's health: paused (after repeated failures), failing (its last fetch failed) or ok. */
export function sourceState(source: Pick<SourceRecord, 'pausedReason' | 'errorCount'>): SourceState {
  if (source.pausedReason !== null) return 'paused';
  return source.errorCount > 0 ? 'failing' : 'ok';
}

/** How many sources are in each state. */
export function countSourceStates(sources: readonly Pick<SourceRecord, 'pausedReason' | 'errorCount'>[]): Record<SourceState, number> {
  const counts: Record<SourceState, number> = { ok: 0, failing: 0, paused: 0 };
  for (const source of sources) counts[sourceState(source)]++;
  return counts;
}
