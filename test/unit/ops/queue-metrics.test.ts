import { describe, expect, it } from 'vitest';
import { botHealth } from '../../../adapters/ops/health.ts';
import { createPromMetrics } from '../../../adapters/ops/prom-metrics.ts';
import { createInProcessQueue, silentLogger, type QueueDepth } from '../../../src/index.ts';

describe('job queue metrics and health', () => {
  it('given jobs run on the in-process queue, then /metrics has their depth, wait, run time and failures by queue', async () => {
    let depth: () => Promise<QueueDepth[]> = async () => [];
    const prom = createPromMetrics({ processMetrics: false, queueDepth: () => depth() });
    const queue = createInProcessQueue({ logger: silentLogger, observe: (e) => prom.metrics.jobFinished?.(e) });
    depth = () => queue.depth();
    await queue.declare({ name: 'poll-source', oneActivePerKey: true, collapseWaiting: true });
    await queue.send('poll-source', { n: 1 }, { key: 'a' });
    await queue.send('poll-source', { n: 2 }, { key: 'b' });
    await queue.send('poll-source', { n: 3 }, { key: 'c' });
    const before = await prom.registry.metrics();
    expect(before).toContain('digestbot_queue_jobs{queue="poll-source",state="waiting"} 3');
    await queue.work<{ n: number }>('poll-source', { concurrency: 1 }, async (job) => {
      if (job.data.n === 2) throw new Error('source trouble');
    });
    await queue.idle();
    const text = await prom.registry.metrics();
    expect(text).toContain('digestbot_queue_jobs{queue="poll-source",state="waiting"} 0');
    expect(text).toContain('digestbot_job_wait_seconds_count{queue="poll-source"} 3');
    expect(text).toContain('digestbot_job_duration_seconds_count{queue="poll-source",outcome="ok"} 2');
    expect(text).toContain('digestbot_jobs_failed_total{queue="poll-source",retried="false"} 1');
  });

  it('given a queue that does not answer, then /healthz is unhealthy and names it; answering, it is listed', async () => {
    const bot = { isRunning: () => true };
    const store = { state: { get: async () => null, set: async () => undefined } };
    const down = await botHealth(bot, store, new Date(0), undefined, { kind: 'pg-boss', reachable: async () => false });
    expect(down).toEqual({ ok: false, reason: 'the job queue (pg-boss) does not answer' });
    const up = await botHealth(bot, store, new Date(0), undefined, { kind: 'pg-boss', reachable: async () => true });
    expect(up).toMatchObject({ ok: true, details: { database: 'reachable', queue: { kind: 'pg-boss', reachable: true } } });
  });
});
