/**
 * The Store contract: one suite every implementation passes (SQLite on a temp file, PostgreSQL on a database of
 * its own). It takes a factory, so each database file only says how to get an empty store and how to reopen it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_MIGRATIONS } from '../../../src/store/migrations.ts';
import type { NewArticle, Store } from '../../../src/store/port.ts';
import { digestErrorOf } from '../../helpers/digest-error-of.ts';

export interface StoreFactory {
  /** A store on an empty, migrated database of its own (one per test). */
  fresh(): Promise<Store>;
  /** Another store on the same database as the last `fresh` one: a restart, or a second instance. */
  again(): Promise<Store>;
  /** Drops what `fresh` made (after each test; the stores are closed by then). */
  cleanup?(): Promise<void>;
  /**
   * Whether several store objects may work on the database at once (PostgreSQL: instances). SQLite's
   * transactions hold the file's write lock across awaits, so a second connection in the same process would
   * block the event loop on it: one store object per file and process.
   */
  sharedByInstances: boolean;
}

const T0 = '2026-11-20T06:00:00.000Z';
const WS = 'console:local';
const newSource = { workspaceId: WS, name: 'Handelsblatt', url: 'https://example.org/feed.xml', type: 'rss', addedBy: 'u1' };
const article = (n: number, over: Partial<NewArticle> = {}): NewArticle => ({
  link: `https://example.org/${String(n)}?utm_source=x`, canonicalUrl: `https://example.org/${String(n)}`, guid: null, contentHash: `h${String(n)}`,
  title: `T${String(n)}`, published: null, ...over,
});

