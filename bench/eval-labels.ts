/**
 * `npm run eval` part: label accuracy on the hand-checked figure set
 * (bench/labels/figures.json: references into ../shared plus a reviewer's
 * judgement of value, unit, label words and basis). Each article is digested
 * by the engine; an item counts as
 * - value right when a figure of the article has its value (valueMax for
 *   ranges) within 0.5 % and its unit (currency, percent, points, …);
 * - label right when that figure's label also holds one of the accepted words
 *   and its basis (prior, estimate, guidance, target, or none) is the judged one.
 * The figure stated in the item's sentence is preferred; a fact the engine
 * lists once at another place counts there. Reported per language and per
 * fold (A tuned on, B held out).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { digestArticle, type DigestInput } from '../src/engine/digest.ts';
import { prepareInput } from '../src/engine/input.ts';
import type { Figure } from '../src/engine/schema.ts';
import { logOf, type EvalHooks } from './eval-progress.ts';
import { foldOf, type Fold } from './lib/folds.ts';
import { SKIP_MESSAGE, evalPath, readGz, readJsonl, sharedDir } from './lib/shared.ts';

const here = dirname(fileURLToPath(import.meta.url));

const itemSchema = z.object({
  set: z.enum(['ectsum-val', '20min-de', 'trafilatura-dev', 'seed', 'samples']),
  item: z.string(),
  sentence: z.string().regex(/^[0-9a-f]{16}$/u),
  language: z.enum(['de', 'en']),
  value: z.number(),
  valueMax: z.number().optional(),
  unit: z.string(),
  label: z.array(z.string()).min(1),
  basis: z.enum(['prior', 'estimate', 'guidance', 'target']).nullable(),
});
const labelSetSchema = z.object({ about: z.string(), items: z.array(itemSchema) });
type LabelItem = z.infer<typeof itemSchema>;

/** The sentence key of the label set: SHA-256 over the NFC, white-space-collapsed sentence, 16 hex digits. */
export function sentenceKey(sentence: string): string {
  return createHash('sha256').update(sentence.normalize('NFC').replace(/\s+/gu, ' ').trim()).digest('hex').slice(0, 16);
}

/** The engine input of one referenced article; null when its source is not there. */
function inputOf(set: LabelItem['set'], item: string, texts: Map<string, string>): DigestInput | null {
  if (set === 'samples') {
    const path = resolve(here, '..', 'digests', 'samples', item);
    return existsSync(path) ? prepareInput(new Uint8Array(readFileSync(path)), item) : null;
  }
  if (set === 'seed') {
    const dir = sharedDir();
    const path = dir === null ? null : join(dir, 'seeds', `${item}.txt`);
    return path !== null && existsSync(path) ? { text: readFileSync(path, 'utf8') } : null;
  }
  if (set === 'trafilatura-dev') {
    const path = evalPath('extraction', 'trafilatura-dev', 'html', `${item}.html.gz`);
    return path === null ? null : prepareInput(readGz(path), item);
  }
  const text = texts.get(`${set}:${item}`);
  return text === undefined ? null : { text };
}

function textsOf(): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [set, parts] of [['ectsum-val', ['figures', 'ectsum-val.jsonl']], ['20min-de', ['summaries', '20min-de.jsonl']]] as const) {
    const path = evalPath(...parts);
    if (path !== null) for (const row of readJsonl<{ id: string; text: string }>(path)) texts.set(`${set}:${row.id}`, row.text);
  }
  return texts;
}

const within = (a: number | undefined, b: number): boolean => a !== undefined && Math.abs(a - b) <= Math.abs(b) * 0.005;
const UNIT_KIND: Readonly<Record<string, Figure['kind']>> = {
  '%': 'percent', pp: 'percentage-points', x: 'factor', count: 'count', quantity: 'quantity',
};

