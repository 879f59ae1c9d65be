/** `/figures <query>` and `/risks <query>`: from recent articles of this workspace that match the query. */
import { z } from 'zod';
import type { Digest } from '../engine/schema.ts';
import { formatFigure } from '../format/figure.ts';
import { labelLanguageOf, riskCategoryName } from '../format/risk-category.ts';
import type { Message } from '../messages/model.ts';
import { cachedDigest } from '../digesting/digest-articles.ts';
import type { CommandServices } from './services.ts';
import type { Command } from './types.ts';

/** How far back the query looks. */
export const QUERY_LOOKBACK_DAYS = 7;
const MAX_LINES = 20;

interface Found { digest: Digest; link: string | null }

/** Whether a digest's text contains every word (lower-case). */
function matches(digest: Digest, words: readonly string[]): boolean {
  const text = [digest.title ?? '', ...digest.summary, ...digest.figures.map((f) => `${f.label} ${f.sentence}`), ...digest.risks.map((r) => r.text)].join(' ').toLowerCase();
  return words.every((w) => text.includes(w));
}

/** Digests of the workspace's recent articles (and folder sources) containing every query word (case-insensitive), newest first. */
export async function matchingDigests(services: CommandServices, workspaceId: string, query: string): Promise<Found[]> {
  const words = queryWords(query);
  const since = new Date(services.clock.now().getTime() - QUERY_LOOKBACK_DAYS * 86_400_000).toISOString();
  const found: Found[] = [];
  for (const article of await services.store.articles.recent(workspaceId, since, 500)) {
    if (article.digestHash === null) continue;
    const digest = await cachedDigest(services.store, article.digestHash, services.engineVersion);
    if (digest !== null && matches(digest, words)) found.push({ digest, link: article.link });
  }
  for (const digest of (await services.folderDigests?.(workspaceId)) ?? []) {
    if (matches(digest, words)) found.push({ digest, link: digest.url });
  }
  return found;
}

/** Words of a query (lower-case). */
const queryWords = (query: string): string[] => query.toLowerCase().split(/\s+/u).filter((w) => w !== '');

/**
 * The figures a `/figures` answer lists for one digest: the engine returns every figure, so those whose label or
 * sentence holds a query word come first (in the engine's rank), then the digest's top ones; at most `max`.
 */
export function figuresForQuery(digest: Digest, words: readonly string[], max = 5): Digest['figures'] {
  const hit = (f: Digest['figures'][number]): boolean => words.some((w) => `${f.label} ${f.sentence}`.toLowerCase().includes(w));
  return [...digest.figures.filter(hit), ...digest.figures.filter((f) => !hit(f))].slice(0, max);
}

function answer(title: string, query: string, found: Found[], lines: (d: Digest, words: readonly string[]) => string[]): Message {
  const sections = found.flatMap(({ digest, link }) => {
    const l = lines(digest, queryWords(query));
    return l.length === 0 ? [] : [{ heading: digest.title ?? link ?? '', lines: l, ...(link === null ? {} : { links: [{ label: 'Article', url: link }] }) }];
  });
  let budget = MAX_LINES;
  const capped = sections.flatMap((s) => {
    if (budget <= 0) return [];
    const kept = s.lines.slice(0, budget);
    budget -= kept.length;
    return [{ ...s, lines: kept }];
  });
  if (capped.length === 0) {
    return { title, sections: [{ lines: [`Nothing found for "${query}" in the last ${String(QUERY_LOOKBACK_DAYS)} days.`] }], ephemeral: true };
  }
  return { title, subtitle: `"${query}" · ${String(capped.length)} article(s), last ${String(QUERY_LOOKBACK_DAYS)} days`, sections: capped };
}

const queryArgs = z.tuple([z.string().trim().min(2, 'a query of at least 2 characters').max(200)]);

function queryCommand(name: string, title: string, description: string, lines: (d: Digest, words: readonly string[]) => string[]): Command<CommandServices, typeof queryArgs> {
  return {
    name, description, adminOnly: false, args: queryArgs,
    async run(services, ctx, [query]) {
      return answer(title, query, await matchingDigests(services, ctx.workspaceId, query), lines);
    },
  };
}

export const figuresCommand = queryCommand('figures', 'Key figures', 'key figures from recent articles matching a query: /figures <query>',
  (d, words) => figuresForQuery(d, words).map((f) => `${formatFigure(f, d.language === 'de' ? 'de' : 'en')} — „${f.sentence}“`));

export const risksCommand = queryCommand('risks', 'Risks', 'risks from recent articles matching a query: /risks <query>',
  (d) => d.risks.slice(0, 3).map((r) => `(${riskCategoryName(r.category, labelLanguageOf(d.language))}) ${r.text}`));