/** Registers the contract's tests under `name`; `factory` is read when the tests run (it may be set in a beforeAll). */
export function storeContract(name: string, factory: () => StoreFactory): void {
  describe(`${name}: the Store contract`, () => {
    let opened: Store[] = [];
    let store: Store;
    const reopen = async (): Promise<Store> => {
      await store.close();
      opened = opened.filter((s) => s !== store);
      store = await factory().again();
      opened.push(store);
      return store;
    };
    const second = async (): Promise<Store> => {
      const other = await factory().again();
      opened.push(other);
      return other;
    };

    beforeEach(async () => {
      store = await factory().fresh();
      opened = [store];
      await store.workspaces.upsert({ id: WS, name: 'Local' }, T0);
    });

    afterEach(async () => {
      for (const s of opened) await s.close();
      await factory().cleanup?.();
    });

    sourcesContract(() => store);
    articlesContract(() => store);

    it('given a fresh database, then it is migrated to the newest version and a reopen keeps the data', async () => {
      expect(store.schemaVersion()).toBe(SCHEMA_MIGRATIONS.length);
      await store.workspaces.upsert({ id: WS, name: 'Renamed' }, T0);
      await reopen();
      expect(store.schemaVersion()).toBe(SCHEMA_MIGRATIONS.length);
      expect(await store.workspaces.get(WS)).toEqual({ id: WS, name: 'Renamed' });
      expect(await store.workspaces.get('discord:none')).toBeNull();
    });

    it('given a claimed run reopened after a crash, then the claim is found again and a posted run stays posted', async () => {
      const first = await store.ledger.claim('morning', '2026-11-20T06:30:00.000Z', 'console:main', T0, false);
      expect({ status: first.status, attempts: first.attempts, late: first.late }).toEqual({ status: 'claimed', attempts: 1, late: false });
      await reopen();
      const again = await store.ledger.claim('morning', '2026-11-20T06:30:00.000Z', 'console:main', '2026-11-20T06:31:00.000Z', false);
      expect({ status: again.status, attempts: again.attempts, at: again.claimedAt }).toEqual({ status: 'claimed', attempts: 2, at: '2026-11-20T06:31:00.000Z' });
      await store.ledger.markPosted('morning', '2026-11-20T06:30:00.000Z', 'console:main', T0, 'msg-1');
      const third = await store.ledger.claim('morning', '2026-11-20T06:30:00.000Z', 'console:main', T0, false);
      expect({ status: third.status, ref: third.messageRef, attempts: third.attempts }).toEqual({ status: 'posted', ref: 'msg-1', attempts: 2 });
    });

    it('given a failed post, then the run can be claimed again and the error is kept until it posts', async () => {
      await store.ledger.claim('morning', '2026-11-20T06:30:00.000Z', 'console:main', T0, true);
      await store.ledger.markFailed('morning', '2026-11-20T06:30:00.000Z', 'console:main', T0, 'publish/failed');
      expect(await store.ledger.get('morning', '2026-11-20T06:30:00.000Z', 'console:main')).toMatchObject({ status: 'failed', lastError: 'publish/failed', late: true });
      expect((await store.ledger.claim('morning', '2026-11-20T06:30:00.000Z', 'console:main', T0, true)).status).toBe('claimed');
      await store.ledger.claim('morning', '2026-11-20T07:30:00.000Z', 'slack:C1', T0, false);
      await store.ledger.claim('morning', '2026-11-20T07:30:00.000Z', 'discord:9', T0, false);
      await store.ledger.claim('evening', '2026-11-20T07:30:00.000Z', 'discord:9', T0, false);
      expect((await store.ledger.since('morning', '2026-11-20T06:30:00.000Z')).map((d) => `${d.scheduledFor} ${d.channel}`)).toEqual([
        '2026-11-20T06:30:00.000Z console:main', '2026-11-20T07:30:00.000Z discord:9', '2026-11-20T07:30:00.000Z slack:C1',
      ]);
      expect(await store.ledger.since('morning', '2026-11-20T07:00:00.000Z')).toHaveLength(2);
      expect(await store.ledger.get('morning', '2026-11-21T06:30:00.000Z', 'console:main')).toBeNull();
    });

    it('given a run message stored twice, then the first is kept and returned both times', async () => {
      await store.ledger.claim('morning', '2026-11-20T06:30:00.000Z', 'console:main', T0, false);
      expect(await store.ledger.storeMessage('morning', '2026-11-20T06:30:00.000Z', 'console:main', '{"n":1}')).toBe('{"n":1}');
      expect(await store.ledger.storeMessage('morning', '2026-11-20T06:30:00.000Z', 'console:main', '{"n":2}')).toBe('{"n":1}');
      expect((await store.ledger.claim('morning', '2026-11-20T06:30:00.000Z', 'console:main', T0, false)).messageJson).toBe('{"n":1}');
    });

    it('given a digest cached for an engine version, then another version misses and a second put replaces it', async () => {
      await store.digestCache.put('h1', 'engine-1', '{"title":"x"}', T0);
      expect(await store.digestCache.get('h1', 'engine-1')).toBe('{"title":"x"}');
      expect(await store.digestCache.get('h1', 'engine-2')).toBeNull();
      await store.digestCache.put('h1', 'engine-1', '{"title":"y"}', T0);
      expect(await store.digestCache.get('h1', 'engine-1')).toBe('{"title":"y"}');
    });

    it('given admin actions, then the audit log lists them newest first, per workspace, up to the limit', async () => {
      for (const action of ['sources.add', 'sources.remove', 'schedule.set']) {
        await store.audit.append({ workspaceId: WS, actor: 'u1', action, target: 'Handelsblatt', details: null, at: T0 });
      }
      await store.audit.append({ workspaceId: 'discord:9', actor: 'u2', action: 'other', target: 'x', details: 'd', at: T0 });
      expect((await store.audit.list(WS, 2)).map((e) => e.action)).toEqual(['schedule.set', 'sources.remove']);
      expect(await store.audit.list('discord:9', 5)).toEqual([{ workspaceId: 'discord:9', actor: 'u2', action: 'other', target: 'x', details: 'd', at: T0 }]);
    });

    it('given a definition saved from chat, then it is listed, replaced and removed', async () => {
      await store.definitions.put(WS, 'morning', '{"v":1}', T0);
      await store.definitions.put(WS, 'morning', '{"v":2}', T0);
      await store.definitions.put('discord:9', 'morning', '{"v":3}', T0);
      await store.definitions.put(WS, 'Abend', '{"v":4}', T0);
      expect(await store.definitions.list(WS)).toEqual([{ name: 'Abend', workspaceId: WS, json: '{"v":4}' }, { name: 'morning', workspaceId: WS, json: '{"v":2}' }]);
      expect((await store.definitions.list()).map((d) => `${d.workspaceId}/${d.name}`)).toEqual([`${WS}/Abend`, `${WS}/morning`, 'discord:9/morning']);
      expect(await store.definitions.remove(WS, 'morning')).toBe(true);
      expect(await store.definitions.remove(WS, 'morning')).toBe(false);
      expect(await store.definitions.get(WS, 'morning')).toBeNull();
      expect((await store.definitions.get('discord:9', 'morning'))?.json).toBe('{"v":3}');
    });

    it('given bot state written, then it survives reopening the database', async () => {
      expect(await store.state.get('alive_at')).toBeNull();
      await store.state.set('alive_at', T0);
      await store.state.set('alive_at', '2026-11-20T07:00:00.000Z');
      await reopen();
      expect(await store.state.get('alive_at')).toBe('2026-11-20T07:00:00.000Z');
    });

    it('given LLM summaries and tokens, then the cache answers by key and tokens add up per workspace and day', async () => {
      const llm = store.llm;
      if (llm === undefined) throw new Error('the store has no LLM ledger');
      expect(await llm.cacheGet('k1')).toBeNull();
      await llm.cachePut('k1', '{"s":1}', T0);
      await llm.cachePut('k1', '{"s":2}', T0);
      expect(await llm.cacheGet('k1')).toBe('{"s":2}');
      await llm.addTokens(WS, '2026-11-20', 120);
      await llm.addTokens(WS, '2026-11-20', 30);
      await llm.addTokens(WS, '2026-11-21', 7);
      expect([await llm.tokensOn(WS, '2026-11-20'), await llm.tokensOn(WS, '2026-11-21'), await llm.tokensOn('discord:9', '2026-11-20')]).toEqual([150, 7, 0]);
    });

    transactionContract(() => store);
    it.runIf(factory().sharedByInstances)('given many transactions at once from two store objects on one database, then every write lands once', async () => {
      const other = await second();
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? store : other).transaction(async (tx) => {
        await tx.state.set(`k${String(i)}`, String(i));
        await tx.audit.append({ workspaceId: WS, actor: 'u', action: `a${String(i)}`, target: 't', details: null, at: T0 });
      })));
      expect(await store.audit.list(WS, 100)).toHaveLength(20);
      expect(await other.state.get('k19')).toBe('19');
    });
  });
}

