import { afterEach, describe, expect, it, vi } from 'vitest';
import { PassThrough } from 'node:stream';
import { runEvalCommand, type EvalModule } from '../../../adapters/cli/eval.ts';

/** A writable that records chunks, with a settable TTY flag. */
function recorder(isTTY: boolean): PassThrough & { text: () => string; isTTY: boolean; columns: number } {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 100 });
  let text = '';
  stream.on('data', (d: Buffer) => { text += d.toString(); });
  return Object.assign(stream, { text: () => text });
}

/** The fake's clock (ms): each item takes 500 ms. */
let t = 0;

/** A stand-in for bench/eval.ts: two passes of three items, result lines after each. */
const fakeEval: EvalModule = {
  async runEval({ log = () => undefined, progress = () => undefined }) {
    log('# digestbot evaluation');
    for (const dataset of ['summaries: A', 'figures: B']) {
      progress({ dataset, done: 0, total: 3, item: '' });
      for (let i = 1; i <= 3; i++) {
        t += 500;
        progress({ dataset, done: i, total: 3, item: `id-${String(i)}` });
      }
      log(`${dataset} scored`);
    }
    return true;
  },
};

async function run(isTTY: boolean, mod: EvalModule = fakeEval): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = recorder(false);
  const stderr = recorder(isTTY);
  t = 0;
  const code = await runEvalCommand({ stdin: new PassThrough(), stdout, stderr, cwd: '.' }, { load: () => Promise.resolve(mod), now: () => t });
  await new Promise((r) => setImmediate(r));
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('digestbot eval', () => {
  it('given a pipe, then the results on stdout unchanged and one plain progress block per pass on stderr, without \\r', async () => {
    const r = await run(false);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('# digestbot evaluation\nsummaries: A scored\nfigures: B scored\n');
    expect(r.stderr).not.toMatch(/[^\P{Cc}\n]/u); // no \r, no escape codes
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('summaries: A: '))).toEqual([
      // 1/3 came only 0.5 s after the start line: no line of its own (at most one a second).
      'summaries: A: 0/3', 'summaries: A: 2/3 (66%) 2.0/s ETA 00:01', 'summaries: A: 3/3 (100%) done in 00:02',
    ]);
    expect(lines.filter((l) => l.startsWith('figures: B: ')).at(-1)).toBe('figures: B: 3/3 (100%) done in 00:02');
  });

  it('given a terminal, then each pass is one redrawn line ended by a newline before the next pass starts', async () => {
    const r = await run(true);
    const passes = r.stderr.split('\n').filter((l) => l !== '');
    expect(passes).toHaveLength(2);
    expect(passes[0]?.startsWith('\rsummaries: A [')).toBe(true);
    expect(passes[0]).toMatch(/3\/3 100% .* done in \d\d:\d\d$/u);
    expect(passes[1]?.startsWith('\rfigures: B [')).toBe(true);
  });

  it('given bench/ cannot be loaded (production image), then a DigestError saying what is needed', async () => {
    const stdout = recorder(false);
    const stderr = recorder(false);
    await expect(runEvalCommand({ stdin: new PassThrough(), stdout, stderr, cwd: '.' }, { load: () => Promise.reject(Object.assign(new Error('Cannot find module'), { code: 'ERR_MODULE_NOT_FOUND' })) }))
      .rejects.toMatchObject({ code: 'input/not-found', message: expect.stringContaining('development checkout') });
    // Any other failure while loading is not disguised as a missing checkout.
    await expect(runEvalCommand({ stdin: new PassThrough(), stdout, stderr, cwd: '.' }, { load: () => Promise.reject(new SyntaxError('Unexpected token')) }))
      .rejects.toThrow(SyntaxError);
  });

  it('given the real bench/eval.ts and no ../shared, then the skip message and exit 0', async () => {
    vi.stubEnv('DIGESTBOT_SHARED', '/nonexistent/shared');
    const stdout = recorder(false);
    const stderr = recorder(false);
    const code = await runEvalCommand({ stdin: new PassThrough(), stdout, stderr, cwd: '.' });
    await new Promise((r) => setImmediate(r));
    expect(code).toBe(0);
    expect(stdout.text()).toBe('# digestbot evaluation\nskipped: ../shared/eval is not present (it ships only with the development workspace)\n');
    expect(stderr.text()).toBe('');
  });
});
