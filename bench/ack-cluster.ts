/**
 * Time to ack slash commands on a cluster (issue 15): `--instances` real bot processes (default 3) on one
 * PostgreSQL database, each serving the Discord HTTP interactions endpoint and Slack HTTP. This process is the
 * load generator (its own event loop) and hosts the fake Discord REST API and fake Slack Web API that receive the
 * follow-ups. Per platform: commands one at a time (alone), `--n` (200) at once to one instance, and `--n` at once
 * spread round-robin over all instances; each timed from its write to the HTTP response (the ack). The command is
 * `/digest scale-news`, a folder digest of the bundled samples, so the follow-up work is real (`--command help`:
 * almost no follow-up work, to tell the ack path's own cost from the load of the follow-ups).
 *
 * `npm run bench:ack-cluster [-- --json] [--n 200] [--instances 3] [--alone 20] [--command digest|help]
 * [--cpu-prof DIR]` (each bot's V8 CPU profile, written when it stops); the database server is
 * TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), a database of its own is created and dropped.
 */
import { Agent } from 'node:http';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { snowflake, startFakeDiscord, type FakeDiscord } from '../test/fakes/discord/fake-discord.ts';
import { interactionKeys } from '../test/fakes/discord/signed-interaction.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../test/fakes/slack/fake-slack-api.ts';
import { createBenchDatabase, startCluster, type BotInstance } from './ack-cluster/bots.ts';
import { discordCommand, figures, send, slackCommand, type AckFigures, type BenchCommand, type DiscordTarget, type SignedPost } from './ack-cluster/load.ts';

const TARGET_P99_MS = 50;
const SIGNING_SECRET = 'ack-cluster-signing-secret';
const TEAM = 'T0001';

export interface PlatformFigures { alone: AckFigures; oneInstance: AckFigures; allInstances: AckFigures }
export interface AckClusterResult { instances: number; n: number; command: BenchCommand; targetP99Ms: number; discord: PlatformFigures; slack: PlatformFigures }

interface Platform {
  command(instance: BotInstance): SignedPost;
  /** How many of `ids` have their follow-up. */
  replied(ids: readonly string[]): number;
}

function discordPlatform(fake: FakeDiscord, target: DiscordTarget, command: BenchCommand): Platform {
  return {
    command: (instance) => discordCommand(instance.interactionsUrl, target, command),
    replied(ids) {
      // The answer edits the deferred response (PATCH @original) or, when ephemeral, is posted as a followup.
      const answered = new Set(fake.calls.filter((c) => c.path.startsWith(`/webhooks/${target.applicationId}/`) && (c.method === 'PATCH' || c.method === 'POST'))
        .map((c) => c.path.split('/')[3]));
      return ids.filter((id) => answered.has(id)).length;
    },
  };
}

function slackPlatform(api: FakeSlackApi, command: BenchCommand): Platform {
  return {
    command: (instance) => slackCommand(instance.slackEventsUrl, command, { signingSecret: SIGNING_SECRET, teamId: TEAM, responseUrl: (id) => api.responseUrl(id) }),
    replied(ids) {
      const answered = new Set(api.responses.map((r) => r.id));
      return ids.filter((id) => answered.has(id)).length;
    },
  };
}