function sourcesContract(current: () => Store): void {
  it('given the same URL or name twice in a workspace, then source/duplicate names which one', async () => {
    const store = current();
    await store.sources.add(newSource, T0);
    const byUrl = await digestErrorOf(store.sources.add({ ...newSource, name: 'Other' }, T0));
    expect({ code: byUrl.code, message: byUrl.message }).toEqual({ code: 'source/duplicate', message: 'this workspace already has a source with that URL' });
    const byName = await digestErrorOf(store.sources.add({ ...newSource, url: 'https://example.org/other.xml' }, T0));
    expect(byName.message).toBe('this workspace already has a source with that name');
    expect((await store.sources.add({ ...newSource, workspaceId: 'discord:9' }, T0)).workspaceId).toBe('discord:9');
  });

  it('given failures then a success, then health is counted, kept and reset', async () => {
    const store = current();
    const s = await store.sources.add(newSource, T0);
    expect(s).toMatchObject({ name: 'Handelsblatt', errorCount: 0, etag: null, createdAt: T0, failingSince: null });
    await store.sources.recordFailure(s.id, '2026-11-24T08:00:00.000Z', 'fetch/timeout', '2026-11-24T08:05:00.000Z', null);
    const twice = await store.sources.recordFailure(s.id, '2026-11-24T09:00:00.000Z', 'fetch/timeout', '2026-11-24T10:00:00.000Z', 'failed 2 times in a row');
    expect(twice).toMatchObject({ errorCount: 2, lastError: 'fetch/timeout', pausedReason: 'failed 2 times in a row', failingSince: '2026-11-24T08:00:00.000Z' });
    await store.sources.resume(s.id);
    expect(await store.sources.get(s.id)).toMatchObject({ errorCount: 2, pausedReason: null, nextAttemptAt: null });
    await store.sources.recordSuccess(s.id, '2026-11-24T11:00:00.000Z', { etag: '"abc"', lastModified: 'Tue, 24 Nov 2026 10:00:00 GMT' });
    expect(await store.sources.get(s.id)).toMatchObject({ errorCount: 0, failingSince: null, pausedReason: null, etag: '"abc"', lastSuccessAt: '2026-11-24T11:00:00.000Z' });
    expect((await digestErrorOf(store.sources.recordFailure(s.id + 1000, T0, 'x', null, null))).code).toBe('source/not-found');
  });

  it('given sources removed by name and by id, then each is gone and returned once, and never from another workspace', async () => {
    const store = current();
    await store.sources.add(newSource, T0);
    const other = await store.sources.add({ ...newSource, name: 'Other', url: 'https://example.org/o.xml' }, T0);
    expect(await store.sources.remove('discord:9', String(other.id))).toBeNull();
    expect((await store.sources.remove(WS, 'Handelsblatt'))?.url).toBe(newSource.url);
    expect(await store.sources.remove(WS, 'Handelsblatt')).toBeNull();
    expect((await store.sources.remove(WS, String(other.id)))?.name).toBe('Other');
    expect(await store.sources.list(WS)).toEqual([]);
  });

  it('given names in mixed case, then a workspace lists its sources in byte order and all() in id order', async () => {
    const store = current();
    for (const name of ['beta', 'Beta', 'alpha']) await store.sources.add({ ...newSource, name, url: `https://example.org/${name}.xml` }, T0);
    await store.sources.add({ ...newSource, workspaceId: 'discord:9' }, T0);
    expect((await store.sources.list(WS)).map((s) => s.name)).toEqual(['Beta', 'alpha', 'beta']);
    expect((await store.sources.all()).map((s) => `${s.workspaceId}/${s.name}`)).toEqual([`${WS}/beta`, `${WS}/Beta`, `${WS}/alpha`, 'discord:9/Handelsblatt']);
  });
}

