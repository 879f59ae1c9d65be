/**
 * The cluster campaign's PostgreSQL database: a fresh one per run
 * (digestbot_cluster_<pid>_<time>), left at schema version 1 with many filler
 * articles so the start-up migrations (an index over them) take long enough
 * to be killed; and the campaign's questions to it. Every instance connects
 * with `application_name=cluster-<name>`, so pg_stat_activity and pg_locks
 * tell which instance holds the migration lock or the gateway lease.
 */
import pg from 'pg';
import { advisoryKey } from '../../../adapters/lease/pg-lease.ts';
import { SCHEMA_MIGRATIONS } from '../../../src/store/migrations.ts';

/** The migration lock's two int4 halves (src/store/postgres/migrate.ts). */
const MIGRATION_LOCK = [0x64696765, 0x6d696772] as const;

export interface ClusterDatabase {
  /** URL of the fresh database (without application_name). */
  url: string;
  name: string;
  /** The URL an instance connects with. */
  urlFor(instance: string): string;
  /** Instance holding the migration lock, or null. */
  migrator(): Promise<string | null>;
  /** Instance holding the gateway lease of `applicationId`, or null. */
  leader(applicationId: string): Promise<string | null>;
  /** Owner of the newest unposted claim of `channel`, or null. */
  claimOwner(channel: string): Promise<string | null>;
  schemaVersion(): Promise<number>;
  /** Ledger rows of the digests. */
  ledger(): Promise<LedgerRow[]>;
  /** bot_state first_started_at, or null. */
  firstStart(): Promise<string | null>;
  /** Consistency checks on the data the instances wrote (each count must be 0). */
  consistency(): Promise<Record<string, number>>;
  /** Closes the campaign's connection and drops the database. */
  drop(): Promise<void>;
}

export interface LedgerRow {
  digest: string;
  scheduled_for: string;
  channel: string;
  status: string;
  message_ref: string | null;
  owner: string | null;
}

const appName = (instance: string): string => `cluster-${instance}`;
const instanceOf = (app: string | undefined): string | null => (app === undefined ? null : app.replace(/^cluster-/u, ''));

/** The server URL with another database name. */
function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Schema 1 with `articles` filler rows (another workspace), as a database that has not run the newer migrations. */
async function prefillVersion1(client: pg.Client, articles: number): Promise<void> {
  await client.query(SCHEMA_MIGRATIONS[0]?.postgres ?? '');
  await client.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  await client.query("INSERT INTO schema_migrations (version, applied_at) VALUES (1, '2026-01-01T00:00:00Z')");
  await client.query(`INSERT INTO articles (workspace_id, source_id, canonical_url, guid, content_hash, title, published, first_seen_at)
    SELECT 'filler:old', 1 + i % 50, 'https://old.example/' || i, 'old-' || i, 'h' || i, 'Old article ' || i, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'
    FROM generate_series(1, $1::int) AS i`, [articles]);
}

/** A source as the campaign adds it (as if added from chat in its workspace). */
export interface SeedSource {
  workspace: string;
  url: string;
}

/** Creates the database on `serverUrl`, at schema 1 with `articles` filler rows and the given sources. */
export async function createClusterDatabase(serverUrl: string, articles: number, sources: readonly SeedSource[]): Promise<ClusterDatabase> {
  const name = `digestbot_cluster_${String(process.pid)}_${String(Date.now() % 1_000_000)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const client = new pg.Client({ connectionString: url, application_name: 'cluster-campaign' });
  await client.connect();
  await prefillVersion1(client, articles);
  await client.query(`INSERT INTO sources (workspace_id, name, url, type, added_by, created_at)
    SELECT w, 'source ' || n, u, 'rss', 'cluster-campaign', '2026-01-01T00:00:00Z' FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(w, u, n)`,
  [sources.map((s) => s.workspace), sources.map((s) => s.url)]);
  const one = async <R>(sql: string, params: unknown[] = []): Promise<R | undefined> => (await client.query(sql, params)).rows[0] as R | undefined;
  const lockHolder = async (where: string, params: unknown[]): Promise<string | null> => instanceOf((await one<{ app: string }>(
    `SELECT a.application_name AS app FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database() AND ${where} LIMIT 1`, params))?.app);
  return {
    url, name,
    urlFor: (instance) => `${url}?application_name=${appName(instance)}`,
    migrator: () => lockHolder('l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid AND l.objsubid = 2', [...MIGRATION_LOCK]),
    leader: (applicationId) => lockHolder('l.objsubid = 1 AND ((l.classid::bigint << 32) | l.objid::bigint) = $1::bigint', [advisoryKey(`discord-gateway:${applicationId}`)]),
    async claimOwner(channel) {
      return (await one<{ owner: string | null }>("SELECT owner FROM deliveries WHERE channel = $1 AND status = 'claimed' ORDER BY claimed_at DESC LIMIT 1", [channel]))?.owner ?? null;
    },
    async schemaVersion() {
      return Number((await one<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations'))?.v ?? 0);
    },
    async ledger() {
      return (await client.query<LedgerRow>('SELECT digest, scheduled_for, channel, status, message_ref, owner FROM deliveries')).rows;
    },
    async firstStart() {
      return (await one<{ value: string }>("SELECT value FROM bot_state WHERE key = 'first_started_at'"))?.value ?? null;
    },
    async consistency() {
      const count = async (sql: string): Promise<number> => Number((await one<{ n: string }>(sql))?.n ?? 0);
      return {
        'articles of no source': await count("SELECT count(*) AS n FROM articles a WHERE a.workspace_id <> 'filler:old' AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = a.source_id)"),
        'articles stored twice (same source and guid)': await count('SELECT count(*) AS n FROM (SELECT source_id, guid FROM articles WHERE guid IS NOT NULL GROUP BY source_id, guid HAVING count(*) > 1) d'),
        'posted runs without a message id': await count("SELECT count(*) AS n FROM deliveries WHERE status = 'posted' AND message_ref IS NULL"),
        'migrations missing': SCHEMA_MIGRATIONS.length - Number((await one<{ v: number }>('SELECT MAX(version) AS v FROM schema_migrations'))?.v ?? 0),
      };
    },
    async drop() {
      await client.end();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
