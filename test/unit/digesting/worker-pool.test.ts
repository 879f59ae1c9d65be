import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DigestError } from '../../../src/errors.ts';
import { silentLogger, type Logger } from '../../../src/ports.ts';
import { digestMaterial, type ArticleDigester, type Material } from '../../../src/digesting/article-digester.ts';
import { createWorkerPoolDigester } from '../../../src/digesting/worker-pool.ts';

const samples = resolve(import.meta.dirname, '..', '..', '..', 'digests', 'samples');
const STUB = new URL('../../fakes/digest-worker-stub.ts', import.meta.url);

const sample = (file: string): Material => ({
  bytes: readFileSync(resolve(samples, file)), contentType: 'text/html', url: `https://news.example/${file}`, name: file,
});
const named = (name: string): Material => ({ bytes: new TextEncoder().encode('<p>x</p>'), contentType: null, url: undefined, name });

/** About `kib` KiB of figure-rich prose: seconds of engine work on the main thread. */
function bigPage(kib: number): Material {
  const unit = 'Revenue rose 12.5 percent to $3.4bn in 2025, while costs fell by 1,234 million euros. ';
  const html = `<html><head><title>Big</title></head><body><p>${unit.repeat(Math.ceil((kib * 1024) / unit.length))}</p></body></html>`;
  return { bytes: new TextEncoder().encode(html), contentType: 'text/html', url: 'https://news.example/big', name: 'big page' };
}

async function failure(promise: Promise<unknown>): Promise<DigestError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(DigestError);
    return err as DigestError;
  }
  throw new Error('expected the digest to fail');
}

/** The stub worker with start-up faults chosen by `query` (see test/fakes/digest-worker-stub.ts). */
const stubWith = (query: string): URL => new URL(`${STUB.href}?${query}`);

