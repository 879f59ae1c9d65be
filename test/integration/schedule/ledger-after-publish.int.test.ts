/**
 * The delivery ledger failing right after Discord accepted a post (the weak
 * spot between "platform accepted" and "ledger marked posted"), with the real
 * discord.js publisher against the fake Discord and a real SQLite ledger: the
 * run is published again under the same idempotency key, Discord's enforced
 * nonce returns the first message, so the channel shows one message and the
 * ledger ends up with that message's id, whether the retry comes from the
 * same delivery or from the next start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger, systemClock } from '../../../src/ports.ts';
import { deliverRun, type DeliverDeps, type RunKey } from '../../../src/schedule/deliver-run.ts';
import type { DeliveryLedger, Store } from '../../../src/store/port.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';
import { startDiscordHarness, type DiscordHarness } from '../../fakes/discord/harness.ts';

let h: DiscordHarness;
let dir: string;
let store: Store;
let run: RunKey;

beforeEach(async () => {
  h = await startDiscordHarness();
  dir = mkdtempSync(join(tmpdir(), 'ledger-after-publish-'));
  store = openSqliteStore(join(dir, 'bot.sqlite'));
  run = { digest: 'discord:g/morning', scheduledFor: new Date('2026-11-20T06:30:00Z'), channel: `discord:${h.channelIds[0] ?? ''}`, late: false };
});

afterEach(async () => {
  await h.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The real ledger, except that markPosted fails the first `failures` times (a locked or full disk, a dying process). */
function flakyLedger(failures: number): DeliveryLedger {
  let left = failures;
  return {
    ...store.ledger,
    async markPosted(...args) {
      if (left-- > 0) throw new Error('SQLITE_BUSY: database is locked');
      await store.ledger.markPosted(...args);
    },
  };
}

const deps = (ledger: DeliveryLedger): DeliverDeps => ({
  ledger, publisher: h.adapter.publisher, clock: systemClock, logger: silentLogger, sleep: () => Promise.resolve(),
  retry: { attempts: 3, baseDelayMs: 1 },
  buildMessage: () => Promise.resolve({ title: 'Morning', subtitle: '20 Nov', sections: [{ heading: 'Rates', lines: ['Rates held at 4%.'] }] }),
});

const posts = (): number => h.fake.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages')).length;

describe('ledger failure after Discord accepted the post', () => {
  it('given markPosted failing once, then the retry reuses the nonce: one message, ledger posted with its id', async () => {
    expect(await deliverRun(deps(flakyLedger(1)), run)).toBe('posted');
    expect(posts()).toBe(2);
    expect(h.fake.messages).toHaveLength(1);
    expect(await store.ledger.get(run.digest, run.scheduledFor.toISOString(), run.channel)).toMatchObject({ status: 'posted', messageRef: h.fake.messages[0]?.id });
  });

  it('given markPosted failing on every attempt, then the run is recorded failed and the next start posts nothing new but records the message', async () => {
    expect(await deliverRun(deps(flakyLedger(3)), run)).toBe('failed');
    expect((await store.ledger.get(run.digest, run.scheduledFor.toISOString(), run.channel))?.status).toBe('failed');
    expect(await deliverRun(deps(store.ledger), { ...run, late: true })).toBe('posted');
    expect(posts()).toBe(4);
    expect(h.fake.messages).toHaveLength(1);
    expect(await store.ledger.get(run.digest, run.scheduledFor.toISOString(), run.channel)).toMatchObject({ status: 'posted', messageRef: h.fake.messages[0]?.id, attempts: 2 });
  });
});
