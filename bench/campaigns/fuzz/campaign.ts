/**
 * The fuzz campaign, in process: every plan through fast-check (seeded, shrinking a crash to a small
 * counterexample), then the fixed hostile inputs. Each input is timed against its budget; heap after GC and
 * RSS are sampled. Returns the counts the report prints. Used by bench/campaigns/fuzz.ts (in a worker with a
 * watchdog) and by the short integration test (directly).
 */
import fc from 'fast-check';
import { loadCorpus } from './corpus.ts';
import { budgetFor, HOSTILE_CASES } from './hostile.ts';
import { plans, type Plan } from './plans.ts';
import type { Outcome } from './targets.ts';

export interface FuzzOptions {
  quick: boolean;
  seed: number;
  /** Runs per plan in the short version, as a fraction of the full runs. @defaultValue 1/40 */
  quickFraction?: number;
  /** Called before each input with a description (the watchdog's heartbeat). @defaultValue none */
  onInput?(description: string): void;
  /** Progress lines. @defaultValue none */
  log?(line: string): void;
}

export interface TargetCounts {
  tried: number;
  ok: number;
  rejected: Record<string, number>;
  crashes: number;
  hangs: number;
}

export interface Failure {
  kind: 'crash' | 'hang';
  target: string;
  generator: string;
  description: string;
  size: number;
  ms: number;
  error: string;
  /** fast-check replay: seed and path of the shrunk counterexample. */
  seed?: number;
  path?: string;
  counterexample?: string;
  counterexampleError?: string;
}

export interface Slow {
  target: string;
  generator: string;
  size: number;
  ms: number;
  description: string;
}

export interface FuzzResult {
  seed: number;
  quick: boolean;
  targets: Record<string, TargetCounts>;
  failures: Failure[];
  slowest: Slow[];
  /** Time of each hostile case, by name. */
  hostile: { target: string; name: string; size: number; ms: number; budgetMs: number; outcome: string }[];
  peakRssMiB: number;
  heapBaselineMiB: number;
  heapEndMiB: number;
  seedsSkipped: string | null;
  corpusEntries: number;
  wallMs: number;
}

/** Shrink runs after a crash before shrinking stops (a slow crash must not stall the campaign). */
const MAX_SHRINK_RUNS = 300;
const SLOWEST_KEPT = 5;
/** The short version runs only the hostile inputs up to this size (code units or bytes). */
const QUICK_MAX_HOSTILE_SIZE = 1_200_000;
const MiB = 1024 * 1024;

const errorText = (err: unknown): string => {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  const where = err.stack?.split('\n').slice(1, 3).map((l) => l.trim()).join(' | ') ?? '';
  return `${err.name}${typeof code === 'string' ? ` ${code}` : ''}: ${err.message.slice(0, 300)} (${where})`;
};

const heapMiB = (): number => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / MiB;
};

type Verdict = { ok: true; outcome: Outcome; ms: number } | { ok: false; error: unknown; ms: number };

async function execute(run: () => Outcome | Promise<Outcome>): Promise<Verdict> {
  const started = performance.now();
  try {
    const outcome = await run();
    return { ok: true, outcome, ms: performance.now() - started };
  } catch (error) {
    return { ok: false, error, ms: performance.now() - started };
  }
}

