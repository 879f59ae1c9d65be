/** A BotMetrics that keeps every event it is told about, in order, for assertions. */
import type { BotMetrics, CommandFinished, DeliveryFailed, DigestPosted, FetchFinished } from '../../src/metrics.ts';

export type MetricsEvent =
  | ({ event: 'fetch' } & FetchFinished)
  | ({ event: 'posted' } & DigestPosted)
  | ({ event: 'delivery-failed' } & DeliveryFailed)
  | ({ event: 'command' } & CommandFinished);

export class RecordingMetrics implements BotMetrics {
  readonly events: MetricsEvent[] = [];

  fetchFinished(event: FetchFinished): void {
    this.events.push({ event: 'fetch', ...event });
  }

  digestPosted(event: DigestPosted): void {
    this.events.push({ event: 'posted', ...event });
  }

  deliveryFailed(event: DeliveryFailed): void {
    this.events.push({ event: 'delivery-failed', ...event });
  }

  commandFinished(event: CommandFinished): void {
    this.events.push({ event: 'command', ...event });
  }

  of<K extends MetricsEvent['event']>(event: K): Extract<MetricsEvent, { event: K }>[] {
    return this.events.filter((e): e is Extract<MetricsEvent, { event: K }> => e.event === event);
  }
}
