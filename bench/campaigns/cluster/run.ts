/**
 * The cluster campaign (issue 15): three bot processes on one fresh
 * PostgreSQL database, the fake Discord (gateway behind a lease, REST behind
 * a holding proxy) and `sources` feeds on loopback, digests due every few
 * seconds to `channels` channels. Instances are killed with SIGKILL (first
 * inside the start-up migrations, then at the gateway leader, mid-poll,
 * mid-digest, mid-post, in start-up and at random) and restarted under the
 * same name; at the end all run cleanly for a while and stop on SIGTERM, and
 * the posts, polls and page fetches the fakes saw are held against the
 * schedule and the ledger.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMA_MIGRATIONS } from '../../../src/store/migrations.ts';
import { prepareChild } from '../crash/bundle.ts';
import { random } from '../crash/run.ts';
import { aim, killRecorded, PHASES, sleep, TARGETS, type Phase, type Target, type Witnesses } from './aim.ts';
import { createClusterDatabase, type ClusterDatabase } from './database.ts';
import { startClusterDiscord } from './discord.ts';
import { articlesReadTwice, startClusterFeeds, type ClusterFeeds } from './feeds.ts';
import { startCluster, type Cluster } from './instances.ts';
import { workspaceOfFeed, writeClusterFiles, type ClusterFiles } from './setup.ts';
import { verifyPosts, type PostVerdict } from './verify.ts';

export interface ClusterCampaignOptions {
  /** PostgreSQL server to create the campaign's database on (any database URL on it). */
  serverUrl: string;
  /** Kills after the migrations (the `startup` target kills twice). */
  kills: number;
  /** The targets, in this order, instead of `kills` shuffled ones (the short test). */
  targets?: Target[];
  /** Kills aimed inside the start-up migrations. */
  migrationKills: number;
  seed: number;
  /** @defaultValue 1000 */
  sources?: number;
  /** Guilds (one digest each) × channels per guild. @defaultValue 4 × 5 */
  guilds?: number;
  channelsPerGuild?: number;
  /** A run is due every this many seconds. @defaultValue 10 */
  everySeconds?: number;
  /** Filler rows the migrations index. @defaultValue 300000 */
  articles?: number;
  log?(line: string): void;
}

export interface ClusterCampaignResult {
  instances: number;
  kills: number;
  killsByPhase: Record<Phase, number>;
  posts: PostVerdict;
  articlesDigestedTwice: number;
  sourcesPolledConcurrently: number;
  leaderChanges: number;
  gatewayLogins: number;
  maxGatewaySessionsAtOnce: number;
  pollsByInstance: Record<string, number>;
  consistency: Record<string, number>;
  integrityOk: boolean;
  window: { from: string; to: string };
  durationMs: number;
}

/** The targets in a shuffled order, each about as often. */
function planTargets(kills: number, rand: () => number): Target[] {
  const plan = Array.from({ length: kills }, (_, i) => TARGETS[i % TARGETS.length] ?? 'random');
  for (let i = plan.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [plan[i], plan[j]] = [plan[j] ?? 'random', plan[i] ?? 'random'];
  }
  return plan;
}

/** Kills whichever instance runs the migrations, `times` times (fewer if they finish first). */
async function killMigrations(w: Witnesses, times: number, log: (line: string) => void): Promise<void> {
  for (let k = 0; k < times; k++) {
    let victim: string | null = null;
    for (const until = Date.now() + 30_000; victim === null && Date.now() < until; await sleep(10)) {
      if (await w.db.schemaVersion() >= SCHEMA_MIGRATIONS.length) return;
      victim = await w.db.migrator();
    }
    const instance = victim === null ? undefined : w.cluster.byName(victim);
    if (instance === undefined) return;
    await sleep(w.rand() * 150);
    const hit = await killRecorded(instance, w, false);
    log(`migration kill ${String(k + 1)}: ${instance.name} (hit ${hit.join('+')}, schema ${String(await w.db.schemaVersion())})`);
    await sleep(200 + w.rand() * 800);
    w.cluster.restart(instance);
  }
}

/** Samples the gateway lease holder; counts how often it changes hands. */
function watchLeader(db: ClusterDatabase, applicationId: string): { changes(): number; stop(): void } {
  let last: string | null = null;
  let changes = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void db.leader(applicationId).then((now) => {
      if (now !== null && last !== null && now !== last) changes++;
      if (now !== null) last = now;
    }, () => undefined).finally(() => { busy = false; });
  }, 100);
  return { changes: () => changes, stop: () => clearInterval(timer) };
}

/** The main kill loop: aims, kills, restarts after a short pause and waits until the instance runs again. */
async function killLoop(w: Witnesses, targets: readonly Target[], log: (line: string) => void): Promise<void> {
  for (const [i, target] of targets.entries()) {
    const victim = await aim(target, w);
    const hit = await killRecorded(victim, w, target === 'post');
    log(`kill ${String(i + 1)}/${String(targets.length)}: aimed ${target}, killed ${victim.name} (hit ${hit.join('+')}), ${String(w.discord.fake.messages.length)} messages`);
    const errors = victim.child.stderrTail.filter((l) => l.includes('"level":"error"'));
    if (errors.length > 0) log(`  ${victim.name} errors: ${errors.slice(-2).join(' | ')}`);
    await sleep(200 + w.rand() * 1500);
    w.cluster.restart(victim);
    if (await victim.child.marker('store-open', 60_000) === null) log(`  ${victim.name} did not come back: ${victim.child.stderrTail.slice(-3).join(' | ')}`);
  }
}

