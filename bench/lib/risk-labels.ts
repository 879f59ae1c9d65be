/**
 * The hand-labelled risk sentences (bench/labels/risks.json) and the articles
 * they come from: each label names a DEV item in ../shared and the hash of one
 * sentence as the engine's splitter cuts it; the text is loaded from ../shared.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { analyseArticle } from '../../src/engine/analyse.ts';
import { extractFromHtml } from '../../src/engine/extract/html.ts';
import { extractFromText } from '../../src/engine/extract/text.ts';
import { riskCategorySchema } from '../../src/engine/schema.ts';
import type { AnalysedArticle } from '../../src/engine/types.ts';
import { readGz, readJsonl } from './shared.ts';

export const riskLabelSchema = z.object({
  set: z.enum(['bbc-business', 'cnndm-sample', '20min-de', 'ectsum-val', 'trafilatura-dev', 'seeds']),
  id: z.string().min(1),
  hash: z.string().regex(/^[0-9a-f]{16}$/u),
  lang: z.string(),
  risk: z.boolean(),
  category: riskCategorySchema.optional(),
});
export type RiskLabel = z.infer<typeof riskLabelSchema>;

const labelFileSchema = z.object({ about: z.string(), method: z.string(), labels: z.array(riskLabelSchema).min(1) });

export const LABELS_PATH = join(import.meta.dirname, '..', 'labels', 'risks.json');

/** The labels, validated. */
export function readRiskLabels(path = LABELS_PATH): RiskLabel[] {
  return labelFileSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).labels;
}

/** The hash a label stores for a sentence: SHA-256 of NFC, collapsed, trimmed, lower-cased text, 16 hex digits. */
export function sentenceHash(text: string): string {
  const normalized = text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
  return createHash('sha256').update(normalized).digest('hex').slice(0, 16);
}

type Source = { kind: 'text'; body: string } | { kind: 'html'; body: string };

interface JsonItem { id?: string; title?: string; text: string }

/** Item id → its body, for the items of `set` that `wanted` names. */
function loadSet(shared: string, set: RiskLabel['set'], wanted: ReadonlySet<string>): Map<string, Source> {
  const out = new Map<string, Source>();
  const jsonl = (file: string, withTitle: boolean): void => {
    readJsonl<JsonItem>(join(shared, 'eval', file)).forEach((o, i) => {
      const id = o.id ?? String(i);
      if (!wanted.has(id)) return;
      out.set(id, { kind: 'text', body: withTitle && o.title !== undefined ? `${o.title}\n\n${o.text}` : o.text });
    });
  };
  switch (set) {
    case 'bbc-business': jsonl('summaries/bbc-business.jsonl', true); break;
    case 'cnndm-sample': jsonl('summaries/cnndm-sample.jsonl', false); break;
    case '20min-de': jsonl('summaries/20min-de.jsonl', false); break;
    case 'ectsum-val': jsonl('figures/ectsum-val.jsonl', false); break;
    case 'seeds':
      for (const id of wanted) out.set(id, { kind: 'text', body: readFileSync(join(shared, 'seeds', id), 'utf8') });
      break;
    case 'trafilatura-dev':
      for (const id of wanted) {
        const html = Buffer.from(readGz(join(shared, 'eval', 'extraction', 'trafilatura-dev', 'html', `${id}.html.gz`))).toString('utf8');
        out.set(id, { kind: 'html', body: html });
      }
      break;
  }
  return out;
}

/** The analysed articles the labels point to, keyed `set:id` (missing items are left out). */
export function loadLabelledArticles(shared: string, labels: readonly RiskLabel[]): Map<string, AnalysedArticle> {
  const wanted = new Map<RiskLabel['set'], Set<string>>();
  for (const l of labels) wanted.set(l.set, (wanted.get(l.set) ?? new Set()).add(l.id));
  const articles = new Map<string, AnalysedArticle>();
  for (const [set, ids] of wanted) {
    for (const [id, src] of loadSet(shared, set, ids)) {
      const extracted = src.kind === 'html' ? extractFromHtml(src.body, {}) : extractFromText(src.body);
      articles.set(`${set}:${id}`, analyseArticle(extracted).article);
    }
  }
  return articles;
}
