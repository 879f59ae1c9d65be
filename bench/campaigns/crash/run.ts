/**
 * The crash campaign: starts the bot as a child process again and again and
 * kills it with SIGKILL at chosen points (inside the start-up migrations,
 * during start-up, mid-fetch, while a digest is built, with a post sent but
 * not answered, with a post accepted by Discord but not yet in the ledger,
 * and at idle moments), then lets a last process run cleanly and compares the
 * ledger with what the fake Discord received. Each kill is counted under the
 * phase it actually hit (what was in flight at that moment), not the one aimed at.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS } from '../../../src/store/sqlite/migrations.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';
import { prepareChild } from './bundle.ts';
import { spawnBot, type BotChild } from './child-process.ts';
import { writeCampaignFiles } from './setup.ts';
import { checkDatabase, verify, type DbChecks, type Verdict } from './verify.ts';
import { startWorld, type World } from './world.ts';

export const PHASES = ['migration', 'startup', 'fetch', 'build', 'post-sent', 'post-accepted', 'idle'] as const;
export type Phase = (typeof PHASES)[number];

export interface CrashCampaignOptions {
  kills: number;
  seed: number;
  /** The digest is due every this many seconds. @defaultValue 3 */
  everySeconds?: number;
  /** Rows in the schema-1 articles table the first starts migrate. @defaultValue 150000 */
  articles?: number;
  /** The phases to aim at, in this order (the short test); @defaultValue a tenth in migrations first, the rest evenly and shuffled */
  phases?: Phase[];
  /** Progress lines. @defaultValue none */
  log?(line: string): void;
}

export interface CrashCampaignResult {
  kills: number;
  killsByPhase: Record<Phase, number>;
  restarts: number;
  verdict: Verdict;
  /** The file after the last clean stop. */
  finalDb: DbChecks;
  /** Kills after which quick_check was not ok. */
  damagedAfterKill: number;
  /** Message POSTs repeating a nonce Discord had already accepted (each dropped by Discord, or a duplicate outside its window). */
  repeatedNonces: number;
  window: { from: string; to: string };
  childMode: string;
  migrationMs: number;
  durationMs: number;
}

/** A small seeded PRNG (mulberry32), so a failing run can be repeated with --seed. Shared with the cluster campaign. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Aims: about a tenth inside the migrations (the first rounds, while the file is still at version 1), the rest spread evenly. */
function planTargets(kills: number, rand: () => number): Phase[] {
  const migrations = Math.max(1, Math.round(kills / 10));
  const others = PHASES.filter((p) => p !== 'migration');
  const rest = Array.from({ length: Math.max(0, kills - migrations) }, (_, i) => others[i % others.length] ?? 'idle');
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rest[i], rest[j]] = [rest[j] ?? 'idle', rest[i] ?? 'idle'];
  }
  return [...Array.from({ length: Math.min(kills, migrations) }, (): Phase => 'migration'), ...rest];
}

/** Polled at most once a minute, the feeds are fetched only when due: aim at fetches then, at other phases meanwhile. */
function nextTarget(remaining: Phase[], world: World): Phase {
  const feedsDue = Date.now() - world.lastFeedAnswerAt > 57_000;
  const first = remaining[0] ?? 'idle';
  let index = first === 'migration' ? 0 : remaining.findIndex((p) => (p === 'fetch') === feedsDue);
  if (index < 0) index = 0;
  return remaining.splice(index, 1)[0] ?? 'idle';
}

/** Whether the child has a run claimed since it started whose post has not reached Discord (it is building the digest). */
function claimedSince(dbPath: string, since: number): boolean {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT 1 FROM deliveries WHERE status = 'claimed' AND claimed_at >= ? LIMIT 1").get(new Date(since).toISOString()) !== undefined;
  } finally {
    db.close();
  }
}

const once = (world: World, event: string, timeoutMs: number): Promise<boolean> => new Promise((r) => {
  const timer = setTimeout(() => {
    world.events.off(event, on);
    r(false);
  }, timeoutMs);
  const on = (): void => {
    clearTimeout(timer);
    r(true);
  };
  world.events.once(event, on);
});

/** Waits until the moment to kill for `target` (or gives up after a few seconds and kills wherever the child is). */
async function aim(target: Phase, child: BotChild, world: World, dbPath: string, rand: () => number, migrationMs: number): Promise<void> {
  switch (target) {
    case 'migration':
      // The child opens the file (its WAL appears) and migrates at once: kill somewhere inside the migrations.
      if (await child.marker('boot', 20_000) === null) return;
      for (const until = Date.now() + 5000; Date.now() < until && !existsSync(`${dbPath}-wal`);) await sleep(1);
      await sleep(rand() * migrationMs * 0.5);
      return;
    case 'startup':
      if (await child.marker('store-open', 20_000) !== null) await sleep(rand() * 150);
      return;
    case 'fetch':
      if (await once(world, 'fetch', 70_000)) await sleep(rand() * world.fetchDelayMs * 0.8);
      return;
    case 'post-sent':
      if (await once(world, 'post', 10_000)) await sleep(rand() * world.holdMs * 0.8);
      return;
    case 'post-accepted':
      if (await once(world, 'accepted', 10_000)) await sleep(rand() * world.holdMs * 0.8);
      return;
    case 'build': {
      if (await child.marker('store-open', 20_000) === null) return;
      const until = Date.now() + 10_000;
      while (Date.now() < until && !(claimedSince(dbPath, child.spawnedAt) && world.inFlight.fetch === 0)) await sleep(3);
      return;
    }
    case 'idle':
      if (await child.marker('running', 20_000) !== null) await sleep(rand() * 1500);
  }
}

