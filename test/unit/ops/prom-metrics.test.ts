/**
 * The prom-client adapter of the metrics port: events become the documented
 * series in its own registry (never the global one), label values stay in
 * fixed sets, and the sources gauge is read at each scrape.
 */
import { register as globalRegistry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createPromMetrics } from '../../../adapters/ops/prom-metrics.ts';
import { metricTypes, parseExposition, sampleValue } from '../../helpers/exposition.ts';

describe('createPromMetrics', () => {
  it('given events of every kind, then the series carry the counts, sums and labels', async () => {
    const { metrics, registry } = createPromMetrics({ processMetrics: false, sourceStates: () => ({ ok: 3, failing: 1, paused: 2 }) });
    metrics.fetchFinished({ sourceType: 'rss', durationMs: 200, outcome: 'ok' });
    metrics.fetchFinished({ sourceType: 'rss', durationMs: 3000, outcome: 'ok' });
    metrics.fetchFinished({ sourceType: 'atom', durationMs: 50, outcome: 'not-modified' });
    metrics.fetchFinished({ sourceType: 'listing', durationMs: 1000, outcome: 'error', code: 'fetch/timeout' });
    metrics.digestPosted({ platform: 'discord', late: false });
    metrics.digestPosted({ platform: 'discord', late: true });
    metrics.digestPosted({ platform: 'discord', late: true });
    metrics.deliveryFailed({ platform: 'slack', kind: 'permanent', code: 'publish/forbidden' });
    metrics.commandFinished({ command: 'sources add', durationMs: 40, outcome: 'refused' });

    const text = await registry.metrics();
    const s = parseExposition(text);
    expect(sampleValue(s, 'digestbot_sources', { state: 'ok' })).toBe(3);
    expect(sampleValue(s, 'digestbot_sources', { state: 'failing' })).toBe(1);
    expect(sampleValue(s, 'digestbot_sources', { state: 'paused' })).toBe(2);
    expect(sampleValue(s, 'digestbot_source_fetch_duration_seconds_count', { type: 'rss', outcome: 'ok' })).toBe(2);
    expect(sampleValue(s, 'digestbot_source_fetch_duration_seconds_sum', { type: 'rss', outcome: 'ok' })).toBeCloseTo(3.2);
    expect(sampleValue(s, 'digestbot_source_fetch_duration_seconds_bucket', { type: 'rss', outcome: 'ok', le: '0.25' })).toBe(1);
    expect(sampleValue(s, 'digestbot_source_fetch_duration_seconds_bucket', { type: 'rss', outcome: 'ok', le: '5' })).toBe(2);
    expect(sampleValue(s, 'digestbot_source_fetch_duration_seconds_count', { type: 'atom', outcome: 'not-modified' })).toBe(1);
    expect(sampleValue(s, 'digestbot_source_fetch_errors_total', { code: 'fetch/timeout' })).toBe(1);
    expect(sampleValue(s, 'digestbot_digests_posted_total', { platform: 'discord', late: 'false' })).toBe(1);
    expect(sampleValue(s, 'digestbot_digests_posted_total', { platform: 'discord', late: 'true' })).toBe(2);
    expect(sampleValue(s, 'digestbot_delivery_failures_total', { platform: 'slack', kind: 'permanent', code: 'publish/forbidden' })).toBe(1);
    expect(sampleValue(s, 'digestbot_command_duration_seconds_sum', { command: 'sources add', outcome: 'refused' })).toBeCloseTo(0.04);
    expect(Object.fromEntries(metricTypes(text))).toEqual({
      digestbot_sources: 'gauge',
      digestbot_source_fetch_duration_seconds: 'histogram',
      digestbot_source_fetch_errors_total: 'counter',
      digestbot_digests_posted_total: 'counter',
      digestbot_delivery_failures_total: 'counter',
      digestbot_command_duration_seconds: 'histogram',
      digestbot_queue_jobs: 'gauge',
      digestbot_job_wait_seconds: 'histogram',
      digestbot_job_duration_seconds: 'histogram',
      digestbot_jobs_failed_total: 'counter',
    });
  });

  it('given label values outside the known sets, then they are folded into "other"', async () => {
    const { metrics, registry } = createPromMetrics({ processMetrics: false });
    metrics.digestPosted({ platform: 'https://evil.example/x', late: false });
    metrics.fetchFinished({ sourceType: 'video/mp4; a very long type', durationMs: 1, outcome: 'ok' });
    metrics.commandFinished({ command: 'DROP TABLE "users"; -- and much more text than any command has', durationMs: 1, outcome: 'invalid' });
    const s = parseExposition(await registry.metrics());
    expect(sampleValue(s, 'digestbot_digests_posted_total', { platform: 'other' })).toBe(1);
    expect(sampleValue(s, 'digestbot_source_fetch_duration_seconds_count', { type: 'other' })).toBe(1);
    expect(sampleValue(s, 'digestbot_command_duration_seconds_count', { command: 'other' })).toBe(1);
  });

  it('given a store that fails while scraping, then the scrape still succeeds without source samples', async () => {
    let broken = false;
    const { registry } = createPromMetrics({
      processMetrics: false,
      sourceStates: () => {
        if (broken) throw new Error('The database connection is not open');
        return { ok: 1, failing: 0, paused: 0 };
      },
    });
    expect(sampleValue(parseExposition(await registry.metrics()), 'digestbot_sources', { state: 'ok' })).toBe(1);
    broken = true;
    const after = parseExposition(await registry.metrics());
    expect(after.filter((x) => x.name === 'digestbot_sources')).toEqual([]);
  });

  it('given process metrics on, then they are in the own registry and the global registry stays empty', async () => {
    const { registry } = createPromMetrics();
    const s = parseExposition(await registry.metrics());
    expect(sampleValue(s, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(s.some((x) => x.name.startsWith('nodejs_eventloop_lag'))).toBe(true);
    expect(globalRegistry.getMetricsAsArray()).toEqual([]);
  });
});
