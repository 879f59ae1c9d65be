/** Sources and their health, in SQL both databases understand. */
import { DigestError } from '../../errors.ts';
import type { NewSource, SourceRecord, SourceRepository } from '../port.ts';
import { isUniqueViolation, type SqlRunner } from './runner.ts';

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

const one = (rows: SourceRow[]): SourceRecord | null => (rows[0] === undefined ? null : toRecord(rows[0]));

/** The driver's text for a unique violation, with the constraint's name (PostgreSQL keeps it apart). */
const violationText = (err: unknown): string =>
  `${err instanceof Error ? err.message : ''} ${typeof err === 'object' && err !== null && 'constraint' in err ? String(err.constraint) : ''}`;

export function sqlSources(db: SqlRunner): SourceRepository {
  const get = async (id: number): Promise<SourceRecord | null> => one(await db.all<SourceRow>('SELECT * FROM sources WHERE id = ?', [id]));
  return {
    async add(source: NewSource, at: string): Promise<SourceRecord> {
      try {
        const added = one(await db.all<SourceRow>(
          'INSERT INTO sources (workspace_id, name, url, type, added_by, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *',
          [source.workspaceId, source.name, source.url, source.type, source.addedBy, at],
        ));
        if (added === null) throw new DigestError('internal/unexpected', 'source vanished after insert', { userFacing: false });
        return added;
      } catch (err) {
        if (isUniqueViolation(err)) {
          const which = /url/u.test(violationText(err)) ? 'URL' : 'name';
          throw new DigestError('source/duplicate', `this workspace already has a source with that ${which}`, { cause: err });
        }
        throw err;
      }
    },
    async remove(workspaceId: string, nameOrId: string): Promise<SourceRecord | null> {
      const rows = /^\d+$/u.test(nameOrId)
        ? await db.all<SourceRow>('DELETE FROM sources WHERE id = ? AND workspace_id = ? RETURNING *', [Number(nameOrId), workspaceId])
        : await db.all<SourceRow>('DELETE FROM sources WHERE workspace_id = ? AND name = ? RETURNING *', [workspaceId, nameOrId]);
      return one(rows);
    },
    list: async (workspaceId) => (await db.all<SourceRow>('SELECT * FROM sources WHERE workspace_id = ? ORDER BY name', [workspaceId])).map(toRecord),
    all: async () => (await db.all<SourceRow>('SELECT * FROM sources ORDER BY id')).map(toRecord),
    get,
    async recordSuccess(id, at, validators) {
      await db.run(
        'UPDATE sources SET last_success_at = ?, etag = ?, last_modified = ?, error_count = 0, last_error = NULL, next_attempt_at = NULL, paused_reason = NULL, failing_since = NULL WHERE id = ?',
        [at, validators.etag, validators.lastModified, id],
      );
    },
    async resume(id) {
      await db.run('UPDATE sources SET next_attempt_at = NULL, paused_reason = NULL WHERE id = ?', [id]);
    },
    async recordFailure(id, at, error, nextAttemptAt, pausedReason) {
      const updated = one(await db.all<SourceRow>(
        'UPDATE sources SET error_count = error_count + 1, last_error = ?, last_error_at = ?, failing_since = COALESCE(failing_since, ?), next_attempt_at = ?, paused_reason = ? WHERE id = ? RETURNING *',
        [error, at, at, nextAttemptAt, pausedReason, id],
      ));
      if (updated === null) throw new DigestError('source/not-found', `source ${String(id)} does not exist`);
      return updated;
    },
  };
}