function valueMatches(f: Figure, item: LabelItem): boolean {
  const kind = UNIT_KIND[item.unit];
  const unitOk = kind === undefined ? f.kind === 'money' && f.currency === item.unit : f.kind === kind;
  if (!unitOk || !within(f.value, item.value)) return false;
  return item.valueMax === undefined || within(f.valueMax, item.valueMax);
}

function labelMatches(f: Figure, item: LabelItem): boolean {
  const label = f.label.toLowerCase();
  return item.label.some((w) => label.includes(w.toLowerCase())) && (f.basis ?? null) === item.basis;
}

interface Tally { items: number; value: number; label: number }
export interface LabelEvalResult {
  /** Per language and fold. */
  tallies: Record<'de' | 'en', Record<Fold, Tally>>;
  /** Items whose article could not be read. */
  missing: number;
  /** Fold A items whose label or basis is wrong (fold B is never shown: it stays held out). */
  foldAFailures: string[];
}

/** Scores the label set; null when ../shared is absent. */
export function evalLabels(): LabelEvalResult | null {
  if (sharedDir() === null) return null;
  const set = labelSetSchema.parse(JSON.parse(readFileSync(join(here, 'labels', 'figures.json'), 'utf8')));
  const texts = textsOf();
  const digests = new Map<string, Figure[] | null>();
  const empty = (): Record<Fold, Tally> => ({ A: { items: 0, value: 0, label: 0 }, B: { items: 0, value: 0, label: 0 } });
  const result: LabelEvalResult = { tallies: { de: empty(), en: empty() }, missing: 0, foldAFailures: [] };
  for (const item of set.items) {
    const key = `${item.set}:${item.item}`;
    if (!digests.has(key)) {
      const input = inputOf(item.set, item.item, texts);
      digests.set(key, input === null ? null : digestArticle(input).digest.figures);
    }
    const figures = digests.get(key) ?? null;
    if (figures === null) {
      result.missing++;
      continue;
    }
    const candidates = figures.filter((f) => valueMatches(f, item))
      .sort((a, b) => Number(sentenceKey(b.sentence) === item.sentence) - Number(sentenceKey(a.sentence) === item.sentence));
    const tally = result.tallies[item.language][foldOf(key)];
    tally.items++;
    if (candidates.length > 0) tally.value++;
    if (candidates.some((f) => labelMatches(f, item))) tally.label++;
    else if (foldOf(key) === 'A') {
      const got = candidates[0];
      result.foldAFailures.push(`${item.language} ${key} want ${String(item.value)} ${item.unit} [${item.label.join('/')}] ${item.basis ?? '-'}; `
        + (got === undefined ? 'no figure with that value' : `got [${got.label}] ${got.basis ?? '-'}`));
    }
  }
  return result;
}

export function runLabelEval(hooks: EvalHooks = {}): void {
  const log = logOf(hooks);
  log('\n## Figure labels: hand-checked set (bench/labels/figures.json; value, then value + label + basis)');
  const r = evalLabels();
  if (r === null) {
    log(SKIP_MESSAGE);
    return;
  }
  const share = (n: number, of: number): string => `${(n / Math.max(1, of)).toFixed(3)} (${String(n)}/${String(of)})`;
  for (const lang of ['de', 'en'] as const) {
    const { A, B } = r.tallies[lang];
    const all: Tally = { items: A.items + B.items, value: A.value + B.value, label: A.label + B.label };
    log(`${lang}: ${String(all.items)} figures  value ${share(all.value, all.items)}  label ${share(all.label, all.items)}`);
    log(`    fold A (tuned on)   value ${share(A.value, A.items)}  label ${share(A.label, A.items)}`);
    log(`    fold B (held out)   value ${share(B.value, B.items)}  label ${share(B.label, B.items)}`);
  }
  if (r.missing > 0) log(`${String(r.missing)} items skipped: their article is not present`);
  if (process.argv.includes('--fold-a-failures')) for (const line of r.foldAFailures) log(`  fold A miss: ${line}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runLabelEval();
