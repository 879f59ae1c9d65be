/**
 * `npm run eval` part: the grounding check (src/engine/ground) on reference
 * highlights. Pairs come from CNN/DailyMail (en) and 20 Minuten (de): each
 * reference sentence as it is (mostly faithful: a flag is a false alarm) and
 * the same sentence with one number, currency, scale or name changed by
 * bench/lib/perturb.ts (a flag is a catch). Highlights are abstractive and
 * cite no sentence ids, so each sentence is checked against the whole article
 * — what `digestbot ground` does when no ids are given. Reported per fold.
 *
 * A flag on a reference sentence is a false alarm only when the article does
 * support the sentence: each flagged sentence has been read and judged by hand
 * (bench/lib/ground-judgements.ts). Flags the list charges to the reference
 * (it names what the article does not) are reported beside the false alarms;
 * a flag nobody has judged yet counts as a false alarm.
 */
import { pathToFileURL } from 'node:url';
import { prepareText, rulesOf } from '../src/engine/ground/ground-text.ts';
import { groundSentence, type GroundedSentence } from '../src/engine/ground/index.ts';
import { splitSentences } from '../src/engine/sentences.ts';
import { logOf, passOf, type EvalHooks } from './eval-progress.ts';
import { foldOf, type Fold } from './lib/folds.ts';
import { JUDGEMENTS, sentenceKey } from './lib/ground-judgements.ts';
import { perturbations, type Perturbation } from './lib/perturb.ts';
import { SKIP_MESSAGE, evalPath, readJsonl } from './lib/shared.ts';

interface Item {
  id: string;
  text: string;
  reference: string | string[];
  /** 20 Minuten: the article's lead paragraph, written by the newsroom (mostly faithful, like the bullets). */
  lead?: string;
}

interface Tally {
  faithful: number;
  flagged: number;
  /** Flags the hand judgements charge to the reference: it states what the article does not. */
  referenceUnsupported: number;
  /** Sentences judged "reference not supported" that the check now lets pass. */
  judgedButPassed: number;
  perturbed: number;
  caught: number;
  byKind: Map<Perturbation['kind'], { n: number; caught: number }>;
  /** Problem kinds behind the false alarms. */
  alarmKinds: Map<string, number>;
  ms: number;
  checks: number;
}

const newTally = (): Tally => ({ faithful: 0, flagged: 0, referenceUnsupported: 0, judgedButPassed: 0, perturbed: 0, caught: 0, byKind: new Map(), alarmKinds: new Map(), ms: 0, checks: 0 });

/** The reference's sentences: CNN/DM highlights are joined by " . ", 20 Minuten gives a list. */
export function referenceSentences(reference: string | string[], rules: 'de' | 'en'): string[] {
  if (Array.isArray(reference)) return reference.map((s) => s.trim()).filter((s) => s !== '');
  return reference.split(/\s+\.(?:\s+|$)|\n+/u).flatMap((s) => splitSentences(s, rules)).map((s) => s.trim()).filter((s) => s !== '');
}

/** One false alarm or miss, kept for the report. */
export interface Example {
  id: string;
  text: string;
  detail: string;
  /** For a flagged reference sentence: whether the flag is a false alarm. */
  falseAlarm?: boolean;
}

/** Checks one reference sentence as it is; a flag is charged to the reference or counted as a false alarm. */
function tallyFaithful(id: string, sentence: string, result: GroundedSentence, tally: Tally, alarms: Example[]): void {
  tally.faithful++;
  const judged = JUDGEMENTS.get(sentenceKey(id, sentence));
  if (result.supported) {
    if (judged?.verdict === 'reference') tally.judgedButPassed++;
    return;
  }
  tally.flagged++;
  const problems = result.problems.map((p) => `${p.kind}: ${p.text}`).join('; ');
  if (judged?.verdict === 'reference') {
    tally.referenceUnsupported++;
    alarms.push({ id, text: sentence, detail: `[reference not supported] ${problems} — ${judged.why}`, falseAlarm: false });
    return;
  }
  for (const p of result.problems) tally.alarmKinds.set(p.kind, (tally.alarmKinds.get(p.kind) ?? 0) + 1);
  alarms.push({ id, text: sentence, detail: `[false alarm] ${problems} — ${judged?.why ?? 'not judged yet'}`, falseAlarm: true });
}

