/** Articles seen per workspace, recognised by canonical URL, GUID or content hash. */
import type { ArticleRecord, ArticleRepository, ItemKeys } from '../port.ts';
import type { SqlRunner } from './runner.ts';

interface ArticleRow {
  id: number;
  source_id: number;
  canonical_url: string | null;
  guid: string | null;
  content_hash: string | null;
  title: string | null;
  published: string | null;
  first_seen_at: string;
  backfill: number;
  link: string | null;
  digest_hash: string | null;
  digest_error: string | null;
}

function toRecord(r: ArticleRow): ArticleRecord {
  return {
    id: r.id, sourceId: r.source_id, link: r.link, canonicalUrl: r.canonical_url, guid: r.guid, contentHash: r.content_hash,
    title: r.title, published: r.published, firstSeenAt: r.first_seen_at, backfill: r.backfill === 1,
    digestHash: r.digest_hash, digestError: r.digest_error,
  };
}

/**
 * One statement, so no other writer can slip in between the check and the insert: the row is inserted only
 * when no article of the workspace has any of its keys. On PostgreSQL the keys are also unique per workspace
 * (partial indexes), so two instances inserting the same item at once store it once (`ON CONFLICT DO NOTHING`).
 * One `NOT EXISTS` per key, each answered by its own (workspace, key) index: a single `OR` of the three made
 * SQLite walk every article of the workspace on each insert (quadratic in the workspace's articles).
 */
const INSERT_IF_NEW = `INSERT INTO articles (workspace_id, source_id, link, canonical_url, guid, content_hash, title, published, first_seen_at, backfill)
  SELECT ?, CAST(? AS INTEGER), ?, ?, ?, ?, ?, ?, ?, CAST(? AS INTEGER)
  WHERE NOT EXISTS (SELECT 1 FROM articles WHERE workspace_id = ? AND canonical_url = ?)
    AND NOT EXISTS (SELECT 1 FROM articles WHERE workspace_id = ? AND guid = ?)
    AND NOT EXISTS (SELECT 1 FROM articles WHERE workspace_id = ? AND content_hash = ?)
  ON CONFLICT DO NOTHING RETURNING *`;

export function sqlArticles(db: SqlRunner): ArticleRepository {
  const firstId = async (sql: string, workspaceId: string, key: string | null): Promise<number | undefined> =>
    key === null ? undefined : (await db.all<{ id: number }>(sql, [workspaceId, key]))[0]?.id;
  /** The id of the article any key matches: canonical URL first, then GUID, then content hash. */
  const matchId = async (workspaceId: string, keys: ItemKeys): Promise<number | undefined> =>
    (await firstId('SELECT id FROM articles WHERE workspace_id = ? AND canonical_url = ? LIMIT 1', workspaceId, keys.canonicalUrl))
    ?? (await firstId('SELECT id FROM articles WHERE workspace_id = ? AND guid = ? LIMIT 1', workspaceId, keys.guid))
    ?? (await firstId('SELECT id FROM articles WHERE workspace_id = ? AND content_hash = ? LIMIT 1', workspaceId, keys.contentHash));
  const byId = async (id: number): Promise<ArticleRecord | null> => {
    const row = (await db.all<ArticleRow>('SELECT * FROM articles WHERE id = ?', [id]))[0];
    return row === undefined ? null : toRecord(row);
  };
  return {
    seen: async (workspaceId, keys) => (await matchId(workspaceId, keys)) !== undefined,
    async find(workspaceId, keys) {
      const id = await matchId(workspaceId, keys);
      return id === undefined ? null : byId(id);
    },
    async insertIfNew(workspaceId, sourceId, item, at, backfill) {
      const row = (await db.all<ArticleRow>(INSERT_IF_NEW, [
        workspaceId, sourceId, item.link, item.canonicalUrl, item.guid, item.contentHash, item.title, item.published, at, backfill ? 1 : 0,
        workspaceId, item.canonicalUrl, workspaceId, item.guid, workspaceId, item.contentHash,
      ]))[0];
      return row === undefined ? null : toRecord(row);
    },
    async recent(workspaceId, since, limit, sourceIds) {
      if (sourceIds?.length === 0) return [];
      const ids = sourceIds?.map(Number).filter(Number.isSafeInteger);
      if (ids?.length === 0) return [];
      // The id list is inlined as integers only (checked above), so no injection is possible.
      const onlyFrom = ids === undefined ? '' : ` AND source_id IN (${ids.join(',')})`;
      return (await db.all<ArticleRow>(
        `SELECT * FROM articles WHERE workspace_id = ? AND first_seen_at > ? AND backfill = 0${onlyFrom} ORDER BY first_seen_at DESC, id DESC LIMIT ?`,
        [workspaceId, since, limit],
      )).map(toRecord);
    },
    pending: async (sourceId, limit) => (await db.all<ArticleRow>(
      'SELECT * FROM articles WHERE source_id = ? AND backfill = 0 AND digest_hash IS NULL AND digest_error IS NULL ORDER BY id LIMIT ?',
      [sourceId, limit],
    )).map(toRecord),
    async setDigest(id, digestHash, digestError) {
      await db.run('UPDATE articles SET digest_hash = ?, digest_error = ? WHERE id = ?', [digestHash, digestError, id]);
    },
    async clearBackfill(id) {
      await db.run('UPDATE articles SET backfill = 0 WHERE id = ?', [id]);
    },
  };
}
