/**
 * `digestbot eval`: the evaluation `npm run eval` runs (bench/eval.ts), its
 * results on standard output as before, with a progress display per data set
 * on standard error. bench/ and its baselines are development files (not in
 * the Docker image), so they are loaded with a dynamic import only here.
 */
import { DigestError } from '../../src/index.ts';
import type { CliIo } from './io.ts';
import { createProgress, type Progress, type ProgressStream } from './progress.ts';

/** What the CLI needs of bench/eval.ts. */
export interface EvalModule {
  runEval(hooks: {
    log?: (line: string) => void;
    progress?: (p: { dataset: string; done: number; total: number; item: string }) => void;
  }): Promise<boolean>;
}

export interface EvalDeps {
  /** Loads bench/eval.ts. @defaultValue a dynamic import of ../../bench/eval.ts */
  load?: () => Promise<EvalModule>;
  /** Milliseconds for the progress display. @defaultValue performance.now */
  now?: () => number;
}

const loadBench = async (): Promise<EvalModule> => import('../../bench/eval.ts');

/** Runs the evaluation; resolves with the exit code (0 also when ../shared is absent and it skipped). */
export async function runEvalCommand(io: CliIo, deps: EvalDeps = {}): Promise<number> {
  let mod: EvalModule;
  try {
    mod = await (deps.load ?? loadBench)();
  } catch (err) {
    // bench/ or a baseline library is missing (the Docker image has neither); any other failure is a bug shown as such.
    if ((err as { code?: unknown } | null)?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
    throw new DigestError('input/not-found', 'the evaluation needs the development checkout (bench/ and the dev dependencies: npm ci)', { cause: err });
  }
  const stream = io.stderr as ProgressStream;
  let current: { dataset: string; progress: Progress } | null = null;
  try {
    await mod.runEval({
      // Result lines come between passes (after a pass's display has ended), so they never cut into it.
      log: (line) => {
        io.stdout.write(`${line}\n`);
      },
      progress: ({ dataset, done, total, item }) => {
        if (current?.dataset !== dataset) {
          current?.progress.finish();
          current = { dataset, progress: createProgress({ stream, title: dataset, total, ...(deps.now === undefined ? {} : { now: deps.now }) }) };
        }
        current.progress.update(done, item);
        if (done >= total) {
          current.progress.finish();
          current = null;
        }
      },
    });
    return 0;
  } finally {
    (current as { progress: Progress } | null)?.progress.finish();
  }
}
