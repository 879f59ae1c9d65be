/** Articles seen per workspace, recognised by canonical URL, GUID or content hash. */
import type Database from 'better-sqlite3';
import type { ArticleRecord, ArticleRepository, ItemKeys, NewArticle } from '../port.ts';

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

export function sqliteArticles(db: Database.Database): ArticleRepository {
  const byUrl = db.prepare<[string, string], { id: number }>('SELECT id FROM articles WHERE workspace_id = ? AND canonical_url = ? LIMIT 1');
  const byGuid = db.prepare<[string, string], { id: number }>('SELECT id FROM articles WHERE workspace_id = ? AND guid = ? LIMIT 1');
  const byHash = db.prepare<[string, string], { id: number }>('SELECT id FROM articles WHERE workspace_id = ? AND content_hash = ? LIMIT 1');
  const insert = db.prepare<[string, number, string | null, string | null, string | null, string | null, string | null, string | null, string, number]>(
    'INSERT INTO articles (workspace_id, source_id, link, canonical_url, guid, content_hash, title, published, first_seen_at, backfill) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const pending = db.prepare<[number, number], ArticleRow>(
    'SELECT * FROM articles WHERE source_id = ? AND backfill = 0 AND digest_hash IS NULL AND digest_error IS NULL ORDER BY id LIMIT ?',
  );
  const setDigest = db.prepare<[string | null, string | null, number]>('UPDATE articles SET digest_hash = ?, digest_error = ? WHERE id = ?');
  const byId = db.prepare<[number], ArticleRow>('SELECT * FROM articles WHERE id = ?');
  const clearBackfill = db.prepare<[number]>('UPDATE articles SET backfill = 0 WHERE id = ?');
  const recent = db.prepare<[string, string, number], ArticleRow>(
    'SELECT * FROM articles WHERE workspace_id = ? AND first_seen_at > ? AND backfill = 0 ORDER BY first_seen_at DESC, id DESC LIMIT ?',
  );
  /** The id of the article any key matches: canonical URL first, then GUID, then content hash. */
  const matchId = (workspaceId: string, keys: ItemKeys): number | undefined =>
    (keys.canonicalUrl === null ? undefined : byUrl.get(workspaceId, keys.canonicalUrl)?.id)
    ?? (keys.guid === null ? undefined : byGuid.get(workspaceId, keys.guid)?.id)
    ?? (keys.contentHash === null ? undefined : byHash.get(workspaceId, keys.contentHash)?.id);
  const seen = (workspaceId: string, keys: ItemKeys): boolean => matchId(workspaceId, keys) !== undefined;
  const insertIfNew = db.transaction((workspaceId: string, sourceId: number, item: NewArticle, at: string, backfill: boolean): ArticleRecord | null => {
    if (seen(workspaceId, item)) return null;
    const info = insert.run(workspaceId, sourceId, item.link, item.canonicalUrl, item.guid, item.contentHash, item.title, item.published, at, backfill ? 1 : 0);
    const row = byId.get(Number(info.lastInsertRowid));
    return row === undefined ? null : toRecord(row);
  });
  const find = (workspaceId: string, keys: ItemKeys): ArticleRecord | null => {
    const id = matchId(workspaceId, keys);
    const row = id === undefined ? undefined : byId.get(id);
    return row === undefined ? null : toRecord(row);
  };
  return {
    seen,
    find,
    insertIfNew: (workspaceId, sourceId, item, at, backfill) => insertIfNew(workspaceId, sourceId, item, at, backfill),
    recent(workspaceId, since, limit, sourceIds) {
      if (sourceIds === undefined) return recent.all(workspaceId, since, limit).map(toRecord);
      if (sourceIds.length === 0) return [];
      const ids = sourceIds.map(Number).filter(Number.isSafeInteger);
      // The id list is inlined as integers only (checked above), so no injection is possible.
      return db.prepare<[string, string, number], ArticleRow>(
        `SELECT * FROM articles WHERE workspace_id = ? AND first_seen_at > ? AND backfill = 0 AND source_id IN (${ids.join(',')}) ORDER BY first_seen_at DESC, id DESC LIMIT ?`,
      ).all(workspaceId, since, limit).map(toRecord);
    },
    pending: (sourceId, limit) => pending.all(sourceId, limit).map(toRecord),
    setDigest(id, digestHash, digestError) {
      setDigest.run(digestHash, digestError, id);
    },
    clearBackfill(id) {
      clearBackfill.run(id);
    },
  };
}
