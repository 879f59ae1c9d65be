/**
 * Extraction quality and speed: our HTML extractor vs Readability.js + linkedom
 * (and + jsdom with EVAL_JSDOM=1) on the Zyte and trafilatura development sets,
 * with the metrics of ../shared/eval/README.md. Pages are decoded with decodeHtml.
 * EVAL_PAGES_OUT=<file> writes per-page scores (for finding the worst pages);
 * EVAL_NO_BASELINE=1 skips Readability (quick iterations). Every line is given for all pages
 * and for folds A and B (bench/lib/folds.ts, id = page key): tune on fold A, report fold B.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { logOf, passOf, type EvalHooks } from './eval-progress.ts';
import { foldOf, splitFolds } from './lib/folds.ts';
import { readabilityArticleJsdom, readabilityArticleLinkedom, type ReadabilityArticle } from './lib/readability.ts';
import { evalPath, readGz, SKIP_MESSAGE } from './lib/shared.ts';
import { decodeHtml } from '../src/engine/extract/charset.ts';
import { extractFromHtml } from '../src/engine/extract/html.ts';

/** Title and article text of one page. */
type Extractor = (html: string, url: string) => ReadabilityArticle;

interface Page {
  id: string;
  url: string;
  html: string;
}

/** Our title and text: the article body as the digest reads it (paragraphs, blank-line separated, as articleText). */
export function oursArticle(html: string, url: string): ReadabilityArticle {
  const article = extractFromHtml(html, url === '' ? {} : { url });
  return { title: article.title ?? '', text: article.paragraphs.join('\n\n') };
}

const WORD = /[\p{L}\p{N}\p{M}_]+/gu;
const SPACE_RUN = /\s+/gu;

