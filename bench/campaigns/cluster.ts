/**
 * Cluster campaign (issue 15): three bot processes on one PostgreSQL
 * database, the fake Discord (gateway lease, REST) and 1,000 loopback feeds,
 * digests due every ten seconds to 20 channels (4 guilds x 5); instances are killed with
 * SIGKILL at least 50 times (inside migrations, at the gateway leader,
 * mid-poll, mid-digest, mid-post, in start-up, at random) and restarted.
 *
 *   npm run campaign:cluster [-- --quick] [--json] [--seed N]
 *
 * The server is TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres;
 * the campaign creates its own database there and drops it at the end.
 * Exits 1 on a miss or a duplicate post, or on damaged data.
 */
import { parseCampaignFlags, printReport, round2 } from './lib/report.ts';
import { runClusterCampaign, type ClusterCampaignResult } from './cluster/run.ts';

/** The JSON figures. */
export function clusterFigures(r: ClusterCampaignResult): Record<string, unknown> {
  return {
    instances: r.instances, kills: r.kills, runsDue: r.posts.runsDue, posted: r.posts.posted, duplicates: r.posts.duplicates, misses: r.posts.misses,
    articlesDigestedTwice: r.articlesDigestedTwice, sourcesPolledConcurrently: r.sourcesPolledConcurrently, leaderChanges: r.leaderChanges,
    pollsByInstance: r.pollsByInstance, integrityOk: r.integrityOk,
    killsByPhase: r.killsByPhase, gatewayLogins: r.gatewayLogins, maxGatewaySessionsAtOnce: r.maxGatewaySessionsAtOnce,
    postsByInstance: r.posts.postsByInstance, ledgerMismatches: r.posts.ledgerMismatches, consistency: r.consistency,
    window: r.window, durationSeconds: round2(r.durationMs / 1000), ...(r.posts.examples.length > 0 ? { examples: r.posts.examples } : {}),
  };
}

const flags = parseCampaignFlags();
const seed = flags.seed ?? Date.now() % 1_000_000;
const serverUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const sizes = flags.quick
  ? { kills: 6, migrationKills: 1, articles: 60_000, sources: 150, guilds: 2, channelsPerGuild: 3, everySeconds: 5 }
  : { kills: 50, migrationKills: 4, articles: 300_000, sources: 1000, guilds: 4, channelsPerGuild: 5, everySeconds: 10 };
const result = await runClusterCampaign({
  serverUrl, seed, ...sizes,
  ...(flags.json ? {} : { log: (line: string) => void process.stderr.write(`${line}\n`) }),
});
const command = `npm run campaign:cluster --${flags.quick ? ' --quick' : ''} --seed ${String(seed)}`;
if (flags.json) {
  process.stdout.write(`${JSON.stringify({ campaign: 'cluster', command, ...clusterFigures(result) })}\n`);
  if (result.posts.misses > 0 || result.posts.duplicates > 0 || !result.integrityOk) process.exitCode = 1;
} else {
  const target = (figure: string, value: number): { figure: string; value: number; target: string; pass: boolean } => ({ figure, value, target: '0', pass: value === 0 });
  printReport({
    campaign: 'cluster', command,
    rows: [
      { figure: 'instances', value: result.instances },
      { figure: 'kills (SIGKILL)', value: result.kills },
      { figure: 'runs due (run times x channels)', value: result.posts.runsDue },
      { figure: 'runs posted', value: result.posts.posted },
      target('duplicates', result.posts.duplicates),
      target('misses', result.posts.misses),
      target('articles digested twice', result.articlesDigestedTwice),
      target('sources polled concurrently', result.sourcesPolledConcurrently),
      { figure: 'integrity', value: result.integrityOk ? 'ok' : 'damaged', target: 'ok', pass: result.integrityOk },
      { figure: 'gateway leader changes', value: result.leaderChanges },
      { figure: 'most gateway sessions at once', value: result.maxGatewaySessionsAtOnce, target: '<= 1', pass: result.maxGatewaySessionsAtOnce <= 1 },
    ],
    details: clusterFigures(result),
  }, flags, (row) => /duplicates|misses|integrity/u.test(row.figure));
}
