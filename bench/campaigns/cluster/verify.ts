/**
 * The cluster campaign's verdict on posts: what the fake Discord received
 * against the schedule and the shared delivery ledger. A run is (digest,
 * scheduled second, channel); its first part carries the nonce the publisher
 * derives from the run, so messages map back to runs without asking the bot.
 */
import { messageNonce } from '../../../adapters/discord/publisher.ts';
import { runId } from '../../../src/schedule/deliver-run.ts';
import { runsBetween } from '../../../src/schedule/runs.ts';
import type { PostedMessage } from '../../../test/fakes/discord/fake-discord.ts';
import { messagesByNonce } from '../crash/verify.ts';
import type { LedgerRow } from './database.ts';
import type { ClusterDigest } from './setup.ts';

export interface PostVerdict {
  /** Due runs (run times × channels) in the window. */
  runsDue: number;
  /** Due runs with at least one message. */
  posted: number;
  /** Messages beyond the first with the same channel and nonce (every part counted). */
  duplicates: number;
  misses: number;
  /** Posted runs whose ledger row is not `posted` with the first part's message id (a miss is counted as a miss only). */
  ledgerMismatches: number;
  /** Posted runs by the instance that owns their claim. */
  postsByInstance: Record<string, number>;
  examples: string[];
}

export function verifyPosts(options: { digests: readonly ClusterDigest[]; from: Date; to: Date; messages: readonly PostedMessage[]; ledger: readonly LedgerRow[] }): PostVerdict {
  const examples: string[] = [];
  const { byNonce, duplicates } = messagesByNonce(options.messages, examples);
  const ledger = new Map(options.ledger.map((r) => [`${r.digest}|${r.scheduled_for}|${r.channel}`, r]));
  const verdict: PostVerdict = { runsDue: 0, posted: 0, duplicates, misses: 0, ledgerMismatches: 0, postsByInstance: {}, examples };
  for (const digest of options.digests) {
    for (const at of runsBetween({ cron: digest.cron, timezone: 'UTC' }, options.from, options.to)) {
      for (const channel of digest.channels) {
        verdict.runsDue++;
        const id = runId({ digest: digest.id, scheduledFor: at, channel, late: false });
        const first = byNonce.get(`${channel.replace(/^discord:/u, '')}|${messageNonce(id, 0)}`)?.[0];
        const row = ledger.get(`${digest.id}|${at.toISOString()}|${channel}`);
        if (first === undefined) {
          verdict.misses++;
          if (examples.length < 10) examples.push(`missed ${id} (ledger: ${row?.status ?? 'none'})`);
        } else {
          verdict.posted++;
          const owner = row?.owner ?? 'unknown';
          verdict.postsByInstance[owner] = (verdict.postsByInstance[owner] ?? 0) + 1;
        }
        if (first !== undefined && (row?.status !== 'posted' || row.message_ref !== first.id)) {
          verdict.ledgerMismatches++;
          if (examples.length < 10) examples.push(`ledger ${id}: ${row?.status ?? 'none'} ref ${row?.message_ref ?? '-'} vs ${first?.id ?? 'no message'}`);
        }
      }
    }
  }
  return verdict;
}
