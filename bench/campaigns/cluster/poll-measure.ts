/**
 * The cluster poll measurement: `sources` feeds of the scale campaign's mix
 * (its feed server, a child process) in a fresh store, polled by `instances`
 * poll children (bench/campaigns/cluster/poll-child.ts) through the job
 * queue, twice: cold (every feed new) and steady (at once again: 304s, the
 * growing feeds, failing hosts still backing off are skipped). Per cycle:
 * wall time until every due source was polled (read from the store), CPU
 * time of each instance, and on PostgreSQL the database's transactions and
 * rows touched (pg_stat_database deltas) per poll.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { openStore } from '../../../src/index.ts';
import { forkTsChild, type TsChild } from '../scale/child-process.ts';
import { hostOf } from '../scale/feed-mix.ts';
import { startFeedServerProcess } from '../scale/feed-server.ts';
import type { PollChildOptions, PollChildRequest } from './poll-child.ts';

export interface PollCycle {
  wallMs: number;
  /** CPU time (user + system) of each instance during the cycle, ms. */
  cpuMs: number[];
  polled: number;
  /** PostgreSQL only: transactions (commits + rollbacks) and rows returned/fetched/written per poll. */
  xactsPerPoll: number | null;
  rowsPerPoll: number | null;
}

export interface PollSetupResult {
  dialect: 'sqlite' | 'postgres';
  instances: number;
  cold: PollCycle;
  steady: PollCycle;
}

interface Counters { xacts: number; rows: number }

/** Asks a child and waits for its answer. */
function ask<M>(child: TsChild<unknown>, request: PollChildRequest): Promise<M> {
  return new Promise((r) => {
    child.child.once('message', (m) => r(m as M));
    child.child.send(request);
  });
}

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Counting reads: sources polled since `since` and sources due; plus the server's counters (PostgreSQL). */
interface Probe {
  polledSince(since: string): Promise<number>;
  dueAt(at: string): Promise<number>;
  counters(): Promise<Counters | null>;
  close(): Promise<void>;
}

const POLLED = 'SELECT count(*) AS n FROM sources WHERE COALESCE(last_success_at, \'\') >= ? OR COALESCE(last_error_at, \'\') >= ?';
const DUE = 'SELECT count(*) AS n FROM sources WHERE paused_reason IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= ?)';

function sqliteProbe(path: string): Probe {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const n = (sql: string, ...p: string[]): number => (db.prepare<string[], { n: number }>(sql).get(...p)?.n ?? 0);
  return {
    polledSince: (since) => Promise.resolve(n(POLLED, since, since)),
    dueAt: (at) => Promise.resolve(n(DUE, at)),
    counters: () => Promise.resolve(null),
    close: () => Promise.resolve(void db.close()),
  };
}

async function postgresProbe(url: string): Promise<Probe> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const n = async (sql: string, ...p: string[]): Promise<number> => {
    let i = 0;
    return Number((await client.query<{ n: string }>(sql.replace(/\?/gu, () => `$${String(++i)}`), p)).rows[0]?.n ?? 0);
  };
  return {
    polledSince: (since) => n(POLLED, since, since),
    dueAt: (at) => n(DUE, at),
    async counters() {
      await client.query('SELECT pg_stat_clear_snapshot()');
      const row = (await client.query<Record<string, string>>('SELECT xact_commit + xact_rollback AS xacts, tup_returned + tup_fetched + tup_inserted + tup_updated + tup_deleted AS rows FROM pg_stat_database WHERE datname = current_database()')).rows[0];
      return { xacts: Number(row?.['xacts'] ?? 0), rows: Number(row?.['rows'] ?? 0) };
    },
    close: () => client.end(),
  };
}

