import { describe, expect, it } from 'vitest';
import { createInProcessQueue, RetryJobLater, silentLogger, type JobFinished } from '../../../src/index.ts';

/** A promise with its resolve handle: a job that runs until the test lets it finish. */
function gate(): { promise: Promise<void>; open(): void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => { open = resolve; });
  return { promise, open };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('in-process job queue', () => {
  it('given two jobs with one key in an exclusive queue, then the second waits for the first while other keys run', async () => {
    const queue = createInProcessQueue({ logger: silentLogger });
    await queue.declare({ name: 'q', oneActivePerKey: true });
    const gates = new Map<string, ReturnType<typeof gate>>();
    const started: string[] = [];
    await queue.work<{ id: string }>('q', { concurrency: 4 }, async (job) => {
      started.push(job.data.id);
      const g = gate();
      gates.set(job.data.id, g);
      await g.promise;
    });
    await queue.send('q', { id: 'a1' }, { key: 'a' });
    await queue.send('q', { id: 'a2' }, { key: 'a' });
    await queue.send('q', { id: 'b1' }, { key: 'b' });
    await tick();
    expect(started).toEqual(['a1', 'b1']);
    gates.get('a1')?.open();
    await tick();
    await tick();
    expect(started).toEqual(['a1', 'b1', 'a2']);
    gates.get('a2')?.open();
    gates.get('b1')?.open();
    await queue.idle();
    expect(await queue.depth()).toEqual([{ queue: 'q', waiting: 0, running: 0 }]);
  });

  it('given collapseWaiting, then a second send of a waiting key collapses, while a running key may have one waiting', async () => {
    const queue = createInProcessQueue({ logger: silentLogger });
    await queue.declare({ name: 'polls', oneActivePerKey: true, collapseWaiting: true });
    expect(await queue.send('polls', { n: 1 }, { key: 's1' })).not.toBeNull();
    expect(await queue.send('polls', { n: 2 }, { key: 's1' })).toBeNull();
    const g = gate();
    const seen: number[] = [];
    await queue.work<{ n: number }>('polls', { concurrency: 2 }, async (job) => {
      seen.push(job.data.n);
      await g.promise;
    });
    await tick();
    expect(seen).toEqual([1]);
    expect(await queue.send('polls', { n: 3 }, { key: 's1' })).not.toBeNull();
    expect(await queue.send('polls', { n: 4 }, { key: 's1' })).toBeNull();
    g.open();
    await queue.idle();
    expect(seen).toEqual([1, 3]);
  });

  it('given a concurrency of 2, then no more than 2 jobs run at once', async () => {
    const queue = createInProcessQueue({ logger: silentLogger });
    await queue.declare({ name: 'q', oneActivePerKey: false });
    let now = 0;
    let most = 0;
    await queue.work('q', { concurrency: 2 }, async () => {
      now++;
      most = Math.max(most, now);
      await tick();
      now--;
    });
    for (let i = 0; i < 10; i++) await queue.send('q', { i });
    await queue.idle();
    expect(most).toBe(2);
  });

  it('given a handler that asks to run later and one that throws, then the first runs again and the second fails after its retries', async () => {
    const events: JobFinished[] = [];
    const queue = createInProcessQueue({ logger: silentLogger, observe: (e) => events.push(e) });
    await queue.declare({ name: 'q', oneActivePerKey: true, retry: { limit: 2, delayMs: 1 } });
    const attempts: string[] = [];
    await queue.work<{ kind: string }>('q', { concurrency: 1 }, async (job) => {
      attempts.push(`${job.data.kind}${String(job.attempt)}`);
      if (job.data.kind === 'later' && job.attempt === 0) throw new RetryJobLater(5, 'rate limited');
      if (job.data.kind === 'broken') throw new Error('always');
    });
    await queue.send('q', { kind: 'later' }, { key: 'c1' });
    await queue.send('q', { kind: 'broken' }, { key: 'c2' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await queue.idle();
    expect(attempts.filter((a) => a.startsWith('later'))).toEqual(['later0', 'later1']);
    expect(attempts.filter((a) => a.startsWith('broken'))).toEqual(['broken0', 'broken1', 'broken2']);
    expect(events.map((e) => e.outcome).sort()).toEqual(['failed', 'ok', 'retried', 'retried', 'retried']);
  });

  it('given a running keyed job, then runKeyed on its key does not run, and runs once the job is done', async () => {
    const queue = createInProcessQueue({ logger: silentLogger });
    await queue.declare({ name: 'q', oneActivePerKey: true });
    const g = gate();
    await queue.work('q', { concurrency: 1 }, () => g.promise);
    await queue.send('q', {}, { key: 'k' });
    await tick();
    expect(await queue.runKeyed('q', 'k', async () => 1)).toEqual({ ran: false });
    expect(await queue.runKeyed('q', 'other', async () => 2)).toEqual({ ran: true, value: 2 });
    g.open();
    await queue.idle();
    expect(await queue.runKeyed('q', 'k', async () => 3)).toEqual({ ran: true, value: 3 });
  });

  it('given stop while a job runs, then stop waits for it, drops the waiting ones and takes no more', async () => {
    const queue = createInProcessQueue({ logger: silentLogger });
    await queue.declare({ name: 'q', oneActivePerKey: false });
    const g = gate();
    const done: number[] = [];
    await queue.work<{ n: number }>('q', { concurrency: 1 }, async (job) => {
      await g.promise;
      done.push(job.data.n);
    });
    await queue.send('q', { n: 1 });
    await queue.send('q', { n: 2 });
    await tick();
    const stopped = queue.stop({ drainMs: 5000 });
    let finished = false;
    void stopped.then(() => { finished = true; });
    await tick();
    expect(finished).toBe(false);
    g.open();
    await stopped;
    expect(done).toEqual([1]);
    expect(await queue.send('q', { n: 3 })).toBeNull();
    expect(await queue.depth()).toEqual([{ queue: 'q', waiting: 0, running: 0 }]);
  });
});