function shingles(text: string): Map<string, number> {
  const tokens = text.match(WORD) ?? [];
  const counts = new Map<string, number>();
  const n = tokens.length < 4 ? Math.min(tokens.length, 1) : tokens.length - 3;
  for (let i = 0; i < n; i++) {
    const key = tokens.slice(i, i + 4).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Zyte: precision and recall of 4-word shingles (multiset overlap) for one page. */
export function shinglePR(truth: string, predicted: string): { p: number; r: number } {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let nt = 0;
  let np = 0;
  for (const c of t.values()) nt += c;
  for (const [k, c] of p) {
    np += c;
    tp += Math.min(c, t.get(k) ?? 0);
  }
  if (nt === 0 && np === 0) return { p: 1, r: 1 };
  return { p: np === 0 ? 0 : tp / np, r: nt === 0 ? 1 : tp / nt };
}

/** One page's score: shingle P/R (Zyte) or snippet counts (trafilatura). */
interface PageScore {
  id: string;
  p: number;
  r: number;
  tp: number;
  fp: number;
  fn: number;
  ms: number;
}

interface Scored {
  name: string;
  precision: number;
  recall: number;
  f1: number;
  msPerPage: number;
  pages: number;
}

interface Run {
  scores: PageScore[];
  perPage: string[];
}

function timed(extract: Extractor, page: Page): ReadabilityArticle & { ms: number } {
  const t0 = performance.now();
  let article: ReadabilityArticle = { title: '', text: '' };
  try {
    article = extract(page.html, page.url);
  } catch {
    // A failing page scores as empty.
  }
  return { ...article, ms: performance.now() - t0 };
}

function scoreZyte(pages: Page[], truth: Map<string, string>, extract: Extractor, step: (item: string) => void = () => undefined): Run {
  const scores: PageScore[] = [];
  const perPage: string[] = [];
  for (const page of pages) {
    const run = timed(extract, page);
    const { p, r } = shinglePR(truth.get(page.id) ?? '', run.text);
    scores.push({ id: page.id, p, r, tp: 0, fp: 0, fn: 0, ms: run.ms });
    const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    step(page.id);
    perPage.push(`zyte\t${page.id}\t${foldOf(page.id)}\t${f.toFixed(3)}\tP ${p.toFixed(3)}\tR ${r.toFixed(3)}\t${run.ms.toFixed(1)}ms\t${page.url}`);
  }
  return { scores, perPage };
}

/** Zyte: P and R averaged over pages, F1 of the averages. */
function zyteTotals(name: string, scores: readonly PageScore[]): Scored {
  const n = Math.max(1, scores.length);
  const precision = scores.reduce((a, s) => a + s.p, 0) / n;
  const recall = scores.reduce((a, s) => a + s.r, 0) / n;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { name, precision, recall, f1, msPerPage: scores.reduce((a, s) => a + s.ms, 0) / n, pages: scores.length };
}

interface Gold {
  url: string;
  with: string[];
  without: string[];
}

const norm = (s: string): string => s.replace(SPACE_RUN, ' ').trim();

function scoreTrafilatura(pages: Page[], gold: Map<string, Gold>, extract: Extractor, step: (item: string) => void = () => undefined): Run {
  const scores: PageScore[] = [];
  const perPage: string[] = [];
  for (const page of pages) {
    const g = gold.get(page.id);
    if (g === undefined) continue;
    const run = timed(extract, page);
    step(page.id);
    // Body only (as articleText), for every extractor alike: scoring title + body measured the same F1 for ours.
    const text = norm(run.text);
    const missed = g.with.filter((s) => text === '' || !text.includes(norm(s)));
    const leaked = text === '' ? [] : g.without.filter((s) => text.includes(norm(s)));
    scores.push({ id: page.id, p: 0, r: 0, tp: g.with.length - missed.length, fp: leaked.length, fn: missed.length, ms: run.ms });
    perPage.push(`traf\t${page.id}\t${foldOf(page.id)}\tmissed ${String(missed.length)}/${String(g.with.length)}\tleaked ${String(leaked.length)}/${String(g.without.length)}\t${run.ms.toFixed(1)}ms\t${g.url}`
      + missed.map((s) => `\n   - MISSED ${s.slice(0, 100)}`).join('') + leaked.map((s) => `\n   + LEAKED ${s.slice(0, 100)}`).join(''));
  }
  return { scores, perPage };
}

/** trafilatura: snippets pooled over pages. */
function trafilaturaTotals(name: string, scores: readonly PageScore[]): Scored {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let ms = 0;
  for (const s of scores) {
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
    ms += s.ms;
  }
  return {
    name, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), f1: (2 * tp) / Math.max(1, 2 * tp + fp + fn),
    msPerPage: ms / Math.max(1, scores.length), pages: scores.length,
  };
}

function loadPages(dir: string, ids: string[], urls: (id: string) => string, suffix: string, step: (item: string) => void = () => undefined): Page[] {
  const pages: Page[] = [];
  for (const id of ids) {
    try {
      pages.push({ id, url: urls(id), html: decodeHtml(readGz(join(dir, `${id}${suffix}`)), null) });
    } catch {
      // A missing page file is skipped; the count printed below shows it.
    }
    step(id);
  }
  return pages;
}

function extractors(): [string, Extractor][] {
  const list: [string, Extractor][] = [['ours', oursArticle]];
  if (process.env['EVAL_NO_BASELINE'] !== '1') list.push(['Readability.js + linkedom', readabilityArticleLinkedom]);
  if (process.env['EVAL_JSDOM'] === '1') list.push(['Readability.js + jsdom', readabilityArticleJsdom]);
  return list;
}

const fmt = (label: string, s: Scored): string =>
  `  ${s.name.padEnd(28)} ${label.padEnd(12)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  ${s.msPerPage.toFixed(2)} ms/page`;

/** Logs pooled, fold A and fold B totals of one extractor's run. */
function logFolds(log: (line: string) => void, name: string, run: Run, totals: (name: string, scores: readonly PageScore[]) => Scored): void {
  const folds = splitFolds(run.scores, (s) => s.id);
  log(fmt(`all (${String(run.scores.length)})`, totals(name, run.scores)));
  log(fmt(`fold A (${String(folds.A.length)})`, totals(name, folds.A)));
  log(fmt(`fold B (${String(folds.B.length)})`, totals(name, folds.B)));
}

export async function runExtractionEval(hooks: EvalHooks = {}): Promise<void> {
  const log = logOf(hooks);
  log('\n## Extraction (ours vs Readability.js, same run)');
  const zyteDir = evalPath('extraction', 'zyte-dev');
  const trafDir = evalPath('extraction', 'trafilatura-dev');
  if (zyteDir === null && trafDir === null) {
    log(SKIP_MESSAGE);
    return;
  }
  const perPage: string[] = [];
  if (zyteDir !== null) {
    const truthJson = JSON.parse(readFileSync(join(zyteDir, 'ground-truth.json'), 'utf8')) as Record<string, { url: string; articleBody: string }>;
    const truth = new Map(Object.entries(truthJson).map(([id, v]) => [id, v.articleBody]));
    const ids = [...truth.keys()];
    const pages = loadPages(join(zyteDir, 'html'), ids, (id) => truthJson[id]?.url ?? '', '.html.gz', passOf(hooks, 'extraction: loading zyte-dev', ids.length).step);
    log(`zyte-dev, ${String(pages.length)} pages (4-word shingles, P/R averaged over pages; body only, as articleBody):`);
    for (const [name, extract] of extractors()) {
      const run = scoreZyte(pages, truth, extract, passOf(hooks, `extraction: zyte-dev, ${name}`, pages.length).step);
      logFolds(log, name, run, zyteTotals);
      if (name === 'ours') perPage.push(...run.perPage);
    }
  }
  if (trafDir !== null) {
    const gold = new Map(Object.entries(JSON.parse(readFileSync(join(trafDir, 'gold.json'), 'utf8')) as Record<string, Gold>));
    const ids = [...gold.keys()];
    const pages = loadPages(join(trafDir, 'html'), ids, () => '', '.html.gz', passOf(hooks, 'extraction: loading trafilatura-dev', ids.length).step);
    log(`trafilatura-dev, ${String(pages.length)} pages (with/without snippets, pooled; body only):`);
    for (const [name, extract] of extractors()) {
      const run = scoreTrafilatura(pages, gold, extract, passOf(hooks, `extraction: trafilatura-dev, ${name}`, pages.filter((p) => gold.has(p.id)).length).step);
      logFolds(log, name, run, trafilaturaTotals);
      if (name === 'ours') perPage.push(...run.perPage);
    }
  }
  const out = process.env['EVAL_PAGES_OUT'];
  if (out !== undefined && out !== '') writeFileSync(out, `${perPage.join('\n')}\n`);
  await Promise.resolve();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runExtractionEval();
