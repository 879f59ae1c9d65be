/**
 * The Store port: everything the bot keeps between runs. Callers depend on
 * these interfaces only; the embedded default is SQLite (sqlite/), and
 * PostgreSQL (postgres/) implements the same port for several instances on
 * one database. Every method is asynchronous (a server database answers over
 * the network). Times are ISO 8601 strings in UTC.
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
  add(source: NewSource, at: string): Promise<SourceRecord>;
  remove(workspaceId: string, nameOrId: string): Promise<SourceRecord | null>;
  list(workspaceId: string): Promise<SourceRecord[]>;
  /** Every source of every workspace (the poll loop). */
  all(): Promise<SourceRecord[]>;
  get(id: number): Promise<SourceRecord | null>;
  /** Records a successful fetch: clears errors, backoff and pause; keeps the conditional-GET validators. */
  recordSuccess(id: number, at: string, validators: { etag: string | null; lastModified: string | null }): Promise<void>;
  /** Counts a failure; the caller decides backoff and pausing. */
  recordFailure(id: number, at: string, error: string, nextAttemptAt: string | null, pausedReason: string | null): Promise<SourceRecord>;
  /** Clears a pause and the backoff (an admin re-adding or resuming a source). */
  resume(id: number): Promise<void>;
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
  seen(workspaceId: string, keys: ItemKeys): Promise<boolean>;
  /** The stored article any of the keys matches (canonical URL first, then GUID, then content hash), or null. */
  find(workspaceId: string, keys: ItemKeys): Promise<ArticleRecord | null>;
  /** Stores a new article; returns null when it was already seen (by any key). */
  insertIfNew(workspaceId: string, sourceId: number, item: NewArticle, at: string, backfill: boolean): Promise<ArticleRecord | null>;
  /** Articles first seen after `since`, not backfilled, newest first; only from `sourceIds` when given. */
  recent(workspaceId: string, since: string, limit: number, sourceIds?: readonly number[]): Promise<ArticleRecord[]>;
  /** A source's articles still waiting for their digest (not backfilled, no digest, no error), oldest first. */
  pending(sourceId: number, limit: number): Promise<ArticleRecord[]>;
  /** Records the outcome of digesting an article. */
  setDigest(id: number, digestHash: string | null, digestError: string | null): Promise<void>;
  /** Counts an article marked seen on subscribe as a regular one (an operator's backfill), so `recent` returns it. */
  clearBackfill(id: number): Promise<void>;
}

export interface DigestCache {
  /** The cached digest JSON for an article version (content hash + engine version). */
  get(contentHash: string, engineVersion: string): Promise<string | null>;
  put(contentHash: string, engineVersion: string, digestJson: string, at: string): Promise<void>;
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
  /**
   * Set on the row `claim` returns: true when another instance holds the claim (not stale, not failed), so this
   * one must not post the run. @defaultValue false
   */
  claimedElsewhere?: boolean;
}

/** Whose claims a ledger makes, and when another instance's unposted claim may be taken over. */
export interface ClaimOwner {
  /** This instance's id (INSTANCE_ID; one constant for the single SQLite process). */
  id: string;
  /** Age after which an unposted claim of another instance counts as abandoned, in ms. */
  staleAfterMs: number;
}

/** The single-process default: every claim is this process's own, so a restart takes over its runs at once. */
export const LOCAL_OWNER: ClaimOwner = { id: 'local', staleAfterMs: 0 };

export interface DeliveryLedger {
  /**
   * Records the intent to post a run before posting. Returns the row: a fresh
   * claim, or the existing row when the run was claimed before (the caller
   * posts only when the row is not `posted` and not `claimedElsewhere`). An
   * unposted claim of another instance is taken over only when it failed or is
   * older than the owner's `staleAfterMs`.
   */
  claim(digest: string, scheduledFor: string, channel: string, at: string, late: boolean): Promise<Delivery>;
  /**
   * Stores the run's built message with its claim unless one is stored already; returns the stored one (the
   * first wins), so every later attempt posts the same message.
   */
  storeMessage(digest: string, scheduledFor: string, channel: string, messageJson: string): Promise<string>;
  markPosted(digest: string, scheduledFor: string, channel: string, at: string, messageRef: string | null): Promise<void>;
  markFailed(digest: string, scheduledFor: string, channel: string, at: string, error: string): Promise<void>;
  get(digest: string, scheduledFor: string, channel: string): Promise<Delivery | null>;
  /** Runs of a digest since a time (for catch-up and tests). */
  since(digest: string, from: string): Promise<Delivery[]>;
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
  append(entry: AuditEntry): Promise<void>;
  list(workspaceId: string, limit: number): Promise<AuditEntry[]>;
}

export interface StoredDefinition {
  workspaceId: string;
  name: string;
  json: string;
}

/** Digest definitions created or changed from chat, per workspace (files in digests/ are loaded separately). */
export interface DefinitionRepository {
  put(workspaceId: string, name: string, json: string, at: string): Promise<void>;
  get(workspaceId: string, name: string): Promise<StoredDefinition | null>;
  /** All stored definitions, or those of one workspace. */
  list(workspaceId?: string): Promise<StoredDefinition[]>;
  remove(workspaceId: string, name: string): Promise<boolean>;
}

/** Small facts about the bot itself, by key (e.g. `alive_at`). */
export interface BotState {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

/** What the optional LLM summaries keep: their cache and the tokens each workspace spent per day (UTC). */
export interface LlmLedger {
  cacheGet(key: string): Promise<string | null>;
  cachePut(key: string, json: string, at: string): Promise<void>;
  /** Tokens the workspace spent on `day` (YYYY-MM-DD). */
  tokensOn(workspaceId: string, day: string): Promise<number>;
  addTokens(workspaceId: string, day: string, tokens: number): Promise<void>;
}

/** The repositories, on the store itself or bound to one open transaction. */
export interface StoreSession {
  workspaces: { upsert(workspace: Workspace, at: string): Promise<void>; get(id: string): Promise<Workspace | null> };
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
   * Runs `fn` as one write transaction: all its writes land together or not at all, and a poll's many small
   * writes cost one commit instead of one each. `fn` gets the repositories bound to the transaction; calls on
   * the outer store from inside `fn` (in its async context) join it too, and a nested `transaction` is a
   * savepoint (await nested ones one after another). SQLite: one `BEGIN IMMEDIATE` on the single connection,
   * nothing else runs on it until the end; PostgreSQL: a pooled connection of its own.
   * @throws what `fn` throws, after rolling its writes back
   */
  transaction<T>(fn: (tx: StoreSession) => Promise<T>): Promise<T>;
  /**
   * PostgreSQL only (undefined on SQLite): runs one statement with `$1, $2 …` placeholders on this session's
   * connection, inside its transaction when it is one. The job queue's enqueue uses it to commit with a claim.
   */
  executeSql?(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface Store extends StoreSession {
  /** Which database holds the data. */
  readonly dialect: 'sqlite' | 'postgres';
  /** The schema version after migrations. */
  schemaVersion(): number;
  close(): Promise<void>;
}