async function waitReplies(platform: Platform, ids: readonly string[], timeoutMs = 180_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  while (platform.replied(ids) < ids.length && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return platform.replied(ids);
}

/** `n` commands written at once, the i-th to `targets[i % targets.length]`; then waits for every follow-up. */
async function burst(platform: Platform, agent: Agent, targets: readonly BotInstance[], n: number): Promise<AckFigures> {
  const posts = Array.from({ length: n }, (_, i) => platform.command(targets[i % targets.length] as BotInstance));
  const acks = await Promise.all(posts.map((p) => send(agent, p)));
  const ids = posts.map((p) => p.replyId);
  return figures(acks, await waitReplies(platform, ids));
}

/** `n` commands one after another, each after the previous one's follow-up, round-robin. */
async function alone(platform: Platform, agent: Agent, targets: readonly BotInstance[], n: number): Promise<AckFigures> {
  const acks = [];
  let replies = 0;
  for (let i = 0; i < n; i += 1) {
    const post = platform.command(targets[i % targets.length] as BotInstance);
    acks.push(await send(agent, post));
    replies += await waitReplies(platform, [post.replyId], 30_000);
  }
  return figures(acks, replies);
}

async function measure(platform: Platform, instances: readonly BotInstance[], n: number, aloneN: number): Promise<PlatformFigures> {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  try {
    await alone(platform, agent, instances, instances.length * 2);
    const quiet = await alone(platform, agent, instances, aloneN);
    const first = instances.slice(0, 1);
    return { alone: quiet, oneInstance: await burst(platform, agent, first, n), allInstances: await burst(platform, agent, instances, n) };
  } finally {
    agent.destroy();
  }
}

export async function runAckCluster(options: { n: number; instances: number; alone: number; command: BenchCommand; adminUrl: string; cpuProfileDir?: string }): Promise<AckClusterResult> {
  const guildId = snowflake();
  const fake = await startFakeDiscord({ guilds: [{ id: guildId, channels: [{ id: snowflake() }] }] });
  const api = await startFakeSlackApi();
  const db = await createBenchDatabase(options.adminUrl);
  const keys = interactionKeys();
  try {
    const cluster = await startCluster({
      instances: options.instances, databaseUrl: db.url, ...(options.cpuProfileDir === undefined ? {} : { cpuProfileDir: options.cpuProfileDir }),
      discord: { apiUrl: fake.apiUrl, applicationId: fake.applicationId, guildId, publicKeyHex: keys.publicKeyHex },
      slack: { apiUrl: api.apiUrl, signingSecret: SIGNING_SECRET, teamId: TEAM },
    });
    try {
      const target: DiscordTarget = { applicationId: fake.applicationId, guildId, channelId: snowflake(), userId: snowflake(), privateKey: keys.privateKey };
      const discord = await measure(discordPlatform(fake, target, options.command), cluster.instances, options.n, options.alone);
      const slack = await measure(slackPlatform(api, options.command), cluster.instances, options.n, options.alone);
      return { instances: options.instances, n: options.n, command: options.command, targetP99Ms: TARGET_P99_MS, discord, slack };
    } finally {
      await cluster.stop();
    }
  } finally {
    await db.drop();
    await api.close();
    await fake.close();
  }
}

function table(r: AckClusterResult): string {
  const rows = [['platform', 'case', 'commands', 'acked', 'replies', 'p50 ms', 'p99 ms', 'max ms', `p99 ≤ ${String(r.targetP99Ms)} ms`]];
  for (const [name, p] of [['Discord HTTP', r.discord], ['Slack HTTP', r.slack]] as const) {
    for (const [label, f] of [['alone (one at a time)', p.alone], ['1 instance, at once', p.oneInstance], [`${String(r.instances)} instances, at once`, p.allInstances]] as const) {
      rows.push([name, label, String(f.commands), String(f.acked), String(f.replies), String(f.p50Ms), String(f.p99Ms), String(f.maxMs), f.p99Ms <= r.targetP99Ms ? 'ok' : 'MISSED']);
    }
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

function positive(value: string | undefined, fallback: number, name: string): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} takes a positive integer`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, n: { type: 'string' }, instances: { type: 'string' }, alone: { type: 'string' }, command: { type: 'string' }, 'cpu-prof': { type: 'string' } } });
  const command = values.command ?? 'digest';
  if (command !== 'digest' && command !== 'help') throw new Error('--command takes digest or help');
  const adminUrl = process.env['TEST_DATABASE_URL']?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
  const result = await runAckCluster({
    n: positive(values.n, 200, 'n'), instances: positive(values.instances, 3, 'instances'), alone: positive(values.alone, 20, 'alone'), command, adminUrl,
    ...(values['cpu-prof'] === undefined ? {} : { cpuProfileDir: resolve(values['cpu-prof']) }),
  });
  process.stdout.write(values.json === true ? `${JSON.stringify(result)}\n` : `${table(result)}\n`);
  const complete = [result.discord, result.slack].every((p) => [p.alone, p.oneInstance, p.allInstances].every((f) => f.acked === f.commands && f.replies === f.commands));
  if (!complete) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) await main();
