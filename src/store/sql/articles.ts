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

const RECENT = 'SELECT * FROM articles WHERE workspace_id = ? AND first_seen_at > ? AND backfill = 0';
const NEWEST_FIRST = ' ORDER BY first_seen_at DESC, id DESC LIMIT ?';

/** Most source ids bound in one statement (far more than a digest has sources); longer lists run in chunks. */
const IDS_PER_STATEMENT = 1024;

/**
 * Placeholders for an id list, padded to a power of two by repeating the last id: one statement text per size
 * class, kept by the runner's statement cache. An inlined list made one text per list (one per source when a
 * digest reads its sources one by one), each prepared anew, and the churn of thousands of prepared statements
 * kept tens of MiB of native memory.
 */
function boundIds(ids: readonly number[]): { placeholders: string; params: number[] } {
  let size = 1;
  while (size < ids.length) size *= 2;
  const last = ids.at(-1) ?? 0;
  const params = [...ids, ...Array<number>(size - ids.length).fill(last)];
  return { placeholders: params.map(() => '?').join(', '), params };
}

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
      if (sourceIds === undefined) return (await db.all<ArticleRow>(`${RECENT}${NEWEST_FIRST}`, [workspaceId, since, limit])).map(toRecord);
      const ids = [...new Set(sourceIds.map(Number).filter(Number.isSafeInteger))];
      const rows: ArticleRow[] = [];
      for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
        const chunk = boundIds(ids.slice(i, i + IDS_PER_STATEMENT));
        rows.push(...await db.all<ArticleRow>(`${RECENT} AND source_id IN (${chunk.placeholders})${NEWEST_FIRST}`, [workspaceId, since, ...chunk.params, limit]));
      }
      if (ids.length > IDS_PER_STATEMENT) rows.sort((a, b) => (a.first_seen_at === b.first_seen_at ? b.id - a.id : a.first_seen_at < b.first_seen_at ? 1 : -1));
      return rows.slice(0, limit).map(toRecord);
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