function articlesContract(current: () => Store): void {
  it('given an item seen before under any one key, then it is not inserted again (and another workspace may store it)', async () => {
    const store = current();
    const s = await store.sources.add(newSource, T0);
    const item = { link: null, canonicalUrl: 'https://example.org/a', guid: 'g1', contentHash: 'h1', title: 'A', published: null };
    const first = await store.articles.insertIfNew(WS, s.id, item, T0, false);
    expect(first).toMatchObject({ sourceId: s.id, canonicalUrl: 'https://example.org/a', guid: 'g1', backfill: false, digestHash: null, firstSeenAt: T0 });
    expect(await store.articles.insertIfNew(WS, s.id, { ...item, guid: 'g2', contentHash: 'h2' }, T0, false)).toBeNull();
    expect(await store.articles.insertIfNew(WS, s.id, { ...item, canonicalUrl: 'https://example.org/b', contentHash: 'h2' }, T0, false)).toBeNull();
    expect(await store.articles.insertIfNew(WS, s.id, { ...item, canonicalUrl: 'https://example.org/c', guid: null }, T0, false)).toBeNull();
    expect(await store.articles.insertIfNew(WS, s.id, { link: null, canonicalUrl: 'https://example.org/d', guid: null, contentHash: 'h9', title: 'D', published: null }, T0, false)).not.toBeNull();
    expect(await store.articles.insertIfNew('discord:9', s.id, item, T0, true)).toMatchObject({ backfill: true });
    expect(await store.articles.seen(WS, { canonicalUrl: null, guid: 'g1', contentHash: null })).toBe(true);
    expect(await store.articles.seen(WS, { canonicalUrl: null, guid: null, contentHash: null })).toBe(false);
    expect((await store.articles.find(WS, { canonicalUrl: 'https://example.org/zz', guid: null, contentHash: 'h1' }))?.id).toBe(first?.id);
    expect(await store.articles.find(WS, { canonicalUrl: 'https://example.org/zz', guid: 'zz', contentHash: 'zz' })).toBeNull();
  });

  it('given backfilled and new articles, then recent lists only the new ones, newest first, from the given sources', async () => {
    const store = current();
    const s = await store.sources.add(newSource, T0);
    await store.articles.insertIfNew(WS, s.id, article(1), '2026-11-20T05:00:00.000Z', true);
    await store.articles.insertIfNew(WS, s.id, article(2), '2026-11-20T05:10:00.000Z', false);
    await store.articles.insertIfNew(WS, s.id, article(3), '2026-11-20T05:20:00.000Z', false);
    expect((await store.articles.recent(WS, '2026-11-19T00:00:00.000Z', 10)).map((a) => a.title)).toEqual(['T3', 'T2']);
    expect((await store.articles.recent(WS, '2026-11-20T05:10:00.000Z', 10)).map((a) => a.title)).toEqual(['T3']);
    expect((await store.articles.recent(WS, '2026-11-19T00:00:00.000Z', 1)).map((a) => a.title)).toEqual(['T3']);
    const other = await store.sources.add({ ...newSource, name: 'Other', url: 'https://example.org/other.xml' }, T0);
    await store.articles.insertIfNew(WS, other.id, article(4), '2026-11-20T05:30:00.000Z', false);
    expect((await store.articles.recent(WS, '2026-11-19T00:00:00.000Z', 10, [s.id])).map((a) => a.title)).toEqual(['T3', 'T2']);
    expect((await store.articles.recent(WS, '2026-11-19T00:00:00.000Z', 10, [other.id])).map((a) => a.link)).toEqual(['https://example.org/4?utm_source=x']);
    expect(await store.articles.recent(WS, '2026-11-19T00:00:00.000Z', 10, [])).toEqual([]);
  });

  it('given articles digested or failed, then pending lists the rest oldest first and the digest key and error are kept', async () => {
    const store = current();
    const s = await store.sources.add(newSource, T0);
    const a = await store.articles.insertIfNew(WS, s.id, article(1), T0, false);
    const b = await store.articles.insertIfNew(WS, s.id, article(2), T0, false);
    const back = await store.articles.insertIfNew(WS, s.id, article(3), T0, true);
    expect((await store.articles.pending(s.id, 10)).map((x) => x.title)).toEqual(['T1', 'T2']);
    await store.articles.setDigest(a?.id ?? -1, null, 'paywall teaser');
    expect((await store.articles.pending(s.id, 10)).map((x) => x.title)).toEqual(['T2']);
    await store.articles.setDigest(b?.id ?? -1, 'd1', null);
    const recent = await store.articles.recent(WS, '2026-01-01T00:00:00.000Z', 5);
    expect(recent.map((x) => [x.title, x.digestHash, x.digestError])).toEqual([['T2', 'd1', null], ['T1', null, 'paywall teaser']]);
    await store.articles.clearBackfill(back?.id ?? -1);
    expect((await store.articles.pending(s.id, 10)).map((x) => x.title)).toEqual(['T3']);
  });
}

