/**
 * The SQLite store on a real file: migrations, sources with health,
 * deduplication of articles by any key, the delivery ledger across a
 * reopen, the digest cache and the audit log.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigestError } from '../../../src/errors.ts';
import type { Store } from '../../../src/store/port.ts';
import { MIGRATIONS } from '../../../src/store/sqlite/migrations.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';

const T0 = '2026-11-20T06:00:00.000Z';
let dir: string;
let file: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'digestbot-store-'));
  file = join(dir, 'data', 'bot.sqlite');
  store = openSqliteStore(file);
  store.workspaces.upsert({ id: 'console:local', name: 'Local' }, T0);
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const newSource = { workspaceId: 'console:local', name: 'Handelsblatt', url: 'https://example.org/feed.xml', type: 'rss', addedBy: 'u1' };

describe('sqlite store', () => {
  it('given a fresh file in a missing folder, then it is created and migrated to the newest version', () => {
    expect(store.schemaVersion()).toBe(MIGRATIONS.length);
    store.close();
    store = openSqliteStore(file);
    expect(store.schemaVersion()).toBe(MIGRATIONS.length);
    expect(store.workspaces.get('console:local')).toEqual({ id: 'console:local', name: 'Local' });
  });

  it('given the same URL or name twice in a workspace, then source/duplicate names which one', () => {
    store.sources.add(newSource, T0);
    const dup = (): unknown => store.sources.add({ ...newSource, name: 'Other' }, T0);
    expect(dup).toThrow(DigestError);
    expect(dup).toThrow(/URL/u);
    expect(() => store.sources.add({ ...newSource, url: 'https://example.org/other.xml' }, T0)).toThrow(/name/u);
  });

  it('given failures then a success, then health is counted, kept and reset', () => {
    const s = store.sources.add(newSource, T0);
    store.sources.recordFailure(s.id, T0, 'fetch/timeout', '2026-11-20T06:05:00.000Z', null);
    const twice = store.sources.recordFailure(s.id, T0, 'fetch/timeout', '2026-11-20T06:15:00.000Z', 'failed 2 times in a row');
    expect({ n: twice.errorCount, last: twice.lastError, paused: twice.pausedReason }).toEqual({ n: 2, last: 'fetch/timeout', paused: 'failed 2 times in a row' });
    store.sources.recordSuccess(s.id, T0, { etag: '"abc"', lastModified: null });
    const ok = store.sources.get(s.id);
    expect({ n: ok?.errorCount, paused: ok?.pausedReason, etag: ok?.etag }).toEqual({ n: 0, paused: null, etag: '"abc"' });
  });

  it('given a source removed by name, then it is gone and returned once', () => {
    store.sources.add(newSource, T0);
    expect(store.sources.remove('console:local', 'Handelsblatt')?.url).toBe(newSource.url);
    expect(store.sources.remove('console:local', 'Handelsblatt')).toBeNull();
    expect(store.sources.list('console:local')).toEqual([]);
  });

  it('given an item seen before under any one key, then it is not inserted again', () => {
    const s = store.sources.add(newSource, T0);
    const item = { link: null, canonicalUrl: 'https://example.org/a', guid: 'g1', contentHash: 'h1', title: 'A', published: null };
    expect(store.articles.insertIfNew('console:local', s.id, item, T0, false)).not.toBeNull();
    expect(store.articles.insertIfNew('console:local', s.id, { ...item, guid: 'g2', contentHash: 'h2' }, T0, false)).toBeNull();
    expect(store.articles.insertIfNew('console:local', s.id, { ...item, canonicalUrl: 'https://example.org/b', contentHash: 'h2' }, T0, false)).toBeNull();
    expect(store.articles.insertIfNew('console:local', s.id, { ...item, canonicalUrl: 'https://example.org/c', guid: null }, T0, false)).toBeNull();
    expect(store.articles.insertIfNew('console:local', s.id, { link: null, canonicalUrl: 'https://example.org/d', guid: null, contentHash: 'h9', title: 'D', published: null }, T0, false)).not.toBeNull();
  });

  it('given backfilled and new articles, then recent lists only the new ones, newest first', () => {
    const s = store.sources.add(newSource, T0);
    const item = (n: number): { link: string; canonicalUrl: string; guid: null; contentHash: string; title: string; published: null } =>
      ({ link: `https://example.org/${String(n)}?utm_source=x`, canonicalUrl: `https://example.org/${String(n)}`, guid: null, contentHash: `h${String(n)}`, title: `T${String(n)}`, published: null });
    store.articles.insertIfNew('console:local', s.id, item(1), '2026-11-20T05:00:00.000Z', true);
    store.articles.insertIfNew('console:local', s.id, item(2), '2026-11-20T05:10:00.000Z', false);
    store.articles.insertIfNew('console:local', s.id, item(3), '2026-11-20T05:20:00.000Z', false);
    expect(store.articles.recent('console:local', '2026-11-19T00:00:00.000Z', 10).map((a) => a.title)).toEqual(['T3', 'T2']);
    const other = store.sources.add({ ...newSource, name: 'Other', url: 'https://example.org/other.xml' }, T0);
    store.articles.insertIfNew('console:local', other.id, item(4), '2026-11-20T05:30:00.000Z', false);
    expect(store.articles.recent('console:local', '2026-11-19T00:00:00.000Z', 10, [s.id]).map((a) => a.title)).toEqual(['T3', 'T2']);
    expect(store.articles.recent('console:local', '2026-11-19T00:00:00.000Z', 10, [other.id]).map((a) => a.link)).toEqual(['https://example.org/4?utm_source=x']);
    expect(store.articles.recent('console:local', '2026-11-19T00:00:00.000Z', 10, [])).toEqual([]);
  });

  it('given an article digested, then its digest key and error are kept', () => {
    const s = store.sources.add(newSource, T0);
    const a = store.articles.insertIfNew('console:local', s.id, { link: 'https://example.org/x', canonicalUrl: 'https://example.org/x', guid: null, contentHash: 'hx', title: 'X', published: null }, T0, false);
    store.articles.setDigest(a?.id ?? -1, null, 'paywall teaser');
    expect(store.articles.recent('console:local', '2026-01-01T00:00:00.000Z', 5)[0]).toMatchObject({ digestHash: null, digestError: 'paywall teaser' });
    store.articles.setDigest(a?.id ?? -1, 'd1', null);
    expect(store.articles.recent('console:local', '2026-01-01T00:00:00.000Z', 5)[0]).toMatchObject({ digestHash: 'd1', digestError: null });
  });

  it('given repeated failures then a success, then failingSince marks the streak start and clears', () => {
    const s = store.sources.add(newSource, T0);
    store.sources.recordFailure(s.id, '2026-11-24T08:00:00.000Z', 'HTTP 503', null, null);
    const second = store.sources.recordFailure(s.id, '2026-11-24T09:00:00.000Z', 'HTTP 503', '2026-11-24T10:00:00.000Z', 'paused');
    expect(second).toMatchObject({ errorCount: 2, failingSince: '2026-11-24T08:00:00.000Z', pausedReason: 'paused' });
    store.sources.resume(s.id);
    expect(store.sources.get(s.id)).toMatchObject({ errorCount: 2, pausedReason: null, nextAttemptAt: null });
    store.sources.recordSuccess(s.id, '2026-11-24T11:00:00.000Z', { etag: '"e1"', lastModified: null });
    expect(store.sources.get(s.id)).toMatchObject({ errorCount: 0, failingSince: null, etag: '"e1"', lastSuccessAt: '2026-11-24T11:00:00.000Z' });
  });

  it('given a claimed run reopened after a crash, then the claim is found again and a posted run stays posted', () => {
    const first = store.ledger.claim('morning', '2026-11-20T06:30:00.000Z', 'console:main', T0, false);
    expect({ status: first.status, attempts: first.attempts }).toEqual({ status: 'claimed', attempts: 1 });
    store.close();
    store = openSqliteStore(file);
    const again = store.ledger.claim('morning', '2026-11-20T06:30:00.000Z', 'console:main', T0, false);
    expect({ status: again.status, attempts: again.attempts }).toEqual({ status: 'claimed', attempts: 2 });
    store.ledger.markPosted('morning', '2026-11-20T06:30:00.000Z', 'console:main', T0, 'msg-1');
    const third = store.ledger.claim('morning', '2026-11-20T06:30:00.000Z', 'console:main', T0, false);
    expect({ status: third.status, ref: third.messageRef, attempts: third.attempts }).toEqual({ status: 'posted', ref: 'msg-1', attempts: 2 });
  });

  it('given a failed post, then the run can be claimed again and the error is kept until it posts', () => {
    store.ledger.claim('morning', '2026-11-20T06:30:00.000Z', 'console:main', T0, true);
    store.ledger.markFailed('morning', '2026-11-20T06:30:00.000Z', 'console:main', T0, 'publish/failed');
    expect(store.ledger.get('morning', '2026-11-20T06:30:00.000Z', 'console:main')).toMatchObject({ status: 'failed', lastError: 'publish/failed', late: true });
    expect(store.ledger.claim('morning', '2026-11-20T06:30:00.000Z', 'console:main', T0, true).status).toBe('claimed');
    expect(store.ledger.since('morning', '2026-11-20T00:00:00.000Z')).toHaveLength(1);
  });

  it('given a digest cached for an engine version, then another version misses', () => {
    store.digestCache.put('h1', 'engine-1', '{"title":"x"}', T0);
    expect(store.digestCache.get('h1', 'engine-1')).toBe('{"title":"x"}');
    expect(store.digestCache.get('h1', 'engine-2')).toBeNull();
  });

  it('given admin actions, then the audit log lists them newest first', () => {
    store.audit.append({ workspaceId: 'console:local', actor: 'u1', action: 'sources.add', target: 'Handelsblatt', details: null, at: T0 });
    store.audit.append({ workspaceId: 'console:local', actor: 'u2', action: 'sources.remove', target: 'Handelsblatt', details: null, at: T0 });
    expect(store.audit.list('console:local', 10).map((e) => e.action)).toEqual(['sources.remove', 'sources.add']);
  });

  it('given a definition saved from chat, then it is listed, replaced and removed', () => {
    store.definitions.put('console:local', 'morning', '{"v":1}', T0);
    store.definitions.put('console:local', 'morning', '{"v":2}', T0);
    store.definitions.put('discord:9', 'morning', '{"v":3}', T0);
    expect(store.definitions.list('console:local')).toEqual([{ name: 'morning', workspaceId: 'console:local', json: '{"v":2}' }]);
    expect(store.definitions.list()).toHaveLength(2);
    expect(store.definitions.remove('console:local', 'morning')).toBe(true);
    expect(store.definitions.get('console:local', 'morning')).toBeNull();
    expect(store.definitions.get('discord:9', 'morning')?.json).toBe('{"v":3}');
  });

  it('given bot state written, then it survives reopening the file', () => {
    expect(store.state.get('alive_at')).toBeNull();
    store.state.set('alive_at', T0);
    store.state.set('alive_at', '2026-11-20T07:00:00.000Z');
    store.close();
    store = openSqliteStore(file);
    expect(store.state.get('alive_at')).toBe('2026-11-20T07:00:00.000Z');
    expect(store.schemaVersion()).toBe(4);
  });
});
