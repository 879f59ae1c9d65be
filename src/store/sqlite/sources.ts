/** Sources and their health, in SQLite. */
import type Database from 'better-sqlite3';
import { DigestError } from '../../errors.ts';
import type { NewSource, SourceRecord, SourceRepository } from '../port.ts';

interface SourceRow {
  id: number;
  workspace_id: string;
  name: string;
  url: string;
  type: string;
  added_by: string;
  created_at: string;
  etag: string | null;
  last_modified: string | null;
  error_count: number;
  last_error: string | null;
  last_error_at: string | null;
  next_attempt_at: string | null;
  paused_reason: string | null;
  last_success_at: string | null;
  failing_since: string | null;
}

function toRecord(r: SourceRow): SourceRecord {
  return {
    id: r.id, workspaceId: r.workspace_id, name: r.name, url: r.url, type: r.type, addedBy: r.added_by,
    createdAt: r.created_at, etag: r.etag, lastModified: r.last_modified, errorCount: r.error_count,
    lastError: r.last_error, lastErrorAt: r.last_error_at, nextAttemptAt: r.next_attempt_at,
    pausedReason: r.paused_reason, lastSuccessAt: r.last_success_at, failingSince: r.failing_since,
  };
}

export function sqliteSources(db: Database.Database): SourceRepository {
  const insert = db.prepare<[string, string, string, string, string, string]>(
    'INSERT INTO sources (workspace_id, name, url, type, added_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byId = db.prepare<[number], SourceRow>('SELECT * FROM sources WHERE id = ?');
  const byName = db.prepare<[string, string], SourceRow>('SELECT * FROM sources WHERE workspace_id = ? AND name = ?');
  const list = db.prepare<[string], SourceRow>('SELECT * FROM sources WHERE workspace_id = ? ORDER BY name');
  const del = db.prepare<[number]>('DELETE FROM sources WHERE id = ?');
  const all = db.prepare<[], SourceRow>('SELECT * FROM sources ORDER BY id');
  const success = db.prepare<[string, string | null, string | null, number]>(
    'UPDATE sources SET last_success_at = ?, etag = ?, last_modified = ?, error_count = 0, last_error = NULL, next_attempt_at = NULL, paused_reason = NULL, failing_since = NULL WHERE id = ?',
  );
  const failure = db.prepare<[string, string, string, string | null, string | null, number]>(
    'UPDATE sources SET error_count = error_count + 1, last_error = ?, last_error_at = ?, failing_since = COALESCE(failing_since, ?), next_attempt_at = ?, paused_reason = ? WHERE id = ?',
  );
  const resume = db.prepare<[number]>('UPDATE sources SET next_attempt_at = NULL, paused_reason = NULL WHERE id = ?');
  const get = (id: number): SourceRecord | null => {
    const row = byId.get(id);
    return row === undefined ? null : toRecord(row);
  };
  return {
    add(source: NewSource, at: string): SourceRecord {
      try {
        const info = insert.run(source.workspaceId, source.name, source.url, source.type, source.addedBy, at);
        const added = get(Number(info.lastInsertRowid));
        if (added === null) throw new DigestError('internal/unexpected', 'source vanished after insert', { userFacing: false });
        return added;
      } catch (err) {
        if (err instanceof Error && /UNIQUE/u.test(err.message)) {
          throw new DigestError('source/duplicate', `this workspace already has a source with that ${/url/u.test(err.message) ? 'URL' : 'name'}`, { cause: err });
        }
        throw err;
      }
    },
    remove(workspaceId: string, nameOrId: string): SourceRecord | null {
      const row = /^\d+$/u.test(nameOrId) ? byId.get(Number(nameOrId)) : byName.get(workspaceId, nameOrId);
      if (row === undefined || row.workspace_id !== workspaceId) return null;
      del.run(row.id);
      return toRecord(row);
    },
    list: (workspaceId) => list.all(workspaceId).map(toRecord),
    all: () => all.all().map(toRecord),
    get,
    recordSuccess(id, at, validators) {
      success.run(at, validators.etag, validators.lastModified, id);
    },
    resume(id) {
      resume.run(id);
    },
    recordFailure(id, at, error, nextAttemptAt, pausedReason) {
      failure.run(error, at, at, nextAttemptAt, pausedReason, id);
      const updated = get(id);
      if (updated === null) throw new DigestError('source/not-found', `source ${String(id)} does not exist`);
      return updated;
    },
  };
}
