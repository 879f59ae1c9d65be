/**
 * The crash campaign at small size (bench/campaigns/crash.ts runs 100 kills):
 * the real bot as a child process, SIGKILLed inside its migrations, mid-fetch,
 * mid-build, with a post sent and with a post accepted by Discord but not yet
 * in the ledger, then restarted; afterwards every due run is on the fake
 * Discord exactly once, the ledger agrees, and the SQLite file is intact.
 */
import { describe, expect, it } from 'vitest';
import { runCrashCampaign } from '../../../bench/campaigns/crash/run.ts';

describe('crash campaign (short)', () => {
  it('given 5 SIGKILLs spread over the phases, then no run is posted twice or lost and the database is intact', async () => {
    const result = await runCrashCampaign({ kills: 5, seed: 5, articles: 60_000, everySeconds: 2, phases: ['migration', 'fetch', 'post-accepted', 'build', 'post-sent'] });
    expect(result.kills).toBe(5);
    expect(result.restarts).toBe(5);
    expect(result.killsByPhase['migration']).toBeGreaterThanOrEqual(1);
    expect(result.killsByPhase['post-accepted']).toBeGreaterThanOrEqual(1);
    expect(result.verdict.dueRuns).toBeGreaterThan(0);
    expect({ duplicates: result.verdict.duplicates, misses: result.verdict.misses, ledger: result.verdict.ledgerMismatches, strays: result.verdict.strays, early: result.verdict.beforeFirstStart })
      .toEqual({ duplicates: 0, misses: 0, ledger: 0, strays: 0, early: 0 });
    expect(result.repeatedNonces).toBeGreaterThanOrEqual(1); // the post accepted before the kill was sent again, and Discord dropped it
    expect(result.finalDb).toEqual({ integrity: 'ok', foreignKeyProblems: 0, schemaVersion: 4 });
    expect(result.damagedAfterKill).toBe(0);
  }, 60_000);
});
