/**
 * Hooks of the evaluation: where result lines go (console.log by default, so
 * `npm run eval` prints as before) and a progress callback told after each
 * item of each data set, so `digestbot eval` can show how far it is.
 */

/** Where one data set's pass stands. */
export interface EvalProgress {
  /** The pass, e.g. `summaries: BBC business (en)` or `extraction: zyte-dev, ours`. */
  dataset: string;
  done: number;
  total: number;
  /** The item just handled (its id). */
  item: string;
}

export interface EvalHooks {
  /** Prints one result line. @defaultValue console.log */
  log?: (line: string) => void;
  /** Told after each item (and once with done 0 when a pass starts). @defaultValue none */
  progress?: (progress: EvalProgress) => void;
}

/** The log function of the hooks. */
export function logOf(hooks: EvalHooks): (line: string) => void {
  return hooks.log ?? ((line) => console.log(line));
}

/** Starts a pass (reported with done 0); `step(item)` reports one more item done. */
export function passOf(hooks: EvalHooks, dataset: string, total: number): { step(item: string): void } {
  let done = 0;
  hooks.progress?.({ dataset, done, total, item: '' });
  return {
    step(item) {
      done++;
      hooks.progress?.({ dataset, done, total, item });
    },
  };
}
