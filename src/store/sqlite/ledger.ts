/**
 * The delivery ledger: one row per (digest, scheduled time, channel).
 * A run is claimed before posting, its message stored with the claim once
 * built, and marked posted after; a restart finds the row and neither
 * repeats a posted run nor skips a claimed one, and posts the stored message.
 */
import type Database from 'better-sqlite3';
import type { Delivery, DeliveryLedger, DeliveryStatus } from '../port.ts';

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
}

function toDelivery(r: DeliveryRow): Delivery {
  return {
    digest: r.digest, scheduledFor: r.scheduled_for, channel: r.channel, status: r.status, attempts: r.attempts,
    late: r.late === 1, messageRef: r.message_ref, lastError: r.last_error, claimedAt: r.claimed_at, postedAt: r.posted_at,
    messageJson: r.message_json,
  };
}

export function sqliteLedger(db: Database.Database): DeliveryLedger {
  const get = db.prepare<[string, string, string], DeliveryRow>('SELECT * FROM deliveries WHERE digest = ? AND scheduled_for = ? AND channel = ?');
  const insert = db.prepare<[string, string, string, number, string]>(
    "INSERT OR IGNORE INTO deliveries (digest, scheduled_for, channel, status, late, claimed_at) VALUES (?, ?, ?, 'claimed', ?, ?)",
  );
  const retry = db.prepare<[string, string, string, string]>(
    "UPDATE deliveries SET attempts = attempts + 1, claimed_at = ?, status = 'claimed' WHERE digest = ? AND scheduled_for = ? AND channel = ? AND status != 'posted'",
  );
  const posted = db.prepare<[string, string | null, string, string, string]>(
    "UPDATE deliveries SET status = 'posted', posted_at = ?, message_ref = ?, last_error = NULL WHERE digest = ? AND scheduled_for = ? AND channel = ?",
  );
  const failed = db.prepare<[string, string, string, string]>(
    "UPDATE deliveries SET status = 'failed', last_error = ? WHERE digest = ? AND scheduled_for = ? AND channel = ? AND status != 'posted'",
  );
  const storeMessage = db.prepare<[string, string, string, string]>(
    'UPDATE deliveries SET message_json = ? WHERE digest = ? AND scheduled_for = ? AND channel = ? AND message_json IS NULL',
  );
  const since = db.prepare<[string, string], DeliveryRow>('SELECT * FROM deliveries WHERE digest = ? AND scheduled_for >= ? ORDER BY scheduled_for, channel');
  const claim = db.transaction((digest: string, scheduledFor: string, channel: string, at: string, late: boolean): Delivery => {
    const inserted = insert.run(digest, scheduledFor, channel, late ? 1 : 0, at);
    if (inserted.changes === 0) retry.run(at, digest, scheduledFor, channel);
    const row = get.get(digest, scheduledFor, channel);
    if (row === undefined) throw new Error('delivery row missing after claim');
    return toDelivery(row);
  });
  return {
    claim: (digest, scheduledFor, channel, at, late) => claim.immediate(digest, scheduledFor, channel, at, late),
    storeMessage(digest, scheduledFor, channel, messageJson) {
      storeMessage.run(messageJson, digest, scheduledFor, channel);
      const stored = get.get(digest, scheduledFor, channel)?.message_json;
      if (stored == null) throw new Error('delivery row missing when storing its message');
      return stored;
    },
    markPosted(digest, scheduledFor, channel, at, messageRef) {
      posted.run(at, messageRef, digest, scheduledFor, channel);
    },
    markFailed(digest, scheduledFor, channel, _at, error) {
      failed.run(error, digest, scheduledFor, channel);
    },
    get(digest, scheduledFor, channel) {
      const row = get.get(digest, scheduledFor, channel);
      return row === undefined ? null : toDelivery(row);
    },
    since: (digest, from) => since.all(digest, from).map(toDelivery),
  };
}
