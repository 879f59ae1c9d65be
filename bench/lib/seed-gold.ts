/**
 * Scores a digest of the seed article against ../shared/eval/seed-gold.json:
 * which gold figures and risks it contains (and at which rank), and which
 * page-furniture strings it quotes anywhere.
 */
import type { Digest, Figure, Risk } from '../../src/engine/schema.ts';

export interface GoldFigure {
  id: string;
  kind: Figure['kind'];
  value: number;
  currency?: string;
  qualifier?: string;
  direction?: string;
  about: string[];
}

export interface GoldRisk {
  id: string;
  about: string[];
}

export interface SeedGold {
  title: string;
  language: string;
  published: string;
  figures: GoldFigure[];
  risks: GoldRisk[];
  mustNotAppear: string[];
}

export interface SeedScore {
  /** 1-based rank of the matching figure/risk in the digest, or null when missing. */
  figures: { id: string; rank: number | null }[];
  risks: { id: string; rank: number | null }[];
  /** mustNotAppear strings found anywhere in the digest. */
  furniture: string[];
  title: boolean;
  language: boolean;
  published: boolean;
}

const mentions = (haystack: string, about: string[]): boolean => {
  const h = haystack.toLowerCase();
  return about.some((a) => h.includes(a.toLowerCase()));
};

export function figureMatches(f: Figure, g: GoldFigure): boolean {
  if (f.kind !== g.kind) return false;
  const close = (v: number | undefined): boolean => v !== undefined && Math.abs(v - g.value) <= Math.abs(g.value) * 0.005;
  if (!close(f.value) && !close(f.valueMax)) return false;
  if (g.currency !== undefined && f.currency !== g.currency) return false;
  if (g.qualifier !== undefined && f.qualifier !== g.qualifier) return false;
  if (g.direction !== undefined && f.direction !== g.direction) return false;
  return mentions(`${f.label} ${f.sentence}`, g.about);
}

export function riskMatches(r: Risk, g: GoldRisk): boolean {
  return mentions(`${r.text} ${r.sentence}`, g.about);
}

/** Assigns each gold item a distinct digest item (bipartite matching), preferring higher ranks. */
function assign<T, G extends { id: string }>(items: T[], gold: G[], matches: (item: T, g: G) => boolean): { id: string; rank: number | null }[] {
  const owner = new Array<number>(items.length).fill(-1);
  const tryAssign = (gi: number, seen: Set<number>): boolean => {
    const g = gold[gi];
    if (g === undefined) return false;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item === undefined || seen.has(i) || !matches(item, g)) continue;
      seen.add(i);
      if (owner[i] === -1 || tryAssign(owner[i] ?? -1, seen)) {
        owner[i] = gi;
        return true;
      }
    }
    return false;
  };
  gold.forEach((_, gi) => tryAssign(gi, new Set()));
  return gold.map((g, gi) => {
    const i = owner.indexOf(gi);
    return { id: g.id, rank: i === -1 ? null : i + 1 };
  });
}

export function scoreSeed(digest: Digest, gold: SeedGold): SeedScore {
  const everything = JSON.stringify(digest).toLowerCase();
  return {
    figures: assign(digest.figures, gold.figures, figureMatches),
    risks: assign(digest.risks, gold.risks, riskMatches),
    furniture: gold.mustNotAppear.filter((s) => everything.includes(s.toLowerCase())),
    title: digest.title === gold.title,
    language: digest.language === gold.language,
    published: (digest.published ?? '').startsWith(gold.published),
  };
}
