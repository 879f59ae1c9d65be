/**
 * The Store port: everything the bot keeps between runs. Callers depend on
 * these interfaces only; the embedded default is SQLite (sqlite/), and a
 * server database can implement the same port later.
 * Times are ISO 8601 strings in UTC.
 */

export interface Workspace {
  /** Platform-qualified id: `discord:<guild>`, `slack:<team>`, `console:local`. */
  id: string;
  name: string;
}

export interface SourceRecord {
  id: number;
  workspaceId: string;
  name: string;
  url: string;
  /** Detected type: rss, atom, rdf, json-feed, html, folder … */
  type: string;
  addedBy: string;
  createdAt: string;
  etag: string | null;
  lastModified: string | null;
  errorCount: number;
  lastError: string | null;
  lastErrorAt: string | null;
  /** No fetch before this time (backoff, Retry-After). */
  nextAttemptAt: string | null;
  /** Set when the source was paused automatically after repeated failures. */
  pausedReason: string | null;
  lastSuccessAt: string | null;
  /** When the current run of failures began (null while healthy). */
  failingSince: string | null;
}

export interface NewSource {
  workspaceId: string;
  name: string;
  url: string;
  type: string;
  addedBy: string;
}

export interface SourceRepository {
  /** @throws DigestError `source/duplicate` when the workspace already has the URL or name. */
  add(source: NewSource, at: string): SourceRecord;
  remove(workspaceId: string, nameOrId: string): SourceRecord | null;
  list(workspaceId: string): SourceRecord[];
  /** Every source of every workspace (the poll loop). */
  all(): SourceRecord[];
  get(id: number): SourceRecord | null;
  /** Records a successful fetch: clears errors, backoff and pause; keeps the conditional-GET validators. */
  recordSuccess(id: number, at: string, validators: { etag: string | null; lastModified: string | null }): void;
  /** Counts a failure; the caller decides backoff and pausing. */
  recordFailure(id: number, at: string, error: string, nextAttemptAt: string | null, pausedReason: string | null): SourceRecord;
  /** Clears a pause and the backoff (an admin re-adding or resuming a source). */
  resume(id: number): void;
}

/** Keys that recognise an item already seen from a source. */
export interface ItemKeys {
  canonicalUrl: string | null;
  guid: string | null;
  contentHash: string | null;
}

export interface ArticleRecord extends ItemKeys {
  id: number;
  sourceId: number;
  /** The article's own link, as the feed gave it. */
  link: string | null;
  title: string | null;
  published: string | null;
  firstSeenAt: string;
  /** Marked seen when its source was added: never posted (no flooding on subscribe). */
  backfill: boolean;
  /** Key of its digest in the digest cache (with the engine version); null until digested. */
  digestHash: string | null;
  /** Why digesting it failed (paywall, unreachable, no text), when it did. */
  digestError: string | null;
}

export interface NewArticle extends ItemKeys {
  link: string | null;
  title: string | null;
  published: string | null;
}

export interface ArticleRepository {
  /** Whether any of the keys matches an article already stored for the workspace. */
  seen(workspaceId: string, keys: ItemKeys): boolean;
  /** The stored article any of the keys matches (canonical URL first, then GUID, then content hash), or null. */
  find(workspaceId: string, keys: ItemKeys): ArticleRecord | null;
  /** Stores a new article; returns null when it was already seen (by any key). */
  insertIfNew(workspaceId: string, sourceId: number, item: NewArticle, at: string, backfill: boolean): ArticleRecord | null;
  /** Articles first seen after `since`, not backfilled, newest first; only from `sourceIds` when given. */
  recent(workspaceId: string, since: string, limit: number, sourceIds?: readonly number[]): ArticleRecord[];
  /** A source's articles still waiting for their digest (not backfilled, no digest, no error), oldest first. */
  pending(sourceId: number, limit: number): ArticleRecord[];
  /** Records the outcome of digesting an article. */
  setDigest(id: number, digestHash: string | null, digestError: string | null): void;
  /** Counts an article marked seen on subscribe as a regular one (an operator's backfill), so `recent` returns it. */
  clearBackfill(id: number): void;
}