function transactionContract(current: () => Store): void {
  it('given a transaction that throws, then none of its writes are kept; nested ones and outer-store calls join it', async () => {
    const store = current();
    await expect(store.transaction(async (tx) => {
      await tx.state.set('a', '1');
      await store.state.set('b', '2');
      await tx.transaction(async (inner) => inner.state.set('c', '3'));
      await store.transaction(async () => store.state.set('d', '4'));
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await Promise.all(['a', 'b', 'c', 'd'].map((k) => store.state.get(k)))).toEqual([null, null, null, null]);
    expect(await store.transaction(async (tx) => {
      await tx.state.set('a', '1');
      return tx.transaction(() => Promise.resolve('inner'));
    })).toBe('inner');
    expect(await store.state.get('a')).toBe('1');
  });

  it('given a nested transaction that throws and is caught, then only its own writes are rolled back', async () => {
    const store = current();
    await store.transaction(async (tx) => {
      await tx.state.set('kept', '1');
      await tx.transaction(async (inner) => {
        await inner.state.set('dropped', '1');
        throw new Error('inner');
      }).catch(() => undefined);
      await tx.state.set('after', '1');
    });
    expect([await store.state.get('kept'), await store.state.get('dropped'), await store.state.get('after')]).toEqual(['1', null, '1']);
  });

  it('given another caller writing while a transaction is open and then rolled back, then only the other write remains', async () => {
    const store = current();
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const tx = store.transaction(async (t) => {
      await t.state.set('inside', '1');
      await held;
      throw new Error('rolled back');
    });
    const outside = store.state.set('outside', '1');
    setTimeout(release, 20);
    await expect(tx).rejects.toThrow('rolled back');
    await outside;
    expect([await store.state.get('inside'), await store.state.get('outside')]).toEqual([null, '1']);
  });
}
