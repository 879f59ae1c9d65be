/**
 * The campaign's verdict: the delivery ledger (the SQLite file) against what
 * the fake Discord received. A run is (digest, scheduled second, channel);
 * each posted part carries the nonce the publisher derives from the run, so
 * the fake's messages map back to runs. Duplicates: messages beyond the first
 * with the same channel and nonce. Misses: due runs with no message. Also
 * `PRAGMA integrity_check` and `PRAGMA foreign_key_check` on the file.
 */
import Database from 'better-sqlite3';
import { messageNonce } from '../../../adapters/discord/publisher.ts';
import { runId } from '../../../src/schedule/deliver-run.ts';
import { runsBetween } from '../../../src/schedule/runs.ts';
import type { PostedMessage } from '../../../test/fakes/discord/fake-discord.ts';

export interface DbChecks {
  integrity: string;
  foreignKeyProblems: number;
  schemaVersion: number;
}

/** Opens the file after a kill (recovering its WAL) and checks it; `quick` runs quick_check instead of integrity_check. */
export function checkDatabase(dbPath: string, quick = false): DbChecks {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    const rows = db.pragma(quick ? 'quick_check' : 'integrity_check') as Record<string, string>[];
    const integrity = rows.map((r) => Object.values(r)[0]).join('; ');
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    return { integrity, foreignKeyProblems, schemaVersion: db.pragma('user_version', { simple: true }) as number };
  } finally {
    db.close();
  }
}

export interface Verdict {
  /** Due runs (run times × channels) in the window. */
  dueRuns: number;
  duplicates: number;
  misses: number;
  /** Due runs posted late (after the catch-up rules' one minute). */
  late: number;
  /** Due runs whose ledger row is not `posted` with the first part's message id. */
  ledgerMismatches: number;
  /** Messages in the fake that belong to no run of the schedule. */
  strays: number;
  /** Runs from before the bot's first start that were posted anyway (a fresh install must post nothing late). */
  beforeFirstStart: number;
  /** Examples of what went wrong, for the report. */
  examples: string[];
}

interface LedgerRow {
  scheduled_for: string;
  channel: string;
  status: string;
  message_ref: string | null;
  late: number;
}

/**
 * The fake's messages by `channel|nonce`, and the duplicates: messages beyond the first with the same key
 * (the first few noted in `examples`). Shared with the cluster campaign.
 */
export function messagesByNonce(messages: readonly PostedMessage[], examples: string[]): { byNonce: Map<string, PostedMessage[]>; duplicates: number } {
  const byNonce = new Map<string, PostedMessage[]>();
  for (const m of messages) {
    const key = `${m.channelId}|${m.nonce ?? ''}`;
    byNonce.set(key, [...(byNonce.get(key) ?? []), m]);
  }
  let duplicates = 0;
  for (const [key, list] of byNonce) {
    if (list.length <= 1) continue;
    duplicates += list.length - 1;
    if (examples.length < 5) examples.push(`duplicate ${key} ×${String(list.length)}`);
  }
  return { byNonce, duplicates };
}

/**
 * Due: every run time of the schedule after `from` and up to `to` (both inside the campaign: the first
 * start had completed and the last process was still up and caught up), on every channel.
 */
export function verify(options: {
  dbPath: string; digest: string; cron: string; channels: string[]; from: Date; to: Date; messages: readonly PostedMessage[];
}): Verdict {
  const { digest, channels } = options;
  const examples: string[] = [];
  const { byNonce, duplicates } = messagesByNonce(options.messages, examples);
  const db = new Database(options.dbPath, { readonly: true, fileMustExist: true });
  const rows = db.prepare<[string], LedgerRow>('SELECT scheduled_for, channel, status, message_ref, late FROM deliveries WHERE digest = ?').all(digest);
  db.close();
  const ledger = new Map(rows.map((r) => [`${r.scheduled_for}|${r.channel}`, r]));

  const due = runsBetween({ cron: options.cron, timezone: 'UTC' }, options.from, options.to);
  let misses = 0;
  let late = 0;
  let ledgerMismatches = 0;
  for (const at of due) {
    for (const channel of channels) {
      const id = runId({ digest, scheduledFor: at, channel, late: false });
      const posted = byNonce.get(`${channel.replace(/^discord:/u, '')}|${messageNonce(id, 0)}`) ?? [];
      const row = ledger.get(`${at.toISOString()}|${channel}`);
      if (posted.length === 0) {
        misses++;
        if (examples.length < 10) examples.push(`missed ${id} (ledger: ${row?.status ?? 'none'})`);
      }
      if (row?.late === 1) late++;
      if (row?.status !== 'posted' || (posted[0] !== undefined && row.message_ref !== posted[0].id)) {
        ledgerMismatches++;
        if (examples.length < 10) examples.push(`ledger ${id}: ${row?.status ?? 'none'} ref ${row?.message_ref ?? '-'} vs ${posted[0]?.id ?? 'no message'}`);
      }
    }
  }
  // Strays: first parts whose nonce is no run of the schedule in a wide window around the campaign.
  const nonces = (from: Date, to: Date): Set<string> => new Set(runsBetween({ cron: options.cron, timezone: 'UTC' }, from, to)
    .flatMap((at) => channels.map((channel) => messageNonce(runId({ digest, scheduledFor: at, channel, late: false }), 0))));
  const known = nonces(new Date(options.from.getTime() - 3_600_000), new Date(options.to.getTime() + 600_000));
  const early = nonces(new Date(options.from.getTime() - 3_600_000), options.from);
  const firstParts = options.messages.filter((m) => m.nonce?.endsWith('.0') === true);
  const strays = firstParts.filter((m) => !known.has(m.nonce ?? '')).length;
  const beforeFirstStart = firstParts.filter((m) => early.has(m.nonce ?? '')).length;
  return { dueRuns: due.length * channels.length, duplicates, misses, late, ledgerMismatches, strays, beforeFirstStart, examples };
}
