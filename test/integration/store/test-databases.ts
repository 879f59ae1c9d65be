/**
 * Databases for the store tests. SQLite: a file in a temp folder per test. PostgreSQL: the server at
 * TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres); each test file creates a database of
 * its own (digestbot_test_<random>) and drops it at the end. Without the variable, or when no server answers,
 * `postgresServer()` says why and the PostgreSQL suites skip.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgresStore } from '../../../src/store/postgres/open.ts';
import type { Store } from '../../../src/store/port.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';
import type { StoreFactory } from './store-contract.ts';

/** A SQLite store factory: a fresh file per test, removed afterwards. */
export function sqliteFactory(): StoreFactory & { file(): string } {
  let dir: string | null = null;
  const file = (): string => join(dir ?? '', 'data', 'bot.sqlite');
  return {
    sharedByInstances: false,
    file,
    fresh() {
      dir = mkdtempSync(join(tmpdir(), 'digestbot-store-'));
      return Promise.resolve(openSqliteStore(file()));
    },
    again: () => Promise.resolve(openSqliteStore(file())),
    cleanup() {
      if (dir !== null) rmSync(dir, { recursive: true, force: true });
      dir = null;
      return Promise.resolve();
    },
  };
}

export type PostgresServer = { ok: true; adminUrl: string } | { ok: false; why: string };

/** The test server from TEST_DATABASE_URL, if one answers within a few seconds. */
export async function postgresServer(): Promise<PostgresServer> {
  const adminUrl = process.env['TEST_DATABASE_URL']?.trim() ?? '';
  if (adminUrl === '') return { ok: false, why: 'TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/postgres)' };
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true, adminUrl };
  } catch (err) {
    return { ok: false, why: `no PostgreSQL server answers at TEST_DATABASE_URL (${err instanceof Error ? err.message : String(err)})` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A database of its own on the test server; `drop` removes it (closing any connection left). */
export async function createTestDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `digestbot_test_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Empties every table of the store (between tests on one database), keeping the schema and its version. */
export async function truncateStore(url: string): Promise<void> {
  await admin(url, async (c) => {
    const tables = await c.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'");
    if (tables.rows.length > 0) await c.query(`TRUNCATE ${tables.rows.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY`);
  });
}

/** A PostgreSQL store factory on one database for the whole file, emptied before each test. */
export function postgresFactory(database: () => string): StoreFactory {
  return {
    sharedByInstances: true,
    async fresh(): Promise<Store> {
      const store = await openPostgresStore(database(), { poolSize: 4 });
      await truncateStore(database());
      return store;
    },
    again: () => openPostgresStore(database(), { poolSize: 4 }),
  };
}
