/** `/figures <query>`: key figures from recent articles of this workspace that match the query (and the query answer /risks shares). */
import type { OptionSpec } from '../chat/catalog.ts';
import type { Digest } from '../engine/schema.ts';
import { formatFigure } from '../format/figure.ts';
import type { Message } from '../messages/model.ts';
import { cachedDigest } from '../digesting/digest-articles.ts';
import { digestSearchText, lineMentionsAny, rankByRelevance } from '../search/word-match.ts';
import type { CommandServices } from './services.ts';
import { defineCommand } from './types.ts';

/** How far back the query looks. */
export const QUERY_LOOKBACK_DAYS = 7;
const MAX_LINES = 20;

interface Found { digest: Digest; link: string | null }

/** Digests of the workspace's recent articles (and folder sources) holding every query word (src/search rules), best match first. */
export async function matchingDigests(services: CommandServices, workspaceId: string, query: string): Promise<Found[]> {
  const since = new Date(services.clock.now().getTime() - QUERY_LOOKBACK_DAYS * 86_400_000).toISOString();
  const found: (Found & { at: string })[] = [];
  for (const article of await services.store.articles.recent(workspaceId, since, 500)) {
    if (article.digestHash === null) continue;
    const digest = await cachedDigest(services.store, article.digestHash, services.engineVersion);
    if (digest !== null) found.push({ digest, link: article.link, at: article.published ?? article.firstSeenAt });
  }
  for (const digest of (await services.folderDigests?.(workspaceId)) ?? []) found.push({ digest, link: digest.url, at: digest.published ?? '' });
  return rankByRelevance(found, query, (f) => digestSearchText(f.digest, f.at));
}

/** Words of a query, as typed (names and tickers are matched case-exact). */
const queryWords = (query: string): string[] => query.split(/\s+/u).filter((w) => w !== '');

/**
 * The figures a `/figures` answer lists for one digest: the engine returns every figure, so those whose label or
 * sentence holds a query word come first (in the engine's rank), then the digest's top ones; at most `max`.
 */
export function figuresForQuery(digest: Digest, words: readonly string[], max = 5): Digest['figures'] {
  const hit = (f: Digest['figures'][number]): boolean => lineMentionsAny(`${f.label} ${f.sentence}`, words.join(' '), digest.language === 'de');
  return [...digest.figures.filter(hit), ...digest.figures.filter((f) => !hit(f))].slice(0, max);
}

/** The lines a query command shows for one matching digest. */
export type QueryLines = (d: Digest, words: readonly string[]) => string[];

function answer(title: string, query: string, found: Found[], lines: QueryLines): Message {
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

/** The query option of /figures and /risks: the rest of the line. */
export const queryOption = {
  name: 'query', description: 'words to look for in recent articles', kind: 'text', required: true, rest: true,
  missing: 'a word to search for', example: 'Siemens', minLength: 2, maxLength: 200,
} as const satisfies OptionSpec;

/** The answer to a query command: the matching recent articles, each with `lines`. */
export async function answerQuery(services: CommandServices, workspaceId: string, title: string, query: string, lines: QueryLines): Promise<Message> {
  return answer(title, query, await matchingDigests(services, workspaceId, query), lines);
}

export const figuresCommand = defineCommand({
  name: 'figures',
  description: 'Key figures from recent articles matching a query',
  adminOnly: false,
  options: [queryOption],
  run: (services: CommandServices, ctx, [query]) => answerQuery(services, ctx.workspaceId, 'Key figures', query,
    (d, words) => figuresForQuery(d, words).map((f) => `${formatFigure(f, d.language === 'de' ? 'de' : 'en')} — „${f.sentence}“`)),
});
