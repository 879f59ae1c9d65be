/**
 * Fair digests: every source gets a share. Candidates are taken round-robin by recency across sources (each
 * source's newest first, then every source's second newest, …; within a round the newer first), at most
 * `perSource` entries from one source and `max` in all. A candidate that tells a story already chosen joins
 * that entry instead of taking a place. What a cap cuts is counted per source, so the digest can say
 * "and 12 more from Presseschau" with the source's link.
 */
import { sameStory, storyKey, type StoryKey } from './same-story.ts';

/** One article that may become a digest entry. */
export interface Candidate<T> {
  /** Key of the source (its id or name): the share is per key. */
  sourceKey: string;
  /** When it was published or first seen (ISO 8601); null when unknown (then it counts as oldest). */
  at: string | null;
  title: string | null;
  item: T;
}

export interface SelectedEntry<T> {
  /** The first candidate of the story, then the others that told it. */
  items: T[];
  key: StoryKey;
}

export interface Selection<T> {
  entries: SelectedEntry<T>[];
  /** Candidates left out by a cap, per source key (only sources with at least one). */
  cut: Map<string, number>;
}

export interface SelectionLimits {
  /** Most entries in all. */
  max: number;
  /** Most entries whose first candidate is from one source. */
  perSource: number;
}

/** Candidates in round-robin order: each source's own list newest first, rounds newest first. */
export function roundRobin<T>(candidates: readonly Candidate<T>[]): Candidate<T>[] {
  const bySource = new Map<string, Candidate<T>[]>();
  for (const c of candidates) {
    const list = bySource.get(c.sourceKey) ?? [];
    list.push(c);
    bySource.set(c.sourceKey, list);
  }
  const newer = (a: Candidate<T>, b: Candidate<T>): number => (b.at ?? '').localeCompare(a.at ?? '');
  const lists = [...bySource.values()].map((l) => l.map((c, i) => ({ c, i })).sort((a, b) => newer(a.c, b.c) || a.i - b.i).map((x) => x.c));
  const out: Candidate<T>[] = [];
  for (let round = 0; out.length < candidates.length; round++) {
    out.push(...lists.flatMap((l) => (round < l.length ? [l[round] as Candidate<T>] : [])).sort(newer));
  }
  return out;
}

/** Chooses the entries of a digest from its candidates (see the file comment). */
export function selectEntries<T>(candidates: readonly Candidate<T>[], limits: SelectionLimits): Selection<T> {
  const entries: SelectedEntry<T>[] = [];
  const perSource = new Map<string, number>();
  const cut = new Map<string, number>();
  for (const c of roundRobin(candidates)) {
    const key = storyKey(c.title);
    const same = entries.find((e) => sameStory(e.key, key));
    if (same !== undefined) {
      same.items.push(c.item);
      continue;
    }
    const taken = perSource.get(c.sourceKey) ?? 0;
    if (taken >= limits.perSource || entries.length >= limits.max) {
      cut.set(c.sourceKey, (cut.get(c.sourceKey) ?? 0) + 1);
      continue;
    }
    perSource.set(c.sourceKey, taken + 1);
    entries.push({ items: [c.item], key });
  }
  return { entries, cut };
}
