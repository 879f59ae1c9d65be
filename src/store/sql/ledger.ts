/**
 * The delivery ledger: one row per (digest, scheduled time, channel).
 * A run is claimed before posting, its message stored with the claim once
 * built, and marked posted after; a restart finds the row and neither
 * repeats a posted run nor skips a claimed one, and posts the stored message.
 */
import { LOCAL_OWNER, type ClaimOwner, type Delivery, type DeliveryLedger, type DeliveryStatus } from '../port.ts';
import type { SqlRunner } from './runner.ts';

interface DeliveryRow {
  digest: string;
  scheduled_for: string;
  channel: string;
  status: DeliveryStatus;
  attempts: number;
  late: number;
  message_ref: string | null;
  last_error: string | null;
  claimed_at: string;
  posted_at: string | null;
  message_json: string | null;
  owner: string | null;
}

function toDelivery(r: DeliveryRow): Delivery {
  return {
    digest: r.digest, scheduledFor: r.scheduled_for, channel: r.channel, status: r.status, attempts: r.attempts,
    late: r.late === 1, messageRef: r.message_ref, lastError: r.last_error, claimedAt: r.claimed_at, postedAt: r.posted_at,
    messageJson: r.message_json,
  };
}

/**
 * A fresh claim, or one more attempt of a run claimed before and not posted, in one statement (two instances
 * claiming at once are serialized by the primary key). The attempt is ours when the row had no owner, was ours,
 * failed, or was claimed before the stale bound; otherwise no row comes back and the run is another
 * instance's. A posted run is left alone and returns no row.
 */
const CLAIM = `INSERT INTO deliveries (digest, scheduled_for, channel, status, late, claimed_at, owner) VALUES (?, ?, ?, 'claimed', ?, ?, ?)
  ON CONFLICT (digest, scheduled_for, channel) DO UPDATE SET attempts = deliveries.attempts + 1, claimed_at = excluded.claimed_at,
    status = 'claimed', owner = excluded.owner
  WHERE deliveries.status != 'posted' AND (deliveries.owner IS NULL OR deliveries.owner = excluded.owner
    OR deliveries.status = 'failed' OR deliveries.claimed_at < ?) RETURNING *`;
const KEY = 'digest = ? AND scheduled_for = ? AND channel = ?';

export function sqlLedger(db: SqlRunner, owner: ClaimOwner = LOCAL_OWNER): DeliveryLedger {
  const get = async (digest: string, scheduledFor: string, channel: string): Promise<DeliveryRow | undefined> =>
    (await db.all<DeliveryRow>(`SELECT * FROM deliveries WHERE ${KEY}`, [digest, scheduledFor, channel]))[0];
  return {
    async claim(digest, scheduledFor, channel, at, late) {
      const staleBefore = new Date(Date.parse(at) - owner.staleAfterMs).toISOString();
      const won = (await db.all<DeliveryRow>(CLAIM, [digest, scheduledFor, channel, late ? 1 : 0, at, owner.id, staleBefore]))[0];
      if (won !== undefined) return toDelivery(won);
      const row = await get(digest, scheduledFor, channel);
      if (row === undefined) throw new Error('delivery row missing after claim');
      return { ...toDelivery(row), claimedElsewhere: row.status !== 'posted' };
    },
    async storeMessage(digest, scheduledFor, channel, messageJson) {
      await db.run(`UPDATE deliveries SET message_json = ? WHERE ${KEY} AND message_json IS NULL`, [messageJson, digest, scheduledFor, channel]);
      const stored = (await get(digest, scheduledFor, channel))?.message_json;
      if (stored == null) throw new Error('delivery row missing when storing its message');
      return stored;
    },
    async markPosted(digest, scheduledFor, channel, at, messageRef) {
      await db.run(`UPDATE deliveries SET status = 'posted', posted_at = ?, message_ref = ?, last_error = NULL WHERE ${KEY}`, [at, messageRef, digest, scheduledFor, channel]);
    },
    async markFailed(digest, scheduledFor, channel, _at, error) {
      await db.run(`UPDATE deliveries SET status = 'failed', last_error = ? WHERE ${KEY} AND status != 'posted'`, [error, digest, scheduledFor, channel]);
    },
    async get(digest, scheduledFor, channel) {
      const row = await get(digest, scheduledFor, channel);
      return row === undefined ? null : toDelivery(row);
    },
    since: async (digest, from) => (await db.all<DeliveryRow>(
      'SELECT * FROM deliveries WHERE digest = ? AND scheduled_for >= ? ORDER BY scheduled_for, channel',
      [digest, from],
    )).map(toDelivery),
  };
}
