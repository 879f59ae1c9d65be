/**
 * The statements a poll runs per item (key checks, inserts, pending lists, digest links) must reach their rows
 * through an index on the key they look up, never by walking the whole workspace: the campaign's cold poll
 * inserts 22,728 articles into one workspace, and a statement that visits every article of the workspace on
 * each insert turns that into hundreds of millions of row reads. The store runs on a real SQLite file; a
 * recording runner collects every statement (with its parameters) and SQLite's own `EXPLAIN QUERY PLAN` says
 * how each one is answered.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/port.ts';
import type { SqlRunner, SqlValue } from '../../../src/store/sql/runner.ts';
import { sqlStore } from '../../../src/store/sql/sql-store.ts';
import { migrate } from '../../../src/store/sqlite/migrations.ts';
import { sqliteRunner } from '../../../src/store/sqlite/runner.ts';

interface Ran { sql: string; params: readonly SqlValue[] }

/** A runner that notes each statement before `inner` runs it (inside transactions too). */
function recording(inner: SqlRunner, log: Ran[]): SqlRunner {
  return {
    all: (sql, params = []) => { log.push({ sql, params }); return inner.all(sql, params); },
    run: (sql, params = []) => { log.push({ sql, params }); return inner.run(sql, params); },
    transaction: (fn) => inner.transaction((tx) => fn(recording(tx, log))),
  };
}

/** Plan steps of a statement that read the articles table without a key: a full scan, or every row of a workspace. */
function unkeyedArticleReads(db: Database.Database, ran: Ran): string[] {
  const steps = db.prepare<SqlValue[], { detail: string }>(`EXPLAIN QUERY PLAN ${ran.sql}`).all(...ran.params).map((r) => r.detail);
  return steps.filter((d) => /^SCAN articles\b/u.test(d) || /^SEARCH articles USING (?:COVERING )?INDEX \w+ \(workspace_id=\?\)$/u.test(d));
}

describe('sqlite store: the poll path reads articles by key', () => {
  let dir = '';
  let db: Database.Database;
  let store: Store;
  const log: Ran[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'digestbot-plans-'));
    db = new Database(join(dir, 'bot.sqlite'));
    const schemaVersion = migrate(db);
    store = sqlStore({ ...recording(sqliteRunner(db), log), dialect: 'sqlite', schemaVersion, close: () => Promise.resolve() });
    log.length = 0;
  });

  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a poll storing, finding and digesting items, then no statement on it walks the articles of the whole workspace', async () => {
    const at = '2026-12-07T08:00:00.000Z';
    await store.workspaces.upsert({ id: 'w', name: 'W' }, at);
    const source = await store.sources.add({ workspaceId: 'w', name: 's', url: 'http://s.test/feed', type: 'rss', addedBy: 'u' }, at);
    const item = (n: number): { link: string; canonicalUrl: string; guid: string; contentHash: string; title: string; published: null } => ({
      link: `http://s.test/${String(n)}`, canonicalUrl: `http://s.test/${String(n)}`, guid: `g${String(n)}`, contentHash: `h${String(n)}`, title: `T${String(n)}`, published: null,
    });
    log.length = 0;
    let firstId = 0;
    await store.transaction(async (tx) => {
      for (let n = 0; n < 30; n++) {
        const stored = await tx.articles.insertIfNew('w', source.id, item(n), at, n >= 20);
        firstId ||= stored?.id ?? 0;
      }
      expect(await tx.articles.insertIfNew('w', source.id, item(3), at, false)).toBeNull();
      await tx.sources.recordSuccess(source.id, at, { etag: '"e"', lastModified: null });
    });
    expect(await store.articles.pending(source.id, 20)).toHaveLength(20);
    expect(await store.articles.seen('w', { canonicalUrl: null, guid: 'g7', contentHash: null })).toBe(true);
    expect((await store.articles.find('w', { canonicalUrl: 'http://s.test/none', guid: null, contentHash: 'h9' }))?.title).toBe('T9');
    expect(await store.digestCache.get('d1', 'v')).toBeNull();
    await store.transaction(async (tx) => {
      await tx.digestCache.put('d1', 'v', '{}', at);
      await tx.articles.setDigest(firstId, 'd1', null);
    });

    const statements = [...new Map(log.map((r) => [r.sql, r])).values()].filter((r) => /\barticles\b/u.test(r.sql));
    expect(statements.length).toBeGreaterThanOrEqual(6);
    const offenders = statements.map((r) => ({ sql: r.sql.replace(/\s+/gu, ' ').slice(0, 120), steps: unkeyedArticleReads(db, r) })).filter((o) => o.steps.length > 0);
    expect(offenders).toEqual([]);
  });

  it('given recent asked for many different source lists, then it runs a few statement texts (size classes), not one per list', async () => {
    const at = '2026-12-07T08:00:00.000Z';
    await store.workspaces.upsert({ id: 'w', name: 'W' }, at);
    log.length = 0;
    for (let id = 1; id <= 300; id++) await store.articles.recent('w', at, 20, [id]);
    for (let n = 1; n <= 40; n++) await store.articles.recent('w', at, 20, Array.from({ length: n }, (_, i) => 500 + i));
    const texts = new Set(log.map((r) => r.sql));
    // Lists of 1..40 ids: sizes 1, 2, 4, 8, 16, 32, 64.
    expect(texts.size).toBeLessThanOrEqual(7);
    expect(log).toHaveLength(340);
  });
});
