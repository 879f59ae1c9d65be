/**
 * Short version of the fuzz campaign (bench/campaigns/fuzz.ts): the same plans and hostile inputs at small
 * size, in process. Asserts no crashes (nothing thrown but a DigestError with an expected code, no broken
 * invariant) and that rejections carry codes. Timings are left to the campaign's own output.
 */
import { describe, expect, it } from 'vitest';
import { runFuzzCampaign } from '../../../bench/campaigns/fuzz/campaign.ts';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261207);

describe('fuzz campaign (short)', () => {
  it('given a few thousand hostile inputs to every target, then nothing crashes and every rejection has a code', async () => {
    const result = await runFuzzCampaign({ quick: true, seed: SEED, quickFraction: 1 / 45 });
    // Without ../shared the seed-article mutations are skipped (the bundled samples still run): say so.
    if (result.seedsSkipped !== null) console.info(result.seedsSkipped);
    const crashes = result.failures.filter((f) => f.kind === 'crash');
    expect(crashes.map((f) => `${f.target} / ${f.generator}: ${f.error} — input ${f.description} (seed ${String(f.seed)}, path ${f.path ?? ''}, shrunk ${f.counterexample ?? ''})`)).toEqual([]);
    const targets = Object.entries(result.targets);
    expect(targets.map(([name]) => name).sort()).toEqual(['args', 'feed', 'figures', 'html', 'page-bytes', 'sentences', 'text']);
    const tried = targets.reduce((n, [, t]) => n + t.tried, 0);
    expect(tried).toBeGreaterThanOrEqual(2000);
    for (const [name, t] of targets) {
      expect(t.crashes, name).toBe(0);
      const rejected = Object.values(t.rejected).reduce((a, b) => a + b, 0);
      expect(t.ok + rejected, name).toBe(t.tried);
      for (const code of Object.keys(t.rejected)) expect(code, name).toMatch(/^[a-z]+\/[a-z-]+$/u);
    }
    // The engine and source readers reject only with their documented codes.
    for (const code of Object.keys(result.targets['feed']?.rejected ?? {})) expect(['feed/malformed', 'fetch/unsupported-type']).toContain(code);
    for (const code of Object.keys(result.targets['html']?.rejected ?? {})) expect(code).toBe('extract/no-content');
    // The hostile inputs ran, among them an entity bomb, an external entity and 100,000 nested divs.
    const names = result.hostile.map((h) => h.name);
    expect(names.some((n) => n.includes('lol'))).toBe(true);
    expect(names.some((n) => n.includes('file:///etc/passwd'))).toBe(true);
    expect(names).toContain('100,000 nested divs around the article');
    expect(result.hostile.every((h) => h.outcome !== 'CRASH')).toBe(true);
  }, 60_000);
});
