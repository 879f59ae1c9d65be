/**
 * Slack's admin check for admin-only commands: a user counts as admin when
 * the configured list names them (`slack:<user id>`) or when users.info says
 * they are a workspace admin, owner or primary owner. Answers are cached.
 */

/** The admin flags of a users.info `user`. */
export interface SlackUserFlags {
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

export interface SlackAdminCheckOptions {
  /** Looks a user of a workspace up (users.info); rejects when Slack cannot answer. */
  lookUp: (userId: string, teamId: string) => Promise<SlackUserFlags>;
  /** Platform-qualified ids that count as admins without a lookup (`slack:U123`). */
  adminUserIds: readonly string[];
  /** How long an answer is kept, in ms. @defaultValue 300000 (5 minutes) */
  ttlMs?: number;
  /** The current time in ms (tests pass a fake). @defaultValue Date.now */
  now?: () => number;
}

/** Whether a user of a workspace may run admin-only commands. Rejects when the lookup fails (nothing is cached then). */
export type SlackAdminCheck = (teamId: string, userId: string) => Promise<boolean>;

/** The default cache time of admin answers: 5 minutes. */
export const ADMIN_CACHE_MS = 5 * 60_000;
const MAX_ENTRIES = 1000;

/** Builds the admin check with its cache (concurrent checks of one user share a lookup). */
export function createSlackAdminCheck(options: SlackAdminCheckOptions): SlackAdminCheck {
  const ttlMs = options.ttlMs ?? ADMIN_CACHE_MS;
  const now = options.now ?? Date.now;
  const listed = new Set(options.adminUserIds);
  const cache = new Map<string, { at: number; answer: Promise<boolean> }>();
  return (teamId, userId) => {
    if (listed.has(`slack:${userId}`)) return Promise.resolve(true);
    const key = `${teamId}:${userId}`;
    const hit = cache.get(key);
    if (hit !== undefined && now() - hit.at < ttlMs) return hit.answer;
    const answer = options.lookUp(userId, teamId).then((u) => u.is_admin === true || u.is_owner === true || u.is_primary_owner === true);
    const entry = { at: now(), answer };
    if (cache.size >= MAX_ENTRIES) for (const [k, v] of cache) if (entry.at - v.at >= ttlMs) cache.delete(k);
    cache.set(key, entry);
    answer.catch(() => {
      if (cache.get(key) === entry) cache.delete(key);
    });
    return answer;
  };
}
