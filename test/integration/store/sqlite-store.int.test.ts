/**
 * The SQLite store on a real file: the shared Store contract, plus what only SQLite has (databases the
 * released code created, migrated on open; one connection shared by concurrent callers).
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_MIGRATIONS } from '../../../src/store/migrations.ts';
import { MIGRATIONS } from '../../../src/store/sqlite/migrations.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';
import { storeContract } from './store-contract.ts';
import { sqliteFactory } from './test-databases.ts';

const factory = sqliteFactory();
storeContract('sqlite (temp file)', () => factory);

describe('sqlite store: databases made by earlier versions', () => {
  let dir = '';
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** A database file as released code left it: migrations 1..version applied with their released SQLite text. */
  const releasedDatabase = (version: number): string => {
    dir = mkdtempSync(join(tmpdir(), 'digestbot-old-'));
    mkdirSync(join(dir, 'data'));
    const file = join(dir, 'data', 'bot.sqlite');
    const db = new Database(file);
    for (const sql of MIGRATIONS.slice(0, version)) db.exec(sql);
    db.pragma(`user_version = ${String(version)}`);
    db.prepare("INSERT INTO workspaces (id, name, created_at) VALUES ('console:local', 'Local', '2026-11-01T00:00:00.000Z')").run();
    db.prepare("INSERT INTO sources (workspace_id, name, url, type, added_by, created_at) VALUES ('console:local', 'Old', 'https://example.org/old.xml', 'rss', 'u', '2026-11-01T00:00:00.000Z')").run();
    db.prepare("INSERT INTO articles (workspace_id, source_id, canonical_url, guid, content_hash, title, first_seen_at) VALUES ('console:local', 1, 'https://example.org/a', 'g', 'h', 'A', '2026-11-01T01:00:00.000Z')").run();
    db.prepare("INSERT INTO deliveries (digest, scheduled_for, channel, status, claimed_at) VALUES ('morning', '2026-11-01T06:00:00.000Z', 'console:main', 'posted', '2026-11-01T06:00:00.000Z')").run();
    db.close();
    return file;
  };

  it.each([1, 3, 5])('given a file the released code left at version %i, then it opens, migrates to the newest and keeps its rows', async (version) => {
    const store = openSqliteStore(releasedDatabase(version));
    try {
      expect(store.schemaVersion()).toBe(SCHEMA_MIGRATIONS.length);
      expect((await store.sources.list('console:local')).map((s) => s.name)).toEqual(['Old']);
      expect(await store.articles.insertIfNew('console:local', 1, { link: null, canonicalUrl: null, guid: 'g', contentHash: null, title: 'again', published: null }, '2026-11-02T00:00:00.000Z', false)).toBeNull();
      expect((await store.ledger.claim('morning', '2026-11-01T06:00:00.000Z', 'console:main', '2026-11-02T00:00:00.000Z', false)).status).toBe('posted');
      await store.ledger.claim('morning', '2026-11-02T06:00:00.000Z', 'console:main', '2026-11-02T06:00:00.000Z', false);
      expect(await store.ledger.storeMessage('morning', '2026-11-02T06:00:00.000Z', 'console:main', '{}')).toBe('{}');
    } finally {
      await store.close();
    }
  });

  it('given reads and writes from other callers while a transaction waits, then they run after it and never inside it', async () => {
    const store = await factory.fresh();
    try {
      const order: string[] = [];
      let release!: () => void;
      const held = new Promise<void>((resolve) => { release = resolve; });
      const tx = store.transaction(async (t) => {
        await t.state.set('x', 'in-tx');
        order.push('tx wrote');
        await held;
        order.push('tx ends');
      });
      const read = store.state.get('x').then((v) => { order.push(`read ${String(v)}`); });
      const write = store.state.set('y', '1').then(() => { order.push('outside wrote'); });
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push('released');
      release();
      await Promise.all([tx, read, write]);
      expect(order.slice(0, 3)).toEqual(['tx wrote', 'released', 'tx ends']);
      expect(order.slice(3).sort()).toEqual(['outside wrote', 'read in-tx']);
    } finally {
      await store.close();
      await factory.cleanup?.();
    }
  });
});
