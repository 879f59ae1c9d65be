/**
 * Versioned schema migrations, applied in order at start-up inside one
 * transaction each; `PRAGMA user_version` holds the version reached. Never
 * edit a released migration: add the next one.
 */
import type Database from 'better-sqlite3';

export const MIGRATIONS: readonly string[] = [
  // 1: the initial schema.
  `
  CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sources (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id TEXT NOT NULL,
    name TEXT NOT NULL,
    url TEXT NOT NULL,
    type TEXT NOT NULL,
    added_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    error_count INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    last_error_at TEXT,
    next_attempt_at TEXT,
    paused_reason TEXT,
    last_success_at TEXT,
    UNIQUE (workspace_id, url),
    UNIQUE (workspace_id, name)
  );
  CREATE TABLE articles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id TEXT NOT NULL,
    source_id INTEGER NOT NULL,
    canonical_url TEXT,
    guid TEXT,
    content_hash TEXT,
    title TEXT,
    published TEXT,
    first_seen_at TEXT NOT NULL,
    backfill INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX articles_url ON articles (workspace_id, canonical_url);
  CREATE INDEX articles_guid ON articles (workspace_id, guid);
  CREATE INDEX articles_hash ON articles (workspace_id, content_hash);
  CREATE INDEX articles_seen ON articles (workspace_id, first_seen_at);
  CREATE TABLE digest_cache (
    content_hash TEXT NOT NULL,
    engine_version TEXT NOT NULL,
    digest_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (content_hash, engine_version)
  );
  CREATE TABLE deliveries (
    digest TEXT NOT NULL,
    scheduled_for TEXT NOT NULL,
    channel TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 1,
    late INTEGER NOT NULL DEFAULT 0,
    message_ref TEXT,
    last_error TEXT,
    claimed_at TEXT NOT NULL,
    posted_at TEXT,
    PRIMARY KEY (digest, scheduled_for, channel)
  );
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    details TEXT,
    at TEXT NOT NULL
  );
  CREATE TABLE definitions (
    name TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL,
    json TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
  // 2: article links and their digest, the start of a failure streak, definitions per workspace.
  `
  ALTER TABLE articles ADD COLUMN link TEXT;
  ALTER TABLE articles ADD COLUMN digest_hash TEXT;
  ALTER TABLE articles ADD COLUMN digest_error TEXT;
  CREATE INDEX articles_source ON articles (source_id, first_seen_at);
  ALTER TABLE sources ADD COLUMN failing_since TEXT;
  CREATE TABLE digest_definitions (
    workspace_id TEXT NOT NULL,
    name TEXT NOT NULL,
    json TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (workspace_id, name)
  );
  INSERT INTO digest_definitions (workspace_id, name, json, updated_at) SELECT workspace_id, name, json, updated_at FROM definitions;
  DROP TABLE definitions;
  `,
  // 3: small facts about the bot itself (when it was last running).
  `
  CREATE TABLE bot_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // 4: model-written summaries (keyed by article content hash + model + prompt version) and tokens spent per workspace and day.
  `
  CREATE TABLE llm_cache (
    key TEXT PRIMARY KEY,
    json TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE llm_usage (
    workspace_id TEXT NOT NULL,
    day TEXT NOT NULL,
    tokens INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, day)
  );
  `,
  // 5: a scheduled run's message, built once and stored with its claim, so every attempt posts the same one.
  `
  ALTER TABLE deliveries ADD COLUMN message_json TEXT;
  `,
  // 6: Slack installations (OAuth, one per workspace or org), sealed with AES-256-GCM: no token is stored in clear;
  // which installation a channel belongs to (learnt from commands typed there), for scheduled posts.
  `
  CREATE TABLE slack_installations (
    install_key TEXT PRIMARY KEY,
    sealed BLOB NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE slack_channel_installs (
    channel_id TEXT PRIMARY KEY,
    install_key TEXT NOT NULL
  );
  `,
];

/** Brings the database to the newest schema; returns the version reached. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    const sql = MIGRATIONS[v] ?? '';
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${String(v + 1)}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
