/**
 * The CLIs on the store DATABASE_URL names, like the bot: `backfill` and `digest --lang` against PostgreSQL
 * (TEST_DATABASE_URL; a database of its own per test), in process through runCli with the environment the
 * binary would read. Nothing may land in a SQLite file under DATA_DIR.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../adapters/cli/run-cli.ts';
import { loadConfig } from '../../src/config.ts';
import { openStore, SQLITE_FILE } from '../../src/index.ts';
import { reply, startFixtureServer, type FixtureServer, type Handler } from '../fakes/http-fixtures.ts';
import { completion, startFakeOpenAi, type FakeOpenAi } from '../fakes/openai/fake-openai.ts';
import { runCliCaptured } from '../helpers/cli-runs.ts';
import { FAITHFUL, GERMAN_ARTICLE } from './llm/article.ts';
import { createTestDatabase, postgresServer } from './store/test-databases.ts';

const server = await postgresServer();

function page(n: number): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plant ${String(n)}</title></head><body><article><h1>Plant ${String(n)}</h1>
    <p>The plant raised its third-quarter revenue by ${String(10 + n)} percent to 1.${String(n)} billion euros, the company said on Monday.</p>
    <p>Management expects demand in Europe to keep growing for the rest of the year, while new tariffs remain a risk.</p></article></body></html>`;
}

async function count(url: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

if (!server.ok) {
  describe(`CLIs on PostgreSQL: skipped, ${server.why}`, () => {
    it.skip(`set TEST_DATABASE_URL to a PostgreSQL server to run these tests (${server.why})`, () => undefined);
  });
} else {
  let feeds: FixtureServer;
  let dir: string;
  let db: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    const routes: Record<string, Handler> = {};
    for (const n of [1, 2, 3]) routes[`/a/${String(n)}`] = reply(page(n));
    feeds = await startFixtureServer(routes);
    const items = [1, 2, 3].map((n) => `<item><title>Plant ${String(n)}</title><link>${feeds.url(`/a/${String(n)}`)}</link><guid>p${String(n)}</guid>`
      + `<pubDate>${new Date(Date.now() - (4 - n) * 3_600_000).toUTCString()}</pubDate></item>`).join('');
    routes['/feed.xml'] = reply(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Plants</title>${items}</channel></rss>`,
      { 'content-type': 'application/rss+xml' });
  });
  afterAll(async () => {
    await feeds.close();
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'digestbot-cli-pg-'));
    db = await createTestDatabase(server.adminUrl);
  });
  afterEach(async () => {
    await db.drop();
  });
  const env = (): Record<string, string> => ({ DATA_DIR: join(dir, 'data'), DIGESTS_DIR: join(dir, 'digests'), DATABASE_URL: db.url });

  describe('digestbot backfill with DATABASE_URL=postgres://', () => {
    it('given a source stored in PostgreSQL, then --list names it, backfill digests into PostgreSQL, a second run finds nothing new, and no SQLite file appears', async () => {
      const store = await openStore({ dataDir: join(dir, 'data'), databaseUrl: db.url }, { poolSize: 2 });
      const source = await store.sources.add({ workspaceId: 'console:local', name: 'Plants', url: feeds.url('/feed.xml'), type: 'rss', addedBy: 'a' }, '2026-12-01T00:00:00Z');
      await store.close();

      const listed = await runCliCaptured(['backfill', '--list'], env(), dir);
      expect(listed.stdout).toBe(`#${String(source.id)}\tPlants\tconsole:local\t${feeds.url('/feed.xml')}\tstored\n`);
      const first = await runCliCaptured(['backfill', 'Plants'], { ...env(), FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1' }, dir);
      expect(first.stderr).not.toMatch(/^error/mu);
      expect(first.stdout).toMatch(/: 3 fetched \(3 listed, 3 new to the store\), 3 digested, 0 skipped, 0 failed\n$/u);
      expect(await count(db.url, 'SELECT count(*) AS n FROM articles WHERE digest_hash IS NOT NULL')).toBe(3);
      const second = await runCliCaptured(['backfill', 'Plants'], { ...env(), FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1' }, dir);
      expect(second.stdout).toMatch(/: 3 fetched \(3 listed, 0 new to the store\), 0 digested, 3 skipped, 0 failed\n$/u);
      expect(existsSync(join(dir, 'data', SQLITE_FILE))).toBe(false);
    });
  });

  describe('digestbot digest --lang with DATABASE_URL=postgres://', () => {
    let llm: FakeOpenAi;
    beforeEach(async () => {
      llm = await startFakeOpenAi();
    });
    afterEach(async () => {
      await llm.close();
    });

    it('given the fake model, then the token usage and the cached answer are kept in PostgreSQL and the second call is served from that cache', async () => {
      await writeFile(join(dir, 'siemens.txt'), GERMAN_ARTICLE);
      llm.script(completion({ sentences: FAITHFUL }, 555));
      const config = loadConfig({ ...env(), LLM_BASE_URL: llm.baseUrl, LLM_MODEL: 'fake-model', LLM_DAILY_TOKENS: '50000' });
      const digest = async (): Promise<number> => runCli(['digest', join(dir, 'siemens.txt'), '--lang', 'en', '--json'],
        { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), cwd: dir }, {
          projectRoot: dir, fetch: config.fetch, store: config.store, llm: config.llm,
          startBot: () => Promise.reject(new Error('no bot')), discordCli: () => Promise.reject(new Error('no discord')),
        });
      expect(await digest()).toBe(0);
      expect(await count(db.url, 'SELECT count(*) AS n FROM llm_cache')).toBe(1);
      expect(await count(db.url, 'SELECT coalesce(sum(tokens), 0) AS n FROM llm_usage')).toBe(555);
      expect(await digest()).toBe(0);
      expect(llm.requests).toHaveLength(1);
      expect(existsSync(join(dir, 'data', SQLITE_FILE))).toBe(false);
    });
  });
}