export interface DigestCache {
  /** The cached digest JSON for an article version (content hash + engine version). */
  get(contentHash: string, engineVersion: string): string | null;
  put(contentHash: string, engineVersion: string, digestJson: string, at: string): void;
}

export type DeliveryStatus = 'claimed' | 'posted' | 'failed';

export interface Delivery {
  digest: string;
  /** The scheduled time of the run (ISO, UTC): with `digest` and `channel`, the run's key. */
  scheduledFor: string;
  channel: string;
  status: DeliveryStatus;
  attempts: number;
  late: boolean;
  messageRef: string | null;
  lastError: string | null;
  claimedAt: string;
  postedAt: string | null;
  /** The run's message (messageToJson), stored with the claim once built; null until then. */
  messageJson: string | null;
}

export interface DeliveryLedger {
  /**
   * Records the intent to post a run before posting. Returns the row: a fresh
   * claim, or the existing row when the run was claimed before (the caller
   * posts only when the row is not `posted`).
   */
  claim(digest: string, scheduledFor: string, channel: string, at: string, late: boolean): Delivery;
  /**
   * Stores the run's built message with its claim unless one is stored already; returns the stored one (the
   * first wins), so every later attempt posts the same message.
   */
  storeMessage(digest: string, scheduledFor: string, channel: string, messageJson: string): string;
  markPosted(digest: string, scheduledFor: string, channel: string, at: string, messageRef: string | null): void;
  markFailed(digest: string, scheduledFor: string, channel: string, at: string, error: string): void;
  get(digest: string, scheduledFor: string, channel: string): Delivery | null;
  /** Runs of a digest since a time (for catch-up and tests). */
  since(digest: string, from: string): Delivery[];
}

export interface AuditEntry {
  workspaceId: string;
  actor: string;
  action: string;
  target: string;
  details: string | null;
  at: string;
}

export interface AuditLog {
  append(entry: AuditEntry): void;
  list(workspaceId: string, limit: number): AuditEntry[];
}

export interface StoredDefinition {
  workspaceId: string;
  name: string;
  json: string;
}

/** Digest definitions created or changed from chat, per workspace (files in digests/ are loaded separately). */
export interface DefinitionRepository {
  put(workspaceId: string, name: string, json: string, at: string): void;
  get(workspaceId: string, name: string): StoredDefinition | null;
  /** All stored definitions, or those of one workspace. */
  list(workspaceId?: string): StoredDefinition[];
  remove(workspaceId: string, name: string): boolean;
}

/** Small facts about the bot itself, by key (e.g. `alive_at`). */
export interface BotState {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** What the optional LLM summaries keep: their cache and the tokens each workspace spent per day (UTC). */
export interface LlmLedger {
  cacheGet(key: string): string | null;
  cachePut(key: string, json: string, at: string): void;
  /** Tokens the workspace spent on `day` (YYYY-MM-DD). */
  tokensOn(workspaceId: string, day: string): number;
  addTokens(workspaceId: string, day: string, tokens: number): void;
}

export interface Store {
  workspaces: { upsert(workspace: Workspace, at: string): void; get(id: string): Workspace | null };
  sources: SourceRepository;
  articles: ArticleRepository;
  digestCache: DigestCache;
  ledger: DeliveryLedger;
  audit: AuditLog;
  definitions: DefinitionRepository;
  state: BotState;
  /** LLM cache and token ledger. @defaultValue none (stores without it cannot run LLM summaries) */
  llm?: LlmLedger;
  /**
   * Runs `fn` (synchronous: no awaits inside) as one write transaction: all its writes land together or not at
   * all, and a poll's many small writes cost one commit instead of one each. Calls inside `fn` join it.
   * @throws what `fn` throws, after rolling its writes back
   */
  batch<T>(fn: () => T): T;
  /** The schema version after migrations. */
  schemaVersion(): number;
  close(): void;
}
