import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../../src/engine/analyse.ts';
import { MAX_RISKS } from '../../../../src/engine/digest.ts';
import { extractFromText } from '../../../../src/engine/extract/text.ts';
import { extractRisks } from '../../../../src/engine/risks/index.ts';
import type { Risk } from '../../../../src/engine/schema.ts';

const shared = resolve(import.meta.dirname, '..', '..', '..', '..', '..', 'shared');
const goldPath = join(shared, 'eval', 'seed-gold.json');
const present = existsSync(goldPath);
if (!present) console.warn('seed risk test skipped: ../shared/eval/seed-gold.json is not present');

interface Gold {
  source: string;
  risks: { id: string; about: string[] }[];
  mustNotAppear: string[];
}

const mentions = (r: Risk, about: string[]): boolean => {
  const h = `${r.text} ${r.sentence}`.toLowerCase();
  return about.some((a) => h.includes(a.toLowerCase()));
};

/** 1-based ranks of distinct risks matching each gold risk (bipartite matching, best ranks first), or null. */
function assign(risks: Risk[], gold: Gold['risks']): (number | null)[] {
  const owner = new Array<number>(risks.length).fill(-1);
  const tryGold = (gi: number, seen: Set<number>): boolean => {
    for (let i = 0; i < risks.length; i++) {
      const r = risks[i];
      const g = gold[gi];
      if (r === undefined || g === undefined || seen.has(i) || !mentions(r, g.about)) continue;
      seen.add(i);
      if (owner[i] === -1 || tryGold(owner[i] ?? -1, seen)) {
        owner[i] = gi;
        return true;
      }
    }
    return false;
  };
  gold.forEach((_, gi) => tryGold(gi, new Set()));
  return gold.map((_, gi) => (owner.includes(gi) ? owner.indexOf(gi) + 1 : null));
}

describe.skipIf(!present)('risks of the seed article (../shared/seeds) against seed-gold.json', () => {
  const gold = present ? (JSON.parse(readFileSync(goldPath, 'utf8')) as Gold) : null;
  const text = gold ? readFileSync(join(shared, gold.source), 'utf8') : '';
  const risks = extractRisks(analyseArticle(extractFromText(text)).article);

  it('given the scraped seed text, then each gold risk is matched by a distinct risk within the digest\'s top risks', () => {
    const top = risks.slice(0, MAX_RISKS);
    const ranks = assign(top, gold?.risks ?? []);
    expect(Object.fromEntries((gold?.risks ?? []).map((g, i) => [g.id, ranks[i] !== null]))).toEqual(
      Object.fromEntries((gold?.risks ?? []).map((g) => [g.id, true])),
    );
  });

  it('given page furniture in the seed text, then no risk quotes it', () => {
    const quoted = (gold?.mustNotAppear ?? []).filter((f) => risks.some((r) => `${r.text} ${r.sentence}`.toLowerCase().includes(f.toLowerCase())));
    expect(quoted).toEqual([]);
  });

  it('given the seed, then every risk sentence is verbatim from the article and statements come from their sentence', () => {
    const flat = text.replace(/\s+/gu, ' ');
    for (const r of risks) {
      expect(flat).toContain(r.sentence);
      expect(r.sentence).toContain(r.text.replace(/^…|…$/gu, ''));
    }
  });
});