export async function runFuzzCampaign(options: FuzzOptions): Promise<FuzzResult> {
  const startedAt = performance.now();
  const log = options.log ?? (() => {});
  const corpus = loadCorpus();
  if (corpus.seedsSkipped !== null) log(corpus.seedsSkipped);
  const targets: Record<string, TargetCounts> = {};
  const failures: Failure[] = [];
  const slowest: Slow[] = [];
  let peakRss = process.memoryUsage.rss();
  let sampled = 0;

  const countsOf = (target: string): TargetCounts => (targets[target] ??= { tried: 0, ok: 0, rejected: {}, crashes: 0, hangs: 0 });
  const record = (target: string, generator: string, description: () => string, size: number, verdict: Verdict, budgetMs: number): boolean => {
    const counts = countsOf(target);
    counts.tried++;
    if (size > 256 * 1024 || ++sampled % 256 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
    if (slowest.length < SLOWEST_KEPT || verdict.ms > (slowest[slowest.length - 1]?.ms ?? 0)) {
      slowest.push({ target, generator, size, ms: verdict.ms, description: description() });
      slowest.sort((a, b) => b.ms - a.ms).splice(SLOWEST_KEPT);
    }
    if (verdict.ms > budgetMs) {
      counts.hangs++;
      failures.push({ kind: 'hang', target, generator, description: description(), size, ms: verdict.ms, error: `over the ${String(budgetMs)} ms budget` });
    }
    if (!verdict.ok) {
      counts.crashes++;
      failures.push({ kind: 'crash', target, generator, description: description(), size, ms: verdict.ms, error: errorText(verdict.error) });
      return false;
    }
    if (verdict.outcome.kind === 'ok') counts.ok++;
    else counts.rejected[verdict.outcome.code] = (counts.rejected[verdict.outcome.code] ?? 0) + 1;
    return true;
  };

  const all = plans(corpus);
  let heapBaseline = Number.NaN;
  for (const [index, p] of all.entries()) {
    const runs = options.quick ? Math.max(20, Math.ceil(p.runs * (options.quickFraction ?? 1 / 40))) : p.runs;
    const seed = (options.seed + index * 7919) | 0;
    await runPlan(p, runs, seed);
    if (index === 0) heapBaseline = heapMiB();
  }

  async function runPlan(p: Plan<unknown>, runs: number, seed: number): Promise<void> {
    const started = performance.now();
    let failed = false;
    let shrinkRuns = 0;
    const details = await fc.check(fc.asyncProperty(p.arb, async (input) => {
      if (failed) {
        // Shrinking: rerun without counting, and stop once the budget of shrink runs is spent.
        if (++shrinkRuns > MAX_SHRINK_RUNS) return true;
        return (await execute(() => p.target.run(input))).ok;
      }
      const size = p.target.size(input);
      options.onInput?.(`${p.target.name} / ${p.name}: ${p.describe(input)}`);
      const verdict = await execute(() => p.target.run(input));
      failed = !record(p.target.name, p.name, () => p.describe(input), size, verdict, budgetFor(size));
      return !failed;
    }), { seed, numRuns: runs });
    if (details.failed) {
      const crash = [...failures].reverse().find((f) => f.kind === 'crash' && f.generator === p.name && f.target === p.target.name);
      const shrunk = details.counterexample?.[0];
      if (crash !== undefined) {
        crash.seed = seed;
        if (details.counterexamplePath !== null) crash.path = details.counterexamplePath;
        if (shrunk !== undefined) {
          crash.counterexample = p.describe(shrunk).slice(0, 400);
          const again = await execute(() => p.target.run(shrunk));
          if (!again.ok) crash.counterexampleError = errorText(again.error);
        }
      }
    }
    log(`${p.target.name} / ${p.name}: ${String(details.numRuns)} runs in ${String(Math.round(performance.now() - started))} ms (seed ${String(seed)})`);
  }

  const hostile: FuzzResult['hostile'] = [];
  for (const c of HOSTILE_CASES) {
    if (c.fullOnly && options.quick) continue;
    globalThis.gc?.();
    const prepared = c.prepare();
    if (options.quick && prepared.size > QUICK_MAX_HOSTILE_SIZE) continue;
    options.onInput?.(`${c.target} / hostile: ${c.name}`);
    const budgetMs = c.budgetMs ?? budgetFor(prepared.size);
    const verdict = await execute(prepared.run);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    record(c.target, 'hostile', () => c.name, prepared.size, verdict, budgetMs);
    const outcome = verdict.ok ? (verdict.outcome.kind === 'ok' ? 'ok' : verdict.outcome.code) : 'CRASH';
    hostile.push({ target: c.target, name: c.name, size: prepared.size, ms: verdict.ms, budgetMs, outcome });
    log(`hostile ${c.target}: ${c.name}: ${outcome} in ${String(Math.round(verdict.ms))} ms`);
  }

  return {
    seed: options.seed, quick: options.quick, targets, failures, slowest, hostile,
    peakRssMiB: peakRss / MiB, heapBaselineMiB: heapBaseline, heapEndMiB: heapMiB(),
    seedsSkipped: corpus.seedsSkipped, corpusEntries: corpus.entries.length, wallMs: performance.now() - startedAt,
  };
}