function evalItem(item: Item, tally: Tally, alarms: Example[], misses: Example[]): void {
  const prepared = prepareText(item.text);
  const check = (text: string): GroundedSentence => {
    const t0 = performance.now();
    const out = groundSentence(prepared, { text }, rulesOf(text, prepared.rules));
    tally.ms += performance.now() - t0;
    tally.checks++;
    return out;
  };
  for (const sentence of referenceSentences(item.reference, prepared.rules)) {
    tallyFaithful(item.id, sentence, check(sentence), tally, alarms);
    for (const p of perturbations(sentence, item.text)) {
      const result = check(p.text);
      const kind = tally.byKind.get(p.kind) ?? { n: 0, caught: 0 };
      kind.n++;
      tally.perturbed++;
      if (!result.supported) {
        kind.caught++;
        tally.caught++;
      } else {
        misses.push({ id: item.id, text: p.text, detail: p.change });
      }
      tally.byKind.set(p.kind, kind);
    }
  }
}

const share = (a: number, b: number): string => (b === 0 ? '—' : (a / b).toFixed(3));

function report(log: (line: string) => void, name: string, tallies: Record<Fold, Tally>): void {
  log(`\n## grounding: ${name}`);
  log('| fold | reference sentences | flagged | of them: reference not supported (read by hand) | false alarms (target ≤ 0.10) | perturbed sentences | flagged (target ≥ 0.95) | µs per sentence (article read included) |');
  log('|---|---|---|---|---|---|---|---|');
  for (const fold of ['A', 'B'] as const) {
    const t = tallies[fold];
    log(`| ${fold} | ${t.faithful} | ${share(t.flagged, t.faithful)} | ${share(t.referenceUnsupported, t.faithful)} | ${share(t.flagged - t.referenceUnsupported, t.faithful)} | ${t.perturbed} | ${share(t.caught, t.perturbed)} | ${(1000 * t.ms / Math.max(1, t.checks)).toFixed(0)} |`);
  }
  const passed = tallies.A.judgedButPassed + tallies.B.judgedButPassed;
  if (passed > 0) log(`  judged "reference not supported" but no longer flagged: ${passed}`);
  const kinds = new Set([...tallies.A.byKind.keys(), ...tallies.B.byKind.keys()]);
  for (const kind of kinds) {
    const a = tallies.A.byKind.get(kind) ?? { n: 0, caught: 0 };
    const b = tallies.B.byKind.get(kind) ?? { n: 0, caught: 0 };
    log(`  perturbed ${kind}: A ${a.caught}/${a.n}, B ${b.caught}/${b.n}`);
  }
  const alarmKinds = new Map<string, number>();
  for (const t of [tallies.A, tallies.B]) for (const [k, n] of t.alarmKinds) alarmKinds.set(k, (alarmKinds.get(k) ?? 0) + n);
  log(`  false alarms by problem kind: ${[...alarmKinds].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
}

const SETS: readonly { name: string; file: string; summary: (item: Item) => string | string[] }[] = [
  { name: 'CNN/DailyMail highlights (en)', file: 'cnndm-sample.jsonl', summary: (item) => item.reference },
  { name: '20 Minuten bullets (de)', file: '20min-de.jsonl', summary: (item) => item.reference },
  { name: '20 Minuten leads (de)', file: '20min-de.jsonl', summary: (item) => item.lead ?? [] },
];

/** Runs the grounding evaluation; prints every false alarm and miss when `verbose`. */
export function runGroundingEval(hooks: EvalHooks = {}, verbose = false): boolean {
  const log = logOf(hooks);
  let ran = false;
  for (const set of SETS) {
    const path = evalPath('summaries', set.file);
    if (path === null) {
      log(`\n## grounding: ${set.name}\n${SKIP_MESSAGE}`);
      continue;
    }
    ran = true;
    const items = readJsonl<Item>(path).map((item) => ({ ...item, reference: set.summary(item) }));
    const tallies: Record<Fold, Tally> = { A: newTally(), B: newTally() };
    const alarms: Example[] = [];
    const misses: Example[] = [];
    const pass = passOf(hooks, `grounding: ${set.name}`, items.length);
    for (const item of items) {
      evalItem(item, tallies[foldOf(item.id)], alarms, misses);
      pass.step(item.id);
    }
    report(log, set.name, tallies);
    // Why each false alarm happens (the sentences themselves only with --verbose).
    for (const a of alarms) if (a.falseAlarm === true && !verbose) log(`  false alarm ${a.id} [${foldOf(a.id)}] ← ${a.detail}`);
    if (verbose) {
      for (const a of alarms) log(`  flagged ${a.id} [${foldOf(a.id)}]: ${a.text}  ← ${a.detail}`);
      for (const m of misses) log(`  missed ${m.id} [${foldOf(m.id)}]: ${m.text}  ← ${m.detail}`);
    }
  }
  return ran;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runGroundingEval({}, process.argv.includes('--verbose'));
