import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreSeed, type SeedGold } from '../../../bench/lib/seed-gold.ts';
import { digestArticle } from '../../../src/engine/digest.ts';
import { digestSchema } from '../../../src/engine/schema.ts';

const shared = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared');
const goldPath = join(shared, 'eval', 'seed-gold.json');
const present = existsSync(goldPath);
if (!present) console.warn('seed test skipped: ../shared/eval/seed-gold.json is not present');

describe.skipIf(!present)('the seed article (../shared/seeds) against seed-gold.json', () => {
  const gold = present ? (JSON.parse(readFileSync(goldPath, 'utf8')) as SeedGold & { source: string }) : null;
  const digest = gold ? digestArticle({ text: readFileSync(join(shared, gold.source), 'utf8') }).digest : null;
  const score = gold && digest ? scoreSeed(digestSchema.parse(digest), gold) : null;

  it('given the scraped seed text, then all 5 gold figures are found with their normalized values', () => {
    expect(score?.figures.filter((f) => f.rank === null).map((f) => f.id)).toEqual([]);
  });

  it('given the scraped seed text, then all 5 gold risks are found as distinct risks', () => {
    expect(score?.risks.filter((r) => r.rank === null).map((r) => r.id)).toEqual([]);
  });

  it('given page furniture in the seed text, then none of it is quoted anywhere in the digest', () => {
    expect(score?.furniture).toEqual([]);
  });

  it('given the seed, then title, language and publish date are right', () => {
    expect({ title: score?.title, language: score?.language, published: score?.published })
      .toEqual({ title: true, language: true, published: true });
  });

  it('given the seed, then the summary has 2–4 verbatim sentences in article order', () => {
    const text = readFileSync(join(shared, gold?.source ?? ''), 'utf8').replace(/\s+/gu, ' ');
    expect(digest?.summary.length).toBeGreaterThanOrEqual(2);
    expect(digest?.summary.length).toBeLessThanOrEqual(4);
    let from = 0;
    for (const s of digest?.summary ?? []) {
      const at = text.indexOf(s.replace(/\s+/gu, ' '), from);
      expect(at, s).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
  });
});
