/**
 * deliverRun builds a run's message once and stores it with the ledger claim: retries post that stored
 * message, and a later attempt (a restart's catch-up after a failed run) posts it again without building.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigestError } from '../../../src/errors.ts';
import type { Message } from '../../../src/messages/model.ts';
import { silentLogger } from '../../../src/ports.ts';
import { deliverRun, type DeliverDeps, type RunKey } from '../../../src/schedule/deliver-run.ts';
import type { Store } from '../../../src/store/port.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';

const RUN: RunKey = { digest: 'morning', scheduledFor: new Date('2026-11-20T06:30:00.000Z'), channel: 'console:main', late: false };
let dir: string;
let store: Store;
let builds: number;
let posted: Message[];
let failuresLeft: number;

function deps(): DeliverDeps {
  return {
    ledger: store.ledger, clock: { now: () => new Date('2026-11-20T06:30:05.000Z') }, logger: silentLogger,
    sleep: () => Promise.resolve(), retry: { attempts: 3, baseDelayMs: 1 },
    buildMessage() {
      builds++;
      // Each build differs (as a rebuild after new articles would), so a second build would show.
      return Promise.resolve({ title: `build ${String(builds)}`, sections: [{ lines: ['Leitzins 4,5 %'] }] });
    },
    publisher: {
      publish(_channel, message) {
        if (failuresLeft > 0) {
          failuresLeft--;
          return Promise.reject(new DigestError('publish/failed', 'platform said 503'));
        }
        posted.push(message);
        return Promise.resolve({ ref: `m${String(posted.length)}` });
      },
    },
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'digestbot-deliver-'));
  store = openSqliteStore(join(dir, 'bot.sqlite'));
  builds = 0;
  posted = [];
  failuresLeft = 0;
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('deliverRun', () => {
  it('given two failed posts, then the message is built once and the third attempt posts that same message', async () => {
    failuresLeft = 2;
    expect(await deliverRun(deps(), RUN)).toBe('posted');
    expect(builds).toBe(1);
    expect(posted.map((m) => m.title)).toEqual(['build 1']);
    const row = await store.ledger.get(RUN.digest, RUN.scheduledFor.toISOString(), RUN.channel);
    expect(row).toMatchObject({ status: 'posted', messageRef: 'm1' });
    expect(JSON.parse(row?.messageJson ?? '{}')).toMatchObject({ title: 'build 1' });
  });

  it('given a run that failed every attempt, then the next delivery posts the stored message without building again', async () => {
    failuresLeft = 3;
    expect(await deliverRun(deps(), RUN)).toBe('failed');
    expect(builds).toBe(1);
    expect(await deliverRun(deps(), RUN)).toBe('posted');
    expect(builds).toBe(1);
    expect(posted.map((m) => m.title)).toEqual(['build 1']);
  });

  it('given a posted run, then a second delivery is already-posted and neither builds nor posts', async () => {
    expect(await deliverRun(deps(), RUN)).toBe('posted');
    expect(await deliverRun(deps(), RUN)).toBe('already-posted');
    expect(builds).toBe(1);
    expect(posted).toHaveLength(1);
  });

  it('given a run another instance claimed a moment ago, then this one neither builds nor posts it', async () => {
    // The other instance (its own owner name) claims on the same file first, five seconds before this one tries.
    const other = openSqliteStore(join(dir, 'bot.sqlite'), { id: 'other', staleAfterMs: 60_000 });
    const me = openSqliteStore(join(dir, 'bot.sqlite'), { id: 'me', staleAfterMs: 60_000 });
    try {
      await other.ledger.claim(RUN.digest, RUN.scheduledFor.toISOString(), RUN.channel, '2026-11-20T06:30:00.000Z', false);
      expect(await deliverRun({ ...deps(), ledger: me.ledger }, RUN)).toBe('claimed-elsewhere');
      expect(builds).toBe(0);
      expect(posted).toHaveLength(0);
    } finally {
      await other.close();
      await me.close();
    }
  });
});