/** One cycle: instance 0 enqueues the due sources; waits until they are all polled (or nothing moved for 15 s). */
async function cycle(children: TsChild<unknown>[], probe: Probe): Promise<PollCycle> {
  const since = new Date().toISOString();
  const due = await probe.dueAt(since);
  const before = await probe.counters();
  const cpuBefore = await Promise.all(children.map((c) => ask<{ cpu: NodeJS.CpuUsage }>(c, { cmd: 'cpu' })));
  const started = performance.now();
  await ask(children[0] as TsChild<unknown>, { cmd: 'enqueue' });
  let polled = 0;
  for (let last = 0, still = performance.now(); polled < due && performance.now() - still < 15_000; await sleep(200)) {
    polled = await probe.polledSince(since);
    if (polled !== last) [last, still] = [polled, performance.now()];
    if (process.env['DEBUG_POLL'] !== undefined) process.stderr.write(`polled ${String(polled)} of ${String(due)}\n`);
  }
  const wallMs = performance.now() - started;
  // pg_stat_database is updated when a backend reports (at most every 500 ms after a transaction).
  await sleep(1200);
  const cpuAfter = await Promise.all(children.map((c) => ask<{ cpu: NodeJS.CpuUsage }>(c, { cmd: 'cpu' })));
  const after = await probe.counters();
  const per = (f: (c: Counters) => number): number | null => (before === null || after === null || polled === 0 ? null : Math.round(((f(after) - f(before)) / polled) * 10) / 10);
  return {
    wallMs: Math.round(wallMs), polled, cpuMs: cpuAfter.map((a, i) => Math.round(cpuMs(a.cpu) - cpuMs(cpuBefore[i]?.cpu ?? { user: 0, system: 0 }))),
    xactsPerPoll: per((c) => c.xacts), rowsPerPoll: per((c) => c.rows),
  };
}

/** Adds the sources to a fresh store at `databaseUrl` (which also migrates it). */
async function seedSources(databaseUrl: string, sources: number, ports: readonly number[]): Promise<void> {
  const store = await openStore({ dataDir: tmpdir(), databaseUrl });
  const at = new Date().toISOString();
  await store.workspaces.upsert({ id: 'cluster-poll:ws', name: 'cluster poll' }, at);
  await store.transaction(async () => {
    for (let n = 0; n < sources; n++) {
      await store.sources.add({ workspaceId: 'cluster-poll:ws', name: `source ${String(n)}`, url: `http://${hostOf(n)}:${String(ports[n % ports.length] ?? 0)}/feed`, type: 'rss', addedBy: 'cluster-poll' }, at);
    }
  });
  await store.close();
}

/** Measures one setup: a fresh database (SQLite file, or a new PostgreSQL database on `serverUrl`), `instances` children. */
export async function measurePollSetup(options: { serverUrl: string; dialect: 'sqlite' | 'postgres'; instances: number; sources: number; seed: number }): Promise<PollSetupResult> {
  const server = await startFeedServerProcess({ seed: options.seed, slowMs: 1_000, hangMs: 7_000 });
  const dir = mkdtempSync(join(tmpdir(), 'cluster-poll-'));
  const name = `digestbot_clpoll_${String(process.pid)}_${String(options.instances)}`;
  const admin = options.dialect === 'postgres' ? new pg.Client({ connectionString: options.serverUrl }) : null;
  const url = options.dialect === 'postgres' ? Object.assign(new URL(options.serverUrl), { pathname: `/${name}` }).toString() : `sqlite:${join(dir, 'bot.db')}`;
  const children: TsChild<unknown>[] = [];
  try {
    await admin?.connect();
    await admin?.query(`CREATE DATABASE ${name}`);
    await seedSources(url, options.sources, server.ports);
    for (let i = 0; i < options.instances; i++) {
      const child: PollChildOptions = { databaseUrl: url, instance: `p${String(i)}`, concurrency: 64, timeoutMs: 5_000, pollIntervalMs: 1_000 };
      children.push(await forkTsChild(resolve(import.meta.dirname, 'poll-child.ts'), [JSON.stringify(child)], `poll child ${String(i)}`));
    }
    const probe = options.dialect === 'postgres' ? await postgresProbe(url) : sqliteProbe(join(dir, 'bot.db'));
    try {
      const cold = await cycle(children, probe);
      const steady = await cycle(children, probe);
      return { dialect: options.dialect, instances: options.instances, cold, steady };
    } finally {
      await probe.close();
    }
  } finally {
    for (const c of children) await ask(c, { cmd: 'stop' }).catch(() => undefined);
    await Promise.all(children.map((c) => c.close()));
    await server.close();
    await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin?.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