/**
 * Waits until every source was polled once (the cold cycle, which holds up the first builds) and one more
 * interval; returns when, the start of the verified window.
 */
async function warmUp(feeds: ClusterFeeds, everySeconds: number): Promise<number> {
  for (const until = Date.now() + 300_000; feeds.polledSources.size < feeds.urls.length && Date.now() < until;) await sleep(250);
  await sleep(everySeconds * 1000);
  return Date.now();
}

/** Post jobs of a killed instance wait for pg-boss to expire them (60 s, checked every 30 s), then another instance posts. */
const RECOVERY_MS = 150_000;

/**
 * Lets the cluster run cleanly until the last due run is posted and no claimed run since `since` is left unposted
 * (bounded by RECOVERY_MS), then stops it; returns the window's end.
 */
async function settle(w: { cluster: Cluster; db: ClusterDatabase }, files: ClusterFiles, everySeconds: number, since: number, log: (line: string) => void): Promise<Date> {
  const { cluster, db } = w;
  // `@running` follows the start-up catch-up, which a loaded machine can stretch: wait long, and judge the posts anyway.
  const late = await cluster.allRunning(240_000);
  if (late.length > 0) log(`instances not running at the end: ${late.join(', ')}`);
  await sleep(everySeconds * 2000 + 2000);
  const to = new Date(Math.floor((Date.now() - 2000) / 1000) * 1000);
  const channels = files.digests.reduce((n, d) => n + d.channels.length, 0);
  const waitFrom = Date.now();
  for (const until = waitFrom + RECOVERY_MS; Date.now() < until; await sleep(500)) {
    const rows = (await db.ledger()).filter((r) => Date.parse(r.scheduled_for) >= since && Date.parse(r.scheduled_for) <= to.getTime());
    const last = rows.filter((r) => r.status === 'posted' && Date.parse(r.scheduled_for) >= to.getTime() - everySeconds * 1000);
    const open = rows.filter((r) => r.status !== 'posted');
    if (last.length >= channels && open.length === 0) break;
  }
  log(`settled: waited ${String(Math.round((Date.now() - waitFrom) / 1000))} s for the last posts`);
  await cluster.stop();
  return to;
}

export async function runClusterCampaign(options: ClusterCampaignOptions): Promise<ClusterCampaignResult> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const rand = random(options.seed);
  const everySeconds = options.everySeconds ?? 10;
  const dir = mkdtempSync(join(tmpdir(), 'digestbot-cluster-'));
  const feeds = await startClusterFeeds({ count: options.sources ?? 1000, hosts: 8, itemEveryMs: 180_000 });
  const discord = await startClusterDiscord(options.guilds ?? 4, options.channelsPerGuild ?? 5);
  const db = await createClusterDatabase(options.serverUrl, options.articles ?? 300_000, feeds.urls.map((url, n) => ({ workspace: workspaceOfFeed(discord, n), url })));
  try {
    const files = writeClusterFiles(dir, discord, { everySeconds });
    const command = await prepareChild();
    log(`database ${db.name}; child: ${command.mode}`);
    const cluster = startCluster(['a', 'b', 'c'], command.args, (name) => files.envFor(name, db.urlFor(name)));
    const lastPage = new Map<string, number>();
    feeds.events.on('page', (instance: string) => lastPage.set(instance, Date.now()));
    const killsByPhase = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
    const w: Witnesses = { db, feeds, discord, cluster, rand, lastPage, killsByPhase };
    const leader = watchLeader(db, discord.fake.applicationId);
    try {
      await killMigrations(w, options.migrationKills, log);
      const late = await cluster.allRunning(120_000);
      if (late.length > 0) throw new Error(`instances did not start: ${late.join(', ')}: ${cluster.byName(late[0] ?? '')?.child.stderrTail.join('\n') ?? ''}`);
      const warmedAt = await warmUp(feeds, everySeconds);
      log(`warm: every source polled once after ${String(Math.round((warmedAt - started) / 1000))} s`);
      await killLoop(w, options.targets ?? planTargets(options.kills, rand), log);
      const to = await settle({ cluster, db }, files, everySeconds, warmedAt, log);
      const from = new Date(Math.max(Date.parse(await db.firstStart() ?? '0'), warmedAt));
      const posts = verifyPosts({ digests: files.digests, from, to, messages: discord.fake.messages, ledger: await db.ledger() });
      const consistency = await db.consistency();
      return {
        instances: cluster.instances.length, kills: cluster.kills.length, killsByPhase, posts,
        articlesDigestedTwice: articlesReadTwice(feeds.pages, cluster.kills),
        sourcesPolledConcurrently: feeds.concurrentSources.size,
        leaderChanges: leader.changes(), gatewayLogins: discord.logins(), maxGatewaySessionsAtOnce: discord.maxSessionsAtOnce,
        pollsByInstance: Object.fromEntries([...feeds.polls].sort()),
        consistency, integrityOk: Object.values(consistency).every((n) => n === 0) && posts.ledgerMismatches === 0,
        window: { from: from.toISOString(), to: to.toISOString() }, durationMs: performance.now() - started,
      };
    } finally {
      leader.stop();
      await cluster.stop();
    }
  } finally {
    await discord.close();
    await feeds.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
