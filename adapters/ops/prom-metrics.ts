/**
 * The BotMetrics port on prom-client, in a registry of its own (never the
 * global default one): built in the composition root, scraped by the ops
 * server. Label values come from small fixed sets; anything else becomes
 * `other`, so no user input can grow the number of series.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { BotMetrics, QueueDepth, SourceState } from '../../src/index.ts';

export interface PromMetricsOptions {
  /** How many sources are in each state, read at every scrape; a throw leaves the gauge empty for that scrape. */
  sourceStates?(): Record<SourceState, number> | Promise<Record<SourceState, number>>;
  /** Jobs waiting and running per queue, read at every scrape (the whole cluster's with pg-boss). @defaultValue none */
  queueDepth?(): Promise<QueueDepth[]>;
  /** Node.js process metrics (CPU, memory, event loop lag, GC). @defaultValue true */
  processMetrics?: boolean;
}

export interface PromMetrics {
  metrics: BotMetrics;
  registry: Registry;
}

const PLATFORMS = new Set(['discord', 'slack', 'console']);
const SOURCE_TYPES = new Set(['rss', 'atom', 'rdf', 'json-feed', 'listing', 'article', 'folder']);
const STATES: readonly SourceState[] = ['ok', 'failing', 'paused'];

const oneOf = (allowed: ReadonlySet<string>, value: string): string => (allowed.has(value) ? value : 'other');
/** Error codes and command names are fixed sets in the core; the cap guards against a surprise. */
const bounded = (value: string): string => (/^[a-z][a-z0-9 /-]{0,39}$/u.test(value) ? value : 'other');
const seconds = (ms: number): number => ms / 1000;

export function createPromMetrics(options: PromMetricsOptions = {}): PromMetrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });

  const { sourceStates } = options;
  new Gauge({
    name: 'digestbot_sources', help: 'Sources by state: ok, failing (last fetch failed), paused (after repeated failures).',
    labelNames: ['state'] as const, registers: [registry],
    async collect() {
      this.reset();
      if (sourceStates === undefined) return;
      let counts: Record<SourceState, number>;
      try {
        counts = await sourceStates();
      } catch {
        // The store is unavailable (closed, locked): no sample this scrape; /healthz reports why.
        return;
      }
      for (const state of STATES) this.set({ state }, counts[state]);
    },
  });
  const fetchDuration = new Histogram({
    name: 'digestbot_source_fetch_duration_seconds', help: 'Time to fetch and read a source document, by source type and outcome.',
    labelNames: ['type', 'outcome'] as const, registers: [registry],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 60],
  });
  const fetchErrors = new Counter({
    name: 'digestbot_source_fetch_errors_total', help: 'Failed source fetches, by error code.',
    labelNames: ['code'] as const, registers: [registry],
  });
  const posted = new Counter({
    name: 'digestbot_digests_posted_total', help: 'Scheduled digests posted, by platform and whether they were late (catch-up).',
    labelNames: ['platform', 'late'] as const, registers: [registry],
  });
  const deliveryFailures = new Counter({
    name: 'digestbot_delivery_failures_total', help: 'Failed delivery attempts of scheduled digests, by platform, kind (retryable, permanent) and error code.',
    labelNames: ['platform', 'kind', 'code'] as const, registers: [registry],
  });
  const commandDuration = new Histogram({
    name: 'digestbot_command_duration_seconds', help: 'Time to answer a chat command, by command and outcome (ok, refused, invalid, error).',
    labelNames: ['command', 'outcome'] as const, registers: [registry],
    buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60],
  });

  const jobs = queueMetrics(registry, options.queueDepth);

  const metrics: BotMetrics = {
    fetchFinished({ sourceType, durationMs, outcome, code }) {
      fetchDuration.observe({ type: oneOf(SOURCE_TYPES, sourceType), outcome }, seconds(durationMs));
      if (outcome === 'error') fetchErrors.inc({ code: bounded(code ?? 'unknown') });
    },
    digestPosted({ platform, late }) {
      posted.inc({ platform: oneOf(PLATFORMS, platform), late: String(late) });
    },
    deliveryFailed({ platform, kind, code }) {
      deliveryFailures.inc({ platform: oneOf(PLATFORMS, platform), kind, code: bounded(code) });
    },
    commandFinished({ command, durationMs, outcome }) {
      commandDuration.observe({ command: bounded(command), outcome }, seconds(durationMs));
    },
    jobFinished({ queue, outcome, waitedMs, durationMs }) {
      const name = bounded(queue);
      jobs.wait.observe({ queue: name }, seconds(waitedMs));
      jobs.duration.observe({ queue: name, outcome }, seconds(durationMs));
      if (outcome !== 'ok') jobs.failed.inc({ queue: name, retried: String(outcome === 'retried') });
    },
  };
  return { metrics, registry };
}

/** The job queue's series: depth (collected at scrape), time waited before a job starts, run time, failures. */
function queueMetrics(registry: Registry, queueDepth: PromMetricsOptions['queueDepth']): { wait: Histogram<'queue'>; duration: Histogram<'queue' | 'outcome'>; failed: Counter<'queue' | 'retried'> } {
  new Gauge({
    name: 'digestbot_queue_jobs', help: 'Jobs in the job queue, by queue and state (waiting, running); with pg-boss the whole cluster\'s.',
    labelNames: ['queue', 'state'] as const, registers: [registry],
    async collect() {
      this.reset();
      if (queueDepth === undefined) return;
      let depths: QueueDepth[];
      try {
        depths = await queueDepth();
      } catch {
        // The queue's database does not answer: no sample this scrape; /healthz says so.
        return;
      }
      for (const d of depths) {
        this.set({ queue: bounded(d.queue), state: 'waiting' }, d.waiting);
        this.set({ queue: bounded(d.queue), state: 'running' }, d.running);
      }
    },
  });
  return {
    wait: new Histogram({
      name: 'digestbot_job_wait_seconds', help: 'Time from a job\'s send (or its retry time) to its start on this instance, by queue.',
      labelNames: ['queue'] as const, registers: [registry], buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900],
    }),
    duration: new Histogram({
      name: 'digestbot_job_duration_seconds', help: 'Run time of jobs on this instance, by queue and outcome (ok, retried, failed).',
      labelNames: ['queue', 'outcome'] as const, registers: [registry], buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    }),
    failed: new Counter({
      name: 'digestbot_jobs_failed_total', help: 'Jobs that threw on this instance, by queue and whether they are retried.',
      labelNames: ['queue', 'retried'] as const, registers: [registry],
    }),
  };
}