/** What the child was doing when killed (before the kill; migration vs start-up is decided from the file after it). */
function inFlight(child: BotChild, world: World, dbPath: string): Phase | 'opening' {
  if (world.inFlight.postAfter > 0) return 'post-accepted';
  if (world.inFlight.postBefore > 0) return 'post-sent';
  if (world.inFlight.fetch > 0) return 'fetch';
  if (!child.markers.has('store-open')) return 'opening';
  if (claimedSince(dbPath, child.spawnedAt)) return 'build';
  return child.markers.has('running') ? 'idle' : 'startup';
}

/** How long the migrations take on a copy of the schema-1 file, in ms. */
async function timeMigrations(dbPath: string, dir: string): Promise<number> {
  const copy = join(dir, 'migration-probe.sqlite');
  copyFileSync(dbPath, copy);
  const started = performance.now();
  await openSqliteStore(copy).close();
  return performance.now() - started;
}

export async function runCrashCampaign(options: CrashCampaignOptions): Promise<CrashCampaignResult> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const rand = random(options.seed);
  const everySeconds = options.everySeconds ?? 3;
  const dir = mkdtempSync(join(tmpdir(), 'digestbot-crash-'));
  const world = await startWorld();
  try {
    const files = writeCampaignFiles(dir, world, { everySeconds, articles: options.articles ?? 150_000 });
    const migrationMs = await timeMigrations(files.dbPath, dir);
    const command = await prepareChild();
    log(`child: ${command.mode}; migrations on the schema-1 file take ${migrationMs.toFixed(0)} ms`);
    const killsByPhase = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
    let firstRunning: number | null = null;
    let damagedAfterKill = 0;
    let spawned = 0;
    const targets = options.phases ?? planTargets(options.kills, rand);
    const remaining = [...targets];
    for (let i = 0; i < targets.length; i++) {
      const target = options.phases === undefined ? nextTarget(remaining, world) : (remaining.shift() ?? 'idle');
      world.fetchDelayMs = target === 'fetch' ? 1500 : 20;
      world.postHold = target === 'post-sent' ? 'before' : target === 'post-accepted' ? 'after' : 'none';
      const roundStart = Date.now();
      const child = spawnBot(command.args, files.env);
      spawned++;
      await aim(target, child, world, files.dbPath, rand, migrationMs);
      const seen = inFlight(child, world, files.dbPath);
      await child.kill();
      world.postHold = 'none';
      world.fetchDelayMs = 20;
      const running = child.markers.get('running');
      if (firstRunning === null && running !== undefined) firstRunning = running;
      // The parent's checks close the file last, which removes its WAL: a WAL now means this child had opened the
      // file (opening runs the migrations at once); with the schema still old, the kill cut the migrations short.
      const opened = existsSync(`${files.dbPath}-wal`);
      const checks = checkDatabase(files.dbPath, true);
      const phase: Phase = seen === 'opening' ? (opened && checks.schemaVersion < MIGRATIONS.length ? 'migration' : 'startup') : seen;
      killsByPhase[phase]++;
      if (checks.integrity !== 'ok' || checks.foreignKeyProblems > 0) damagedAfterKill++;
      log(`kill ${String(i + 1)}/${String(targets.length)}: aimed ${target}, hit ${phase} after ${String(Date.now() - roundStart)} ms (schema ${String(checks.schemaVersion)}, ${String(world.discord.messages.length)} messages)`);
      if (child.stderrTail.some((l) => l.includes('"level":"error"'))) log(`  child errors: ${child.stderrTail.filter((l) => l.includes('"level":"error"')).slice(-2).join(' | ')}`);
    }

    // A last process runs cleanly: it catches up, posts a few runs on time, and stops on SIGTERM.
    const last = spawnBot(command.args, files.env);
    spawned++;
    const running = await last.marker('running', 60_000);
    if (running === null) throw new Error(`the last bot did not start: ${last.stderrTail.join('\n')}`);
    firstRunning ??= running;
    await sleep(everySeconds * 1000 + 1500);
    const to = new Date(Math.floor((Date.now() - 1500) / 1000) * 1000);
    await waitPosted(files.dbPath, files.digestId, to, files.channels.length, 15_000);
    last.proc.kill('SIGTERM');
    await last.exited;

    // Due: every run after the bot's very first start (which the bot notes in its state) up to `to`.
    const from = new Date(firstStartOf(files.dbPath) ?? firstRunning);
    const verdict = verify({ dbPath: files.dbPath, digest: files.digestId, cron: files.cron, channels: files.channels, from, to, messages: world.discord.messages });
    return {
      kills: targets.length, killsByPhase, restarts: spawned - 1, verdict, finalDb: checkDatabase(files.dbPath), damagedAfterKill,
      repeatedNonces: world.repeatedNonces, window: { from: from.toISOString(), to: to.toISOString() }, childMode: command.mode,
      migrationMs, durationMs: performance.now() - started,
    };
  } finally {
    await world.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function firstStartOf(dbPath: string): string | null {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], { value: string }>("SELECT value FROM bot_state WHERE key = 'first_started_at'").get()?.value ?? null;
  } finally {
    db.close();
  }
}

/** Waits until the ledger has the run at `to` posted on every channel (or the time is up). */
async function waitPosted(dbPath: string, digest: string, to: Date, channels: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    const row = db.prepare<[string, string], { n: number }>("SELECT count(*) AS n FROM deliveries WHERE digest = ? AND scheduled_for >= ? AND status = 'posted'").get(digest, to.toISOString());
    db.close();
    if ((row?.n ?? 0) >= channels) return;
    await sleep(100);
  }
}