let pool: ArticleDigester | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('createWorkerPoolDigester', () => {
  it('given sample pages, then each digest equals the engine run on the main thread, and the caller keeps its bytes', async () => {
    pool = createWorkerPoolDigester({ workers: 2 });
    const materials = [sample('en-harbor-foods.html'), sample('de-halbleiter.html')];
    const lengths = materials.map((m) => m.bytes.byteLength);
    const digests = await Promise.all(materials.map((m) => pool!.digest(m)));
    expect(digests).toEqual(materials.map(digestMaterial));
    expect(digests[1]?.digest.language).toBe('de');
    // The sentence split comes back with the digest, zod-checked: what a model-written summary cites later.
    expect(digests[1]?.text.rules).toBe('de');
    expect(digests[1]?.text.sentences.length).toBeGreaterThan(3);
    expect(materials.map((m) => m.bytes.byteLength)).toEqual(lengths);
  }, 30_000);

  it('given a page the engine cannot read, then its own error code comes back', async () => {
    pool = createWorkerPoolDigester({ workers: 1 });
    const error = await failure(pool.digest({ bytes: new Uint8Array([0, 1, 2, 0, 0, 255, 0, 3]), contentType: null, url: undefined, name: 'blob.bin' }));
    expect(error.code).toBe('input/binary');
    expect(error.message).toContain('blob.bin');
  }, 30_000);

  it('given an article that outlives its time budget, then it fails with extract/timeout and the pool digests the next one', async () => {
    pool = createWorkerPoolDigester({ workers: 1, timeoutMs: 2000, entry: STUB });
    const error = await failure(pool.digest(named('spin')));
    expect(error.code).toBe('extract/timeout');
    expect(error.message).toContain('spin');
    const next = await pool.digest(sample('en-harbor-foods.html'));
    expect(next).toEqual(digestMaterial(sample('en-harbor-foods.html')));
  }, 30_000);

  it('given a worker that exits or runs out of heap mid-article, then only that article fails and the pool goes on', async () => {
    pool = createWorkerPoolDigester({ workers: 1, maxHeapMb: 32, entry: STUB });
    const [exited, hogged, fine] = await Promise.allSettled([pool.digest(named('exit')), pool.digest(named('hog')), pool.digest(sample('en-harbor-foods.html'))]);
    expect(exited.status === 'rejected' && (exited.reason as DigestError).code).toBe('digest/worker-crashed');
    expect(hogged.status === 'rejected' && (hogged.reason as DigestError).code).toBe('digest/worker-crashed');
    expect(fine.status === 'fulfilled' && fine.value.digest.title).toBe(digestMaterial(sample('en-harbor-foods.html')).digest.title);
  }, 30_000);

  it('given a worker entry that cannot load, then the waiting articles fail with digest/worker-unavailable (not user-facing) instead of waiting for ever', async () => {
    pool = createWorkerPoolDigester({ workers: 2, entry: new URL('../../fakes/no-such-worker.ts', import.meta.url) });
    const errors = await Promise.all([failure(pool.digest(named('one'))), failure(pool.digest(named('two')))]);
    expect(errors.map((e) => [e.code, e.userFacing])).toEqual([['digest/worker-unavailable', false], ['digest/worker-unavailable', false]]);
    expect(errors[0]?.message).toContain('did not start');
  }, 30_000);

  it('given a worker that never says ready, then past the start timeout it is retired, the article fails with digest/worker-unavailable and a warning names the code', async () => {
    const warnings: { msg: string; fields: Record<string, unknown> | undefined }[] = [];
    const logger: Logger = { ...silentLogger, warn: (msg, fields) => { warnings.push({ msg, fields }); } };
    pool = createWorkerPoolDigester({ workers: 1, startTimeoutMs: 500, entry: stubWith('start=hang'), logger });
    const error = await failure(pool.digest(named('one')));
    expect([error.code, error.userFacing]).toEqual(['digest/worker-unavailable', false]);
    expect(error.message).toContain('500 ms');
    expect(warnings).toContainEqual(expect.objectContaining({ fields: expect.objectContaining({ code: 'digest/worker-unavailable' }) as unknown }));
  }, 30_000);

  it.each(['fail', 'hang'])('given one of two workers failing to start (%s), then the healthy one serves every queued article', async (fault) => {
    const marker = join(mkdtempSync(join(tmpdir(), 'digestbot-pool-')), 'claimed');
    try {
      const unavailable: unknown[] = [];
      const logger: Logger = { ...silentLogger, warn: (_msg, fields) => { if (fields?.['code'] === 'digest/worker-unavailable') unavailable.push(fields); } };
      pool = createWorkerPoolDigester({ workers: 2, startTimeoutMs: 8000, logger, entry: stubWith(`start=${fault}&once=${encodeURIComponent(marker)}`) });
      const page = sample('en-harbor-foods.html');
      const digests = await Promise.all([page, page, page, page].map((m) => pool!.digest(m)));
      expect(digests.map((d) => d.digest.title)).toEqual(Array(4).fill(digestMaterial(page).digest.title));
      // The faulty worker really was there (a hung one is retired when its start timeout ends).
      await vi.waitFor(() => { expect(unavailable).toHaveLength(1); }, { timeout: 15_000, interval: 100 });
    } finally {
      rmSync(join(marker, '..'), { recursive: true, force: true });
    }
  }, 30_000);

  it('given a big page, then the event loop keeps running while a worker digests it', async () => {
    pool = createWorkerPoolDigester({ workers: 1 });
    await pool.digest(sample('en-harbor-foods.html')); // the worker is up
    const page = bigPage(512);
    let ticks = 0;
    const ticker = setInterval(() => { ticks++; }, 5);
    let ticksAtEnd = 0;
    try {
      const { digest } = await pool.digest(page);
      ticksAtEnd = ticks;
      expect(digest.figures.length).toBeGreaterThan(0);
    } finally {
      clearInterval(ticker);
    }
    expect(ticksAtEnd).toBeGreaterThan(0);
  }, 30_000);

  it('given a full queue, then one more article is refused with digest/busy; closing fails the waiting ones and later calls', async () => {
    pool = createWorkerPoolDigester({ workers: 1, maxQueue: 1, entry: STUB, timeoutMs: 60_000 });
    const waiting = failure(pool.digest(named('spin')));
    const refused = await failure(pool.digest(named('second')));
    expect(refused.code).toBe('digest/busy');
    await pool.close();
    expect((await waiting).code).toBe('digest/busy');
    expect((await failure(pool.digest(named('after')))).code).toBe('digest/busy');
  }, 30_000);

  it('given an article running when the pool closes, then it fails and close resolves', async () => {
    pool = createWorkerPoolDigester({ workers: 1, entry: STUB, timeoutMs: 60_000 });
    await pool.digest(sample('en-harbor-foods.html')); // the worker is up
    const running = failure(pool.digest(named('spin')));
    await new Promise((r) => setTimeout(r, 50));
    await pool.close();
    expect((await running).code).toBe('digest/busy');
  }, 30_000);
});
