/** Workspaces, the digest cache, the admin audit log, chat-made definitions, bot state and the LLM ledger. */
import type { AuditLog, BotState, DefinitionRepository, DigestCache, LlmLedger, StoreSession, StoredDefinition } from '../port.ts';
import type { SqlRunner } from './runner.ts';

const firstOf = async <R>(rows: Promise<R[]>): Promise<R | undefined> => (await rows)[0];

export function sqlWorkspaces(db: SqlRunner): StoreSession['workspaces'] {
  return {
    async upsert(workspace, at) {
      await db.run('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name', [workspace.id, workspace.name, at]);
    },
    get: async (id) => (await firstOf(db.all<{ id: string; name: string }>('SELECT id, name FROM workspaces WHERE id = ?', [id]))) ?? null,
  };
}

export function sqlDigestCache(db: SqlRunner): DigestCache {
  return {
    get: async (hash, version) =>
      (await firstOf(db.all<{ digest_json: string }>('SELECT digest_json FROM digest_cache WHERE content_hash = ? AND engine_version = ?', [hash, version])))?.digest_json ?? null,
    async put(hash, version, json, at) {
      await db.run(
        'INSERT INTO digest_cache (content_hash, engine_version, digest_json, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (content_hash, engine_version) DO UPDATE SET digest_json = excluded.digest_json, created_at = excluded.created_at',
        [hash, version, json, at],
      );
    },
  };
}

export function sqlAudit(db: SqlRunner): AuditLog {
  type Row = { workspace_id: string; actor: string; action: string; target: string; details: string | null; at: string };
  return {
    async append(e) {
      await db.run('INSERT INTO audit_log (workspace_id, actor, action, target, details, at) VALUES (?, ?, ?, ?, ?, ?)', [e.workspaceId, e.actor, e.action, e.target, e.details, e.at]);
    },
    list: async (workspaceId, limit) => (await db.all<Row>('SELECT * FROM audit_log WHERE workspace_id = ? ORDER BY id DESC LIMIT ?', [workspaceId, limit])).map((r) => ({
      workspaceId: r.workspace_id, actor: r.actor, action: r.action, target: r.target, details: r.details, at: r.at,
    })),
  };
}

export function sqlDefinitions(db: SqlRunner): DefinitionRepository {
  type Row = { workspace_id: string; name: string; json: string };
  const shape = (r: Row): StoredDefinition => ({ workspaceId: r.workspace_id, name: r.name, json: r.json });
  const columns = 'SELECT workspace_id, name, json FROM digest_definitions';
  return {
    async put(workspaceId, name, json, at) {
      await db.run(
        'INSERT INTO digest_definitions (workspace_id, name, json, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (workspace_id, name) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at',
        [workspaceId, name, json, at],
      );
    },
    async get(workspaceId, name) {
      const row = await firstOf(db.all<Row>(`${columns} WHERE workspace_id = ? AND name = ?`, [workspaceId, name]));
      return row === undefined ? null : shape(row);
    },
    list: async (workspaceId) => (workspaceId === undefined
      ? await db.all<Row>(`${columns} ORDER BY workspace_id, name`)
      : await db.all<Row>(`${columns} WHERE workspace_id = ? ORDER BY name`, [workspaceId])).map(shape),
    remove: async (workspaceId, name) => (await db.run('DELETE FROM digest_definitions WHERE workspace_id = ? AND name = ?', [workspaceId, name])) > 0,
  };
}

export function sqlState(db: SqlRunner): BotState {
  return {
    get: async (key) => (await firstOf(db.all<{ value: string }>('SELECT value FROM bot_state WHERE key = ?', [key])))?.value ?? null,
    async set(key, value) {
      await db.run('INSERT INTO bot_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
    },
  };
}

export function sqlLlmLedger(db: SqlRunner): LlmLedger {
  return {
    cacheGet: async (key) => (await firstOf(db.all<{ json: string }>('SELECT json FROM llm_cache WHERE key = ?', [key])))?.json ?? null,
    async cachePut(key, json, at) {
      await db.run('INSERT INTO llm_cache (key, json, created_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET json = excluded.json, created_at = excluded.created_at', [key, json, at]);
    },
    tokensOn: async (workspaceId, day) =>
      (await firstOf(db.all<{ tokens: number }>('SELECT tokens FROM llm_usage WHERE workspace_id = ? AND day = ?', [workspaceId, day])))?.tokens ?? 0,
    async addTokens(workspaceId, day, n) {
      await db.run(
        'INSERT INTO llm_usage (workspace_id, day, tokens) VALUES (?, ?, ?) ON CONFLICT (workspace_id, day) DO UPDATE SET tokens = llm_usage.tokens + excluded.tokens',
        [workspaceId, day, n],
      );
    },
  };
}
