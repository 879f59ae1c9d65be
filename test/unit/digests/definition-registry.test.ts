/**
 * Every workspace is a workspace like any other (issue 14, item 4): a default digest over all its sources from
 * the start, the bundled samples only until its first own source. On a real SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDefinitionRegistry, DEFAULT_DIGEST } from '../../../src/digests/definition-registry.ts';
import { definitionSources } from '../../../src/digests/definition-sources.ts';
import { digestDefinitionSchema } from '../../../src/digests/definition.ts';
import { labelSampleDigest, labelSampleMessage } from '../../../src/digests/sample-label.ts';
import { silentLogger } from '../../../src/ports.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';
import type { Store } from '../../../src/store/port.ts';

const WS = 'console:local';
const sample = digestDefinitionSchema.parse({
  name: 'morning-markets', title: 'Beispiele', language: 'de', sample: true, workspace: WS,
  sources: [{ type: 'folder', name: 'Beispielartikel', path: 'samples' }], schedule: { cron: '30 7 * * 1-5', timezone: 'Europe/Berlin' },
});
const own = digestDefinitionSchema.parse({ name: 'tech', title: 'Tech', workspace: WS, sources: [{ type: 'workspace' }] });
const other = digestDefinitionSchema.parse({ ...sample, workspace: 'discord:1' });
const T0 = '2026-12-07T08:00:00.000Z';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'digestbot-registry-'));
  store = openSqliteStore(join(dir, 'db.sqlite'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const registry = () => createDefinitionRegistry(store, [sample, own, other].map((def) => ({ def, dir })), silentLogger);
const names = async (ws?: string): Promise<string[]> => (await registry().list(ws)).map((d) => d.def.name);

describe('definition registry: default digest and samples', () => {
  it('given a workspace without sources, then samples come first and the default digest exists', async () => {
    expect(await names(WS)).toEqual(['morning-markets', 'tech', DEFAULT_DIGEST]);
    const news = await registry().get(WS, DEFAULT_DIGEST);
    expect(news?.origin).toBe('default');
    expect(news?.def.sources).toEqual([{ type: 'workspace' }]);
    expect((await registry().get('slack:T1', DEFAULT_DIGEST))?.def.workspace).toBe('slack:T1');
  });

  it('given the first own source, then the samples are gone from the workspace and the schedules, and the default digest comes first', async () => {
    await store.sources.add({ workspaceId: WS, name: 'Feed', url: 'https://feed.example/rss', type: 'rss', addedBy: 'console:operator' }, T0);
    expect(await names(WS)).toEqual([DEFAULT_DIGEST, 'tech']);
    expect(await registry().get(WS, 'morning-markets')).toBeNull();
    // Other workspaces keep theirs; the all-workspace list (schedules) has no defaults.
    expect(await names()).toEqual(['tech', 'morning-markets']);
    expect((await registry().list()).map((d) => d.def.workspace)).toEqual([WS, 'discord:1']);
    await store.sources.remove(WS, 'Feed');
    expect(await names(WS)).toEqual(['morning-markets', 'tech', DEFAULT_DIGEST]);
  });

  it('given a stored definition named like the default, then it takes the default\'s place', async () => {
    await registry().save(digestDefinitionSchema.parse({ name: DEFAULT_DIGEST, title: 'Mine', workspace: WS, sources: [{ type: 'workspace' }] }), T0);
    const listed = (await registry().list(WS)).filter((d) => d.def.name === DEFAULT_DIGEST);
    expect(listed.map((d) => [d.def.title, d.origin])).toEqual([['Mine', 'chat']]);
  });
});

describe('sample labels', () => {
  it('given a sample definition, then its message and digests say so; other definitions are unchanged', () => {
    const message = { title: 'Beispiele', subtitle: 'Mo., 7. Dez. 2026 · 3 Artikel', sections: [] };
    expect(labelSampleMessage(message, sample).subtitle).toBe('Beispielartikel, keine echten Nachrichten · Mo., 7. Dez. 2026 · 3 Artikel');
    expect(labelSampleMessage(message, sample).footer).toContain('/sources add <url>');
    expect(labelSampleMessage(message, own)).toBe(message);
    const digest = { title: 'Nordlicht', language: 'de', published: null, url: null, summary: [], figures: [], risks: [], warnings: [] };
    expect(labelSampleDigest(digest, sample).title).toBe('Nordlicht (Beispiel)');
    expect(labelSampleDigest(digest, { ...sample, language: 'en' }).title).toBe('Nordlicht (sample)');
    expect(labelSampleDigest(digest, own)).toBe(digest);
  });
});

describe('definitionSources: url sources of digest files', () => {
  it('given a file url source in another spelling of a chat-added source, then that source is used, not a second one', async () => {
    const chat = await store.sources.add({ workspaceId: WS, name: 'Heise', url: 'https://heise.example/rss', type: 'rss', addedBy: 'console:operator' }, T0);
    const def = digestDefinitionSchema.parse({ name: 'x', title: 'X', workspace: WS, sources: [{ type: 'url', name: 'Heise-Feed', url: 'https://heise.example/rss/?utm_source=file' }] });
    expect((await definitionSources(store, def, T0)).map((s) => s.id)).toEqual([chat.id]);
    const fresh = digestDefinitionSchema.parse({ ...def, sources: [{ type: 'url', name: 'Golem', url: 'https://golem.example/feed?utm_medium=x&id=1' }] });
    expect((await definitionSources(store, fresh, T0)).map((s) => s.url)).toEqual(['https://golem.example/feed?id=1']);
    expect(await store.sources.list(WS)).toHaveLength(2);
  });
});
