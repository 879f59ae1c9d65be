/**
 * The cluster campaign at small size (bench/campaigns/cluster.ts runs 50+
 * kills on 1,000 sources): three real bot processes on one PostgreSQL
 * database, SIGKILLed inside the migrations, at the gateway leader, mid-post,
 * mid-poll and mid-digest, and restarted; afterwards every due run is on the
 * fake Discord exactly once, the ledger agrees, at most one instance held the
 * gateway at a time, every instance polled, no source was polled by two at
 * once and no article page was read again while its first reader lived. Skips without TEST_DATABASE_URL.
 */
import { describe, expect, it } from 'vitest';
import { runClusterCampaign } from '../../../bench/campaigns/cluster/run.ts';
import { testDatabase } from '../../fakes/pg/test-database.ts';

const database = await testDatabase();
if (database.skipReason !== null) console.warn(`cluster campaign: ${database.skipReason}`);

describe.skipIf(database.url === null)('cluster campaign (short)', () => {
  it('given three instances killed in migrations, at the leader and mid-post, mid-poll and mid-digest, then no run is posted twice or lost and no source is polled by two at once', async () => {
    const result = await runClusterCampaign({
      serverUrl: database.url ?? '', kills: 4, targets: ['leader', 'post', 'poll', 'digest'], migrationKills: 1, seed: 15,
      sources: 150, guilds: 2, channelsPerGuild: 3, everySeconds: 5, articles: 60_000,
    });
    expect(result.kills).toBeGreaterThanOrEqual(5);
    expect(result.killsByPhase.migration).toBe(1);
    expect(result.killsByPhase.leader).toBeGreaterThanOrEqual(1);
    expect(result.posts.runsDue).toBeGreaterThan(0);
    expect({ duplicates: result.posts.duplicates, misses: result.posts.misses, ledger: result.posts.ledgerMismatches })
      .toEqual({ duplicates: 0, misses: 0, ledger: 0 });
    expect(result.integrityOk).toBe(true);
    expect({ sourcesPolledConcurrently: result.sourcesPolledConcurrently, articlesDigestedTwice: result.articlesDigestedTwice })
      .toEqual({ sourcesPolledConcurrently: 0, articlesDigestedTwice: 0 });
    expect(result.maxGatewaySessionsAtOnce).toBe(1);
    expect(result.leaderChanges).toBeGreaterThanOrEqual(1);
    expect(Object.keys(result.pollsByInstance).sort()).toEqual(['a', 'b', 'c']);
  }, 480_000);
});
