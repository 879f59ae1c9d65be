/** Workspaces, the digest cache, the admin audit log and chat-made definitions, in SQLite. */
import type Database from 'better-sqlite3';
import type { AuditEntry, AuditLog, BotState, DefinitionRepository, DigestCache, LlmLedger, Store, StoredDefinition } from '../port.ts';

export function sqliteWorkspaces(db: Database.Database): Store['workspaces'] {
  const upsert = db.prepare<[string, string, string]>(
    'INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name',
  );
  const get = db.prepare<[string], { id: string; name: string }>('SELECT id, name FROM workspaces WHERE id = ?');
  return {
    upsert(workspace, at) {
      upsert.run(workspace.id, workspace.name, at);
    },
    get: (id) => get.get(id) ?? null,
  };
}

export function sqliteDigestCache(db: Database.Database): DigestCache {
  const get = db.prepare<[string, string], { digest_json: string }>('SELECT digest_json FROM digest_cache WHERE content_hash = ? AND engine_version = ?');
  const put = db.prepare<[string, string, string, string]>(
    'INSERT OR REPLACE INTO digest_cache (content_hash, engine_version, digest_json, created_at) VALUES (?, ?, ?, ?)',
  );
  return {
    get: (hash, version) => get.get(hash, version)?.digest_json ?? null,
    put(hash, version, json, at) {
      put.run(hash, version, json, at);
    },
  };
}

export function sqliteAudit(db: Database.Database): AuditLog {
  const append = db.prepare<[string, string, string, string, string | null, string]>(
    'INSERT INTO audit_log (workspace_id, actor, action, target, details, at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const list = db.prepare<[string, number], { workspace_id: string; actor: string; action: string; target: string; details: string | null; at: string }>(
    'SELECT * FROM audit_log WHERE workspace_id = ? ORDER BY id DESC LIMIT ?',
  );
  return {
    append(e: AuditEntry) {
      append.run(e.workspaceId, e.actor, e.action, e.target, e.details, e.at);
    },
    list: (workspaceId, limit) => list.all(workspaceId, limit).map((r) => ({
      workspaceId: r.workspace_id, actor: r.actor, action: r.action, target: r.target, details: r.details, at: r.at,
    })),
  };
}

export function sqliteDefinitions(db: Database.Database): DefinitionRepository {
  const put = db.prepare<[string, string, string, string]>(
    'INSERT INTO digest_definitions (workspace_id, name, json, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (workspace_id, name) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at',
  );
  type Row = { workspace_id: string; name: string; json: string };
  const get = db.prepare<[string, string], Row>('SELECT workspace_id, name, json FROM digest_definitions WHERE workspace_id = ? AND name = ?');
  const listAll = db.prepare<[], Row>('SELECT workspace_id, name, json FROM digest_definitions ORDER BY workspace_id, name');
  const listOne = db.prepare<[string], Row>('SELECT workspace_id, name, json FROM digest_definitions WHERE workspace_id = ? ORDER BY name');
  const del = db.prepare<[string, string]>('DELETE FROM digest_definitions WHERE workspace_id = ? AND name = ?');
  const shape = (r: Row): StoredDefinition => ({ workspaceId: r.workspace_id, name: r.name, json: r.json });
  return {
    put(workspaceId, name, json, at) {
      put.run(workspaceId, name, json, at);
    },
    get(workspaceId, name) {
      const row = get.get(workspaceId, name);
      return row === undefined ? null : shape(row);
    },
    list: (workspaceId) => (workspaceId === undefined ? listAll.all() : listOne.all(workspaceId)).map(shape),
    remove: (workspaceId, name) => del.run(workspaceId, name).changes > 0,
  };
}

export function sqliteState(db: Database.Database): BotState {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM bot_state WHERE key = ?');
  const set = db.prepare<[string, string]>('INSERT INTO bot_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    get: (key) => get.get(key)?.value ?? null,
    set(key, value) {
      set.run(key, value);
    },
  };
}

export function sqliteLlmLedger(db: Database.Database): LlmLedger {
  const get = db.prepare<[string], { json: string }>('SELECT json FROM llm_cache WHERE key = ?');
  const put = db.prepare<[string, string, string]>('INSERT OR REPLACE INTO llm_cache (key, json, created_at) VALUES (?, ?, ?)');
  const tokens = db.prepare<[string, string], { tokens: number }>('SELECT tokens FROM llm_usage WHERE workspace_id = ? AND day = ?');
  const add = db.prepare<[string, string, number]>(
    'INSERT INTO llm_usage (workspace_id, day, tokens) VALUES (?, ?, ?) ON CONFLICT (workspace_id, day) DO UPDATE SET tokens = tokens + excluded.tokens',
  );
  return {
    cacheGet: (key) => get.get(key)?.json ?? null,
    cachePut(key, json, at) {
      put.run(key, json, at);
    },
    tokensOn: (workspaceId, day) => tokens.get(workspaceId, day)?.tokens ?? 0,
    addTokens(workspaceId, day, n) {
      add.run(workspaceId, day, n);
    },
  };
}
