/**
 * `npm run bench` part: what the grounding check costs per summary, beside
 * the whole digest of the same pages. Each page's extractive summary is
 * checked the way the LLM path checks a model summary: the article read once
 * (prepareSource), then every summary sentence against its cited sentence
 * (the sentence it was taken from) — the same work a model summary of the
 * same length costs.
 */
import { analyseArticle } from '../src/engine/analyse.ts';
import { tryDigestArticle } from '../src/engine/digest.ts';
import { groundSentence, prepareSource } from '../src/engine/ground/index.ts';
import type { AnalysedArticle } from '../src/engine/types.ts';

interface Case {
  article: AnalysedArticle;
  claims: { text: string; sources: number[] }[];
}

function cases(pages: readonly { html: string; url: string }[]): Case[] {
  const out: Case[] = [];
  for (const page of pages) {
    const result = tryDigestArticle(page);
    if (!result.ok) continue;
    const { article } = analyseArticle(result.value.article);
    const claims = result.value.digest.summary.map((text) => ({ text, sources: article.sentences.filter((s) => s.text === text).map((s) => s.index) }));
    out.push({ article, claims });
  }
  return out;
}

/** Median ms per summary of the check over `rounds` passes, with the digest's median ms per page for scale. */
export function benchGrounding(pages: readonly { html: string; url: string }[], rounds: number, digestMsPerPage: number): void {
  const all = cases(pages);
  if (all.length === 0) return;
  let supported = 0;
  let sentences = 0;
  const passes: number[] = [];
  for (let r = 0; r <= rounds; r++) {
    const t0 = performance.now();
    for (const c of all) {
      const prepared = prepareSource(c.article);
      for (const claim of c.claims) {
        const g = groundSentence(prepared, claim, c.article.rules);
        if (r === 0) {
          sentences++;
          if (g.supported) supported++;
        }
      }
    }
    if (r > 0) passes.push(performance.now() - t0);
  }
  passes.sort((a, b) => a - b);
  const ms = (passes[Math.floor(passes.length / 2)] ?? 0) / all.length;
  console.log(`grounding check (src/engine/ground)              ${ms.toFixed(2).padStart(6)} ms/summary  (${(100 * ms / digestMsPerPage).toFixed(0)} % of a whole digest; ${String(all.length)} summaries, ${String(sentences)} sentences, ${String(supported)} supported as they are verbatim)`);
}
