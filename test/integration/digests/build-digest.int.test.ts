/**
 * Building a digest message from a definition, with a real SQLite store and
 * the bundled sample folder: a broken source is reported in the footer and
 * does not stop the digest, the same story from two sources is one entry,
 * and each article version is digested once (cache).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDigest, type BuildDigestDeps, type RawArticle } from '../../../src/digests/build-digest.ts';
import { digestDefinitionSchema, type SourceDefinition } from '../../../src/digests/definition.ts';
import { DigestError } from '../../../src/errors.ts';
import { silentLogger } from '../../../src/ports.ts';
import { readFolderSource } from '../../../src/sources/folder.ts';
import type { Store } from '../../../src/store/port.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';

const samples = resolve(import.meta.dirname, '..', '..', '..', 'digests', 'samples');
const definition = digestDefinitionSchema.parse({
  name: 'morning', title: 'Morgen-Digest', language: 'de',
  sources: [
    { type: 'folder', name: 'Beispiele', path: 'samples' },
    { type: 'url', name: 'Kaputt', url: 'https://broken.example/feed' },
    { type: 'url', name: 'Zweitquelle', url: 'https://second.example/feed' },
  ],
  schedule: { cron: '30 7 * * 1-5', timezone: 'Europe/Berlin' },
});

let dir: string;
let store: Store;

function deps(): BuildDigestDeps {
  return {
    store, workspaceId: 'console:local', clock: { now: () => new Date('2026-11-20T06:30:00Z') }, logger: silentLogger,
    engineVersion: 'test-1',
    async readSource(source: SourceDefinition): Promise<RawArticle[]> {
      if (source.name === 'Kaputt') throw new DigestError('fetch/timeout', 'no answer within 15 s');
      if (source.type === 'folder') {
        return readFolderSource(samples);
      }
      // The second source carries the German semiconductor story again, under another URL.
      return [{ name: 'copy.html', url: 'https://second.example/nordlicht', bytes: new Uint8Array(readFileSync(join(samples, 'de-halbleiter.html'))), contentType: 'text/html; charset=windows-1252' }];
    },
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'digestbot-build-'));
  store = openSqliteStore(join(dir, 'bot.sqlite'));
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('buildDigest', () => {
  it('given a broken source among working ones, then the digest goes out and the footer names the broken one', async () => {
    const built = await buildDigest(deps(), definition);
    expect(built.entries).toBe(3);
    expect(built.failingSources).toEqual([{ name: 'Kaputt', error: 'no answer within 15 s' }]);
    expect(built.message.footer).toContain('Kaputt');
  });

  it('given the same story from two sources, then it is one entry listing both', async () => {
    const built = await buildDigest(deps(), definition);
    const story = built.message.sections.find((s) => s.heading?.startsWith('Nordlicht'));
    expect(story?.links?.map((l) => l.label)).toEqual(['Zweitquelle']);
    expect(story?.lines).toContain('Quellen: Beispiele, Zweitquelle');
    expect(built.message.sections.filter((s) => s.heading?.startsWith('Nordlicht'))).toHaveLength(1);
  });

  it('given the German samples, then figures are rendered in German format with umlauts intact', async () => {
    const built = await buildDigest(deps(), definition);
    const text = JSON.stringify(built.message);
    expect(text).toContain('Kennzahl: ');
    expect(text).toMatch(/Mrd\. EUR/u);
    expect(text).not.toContain('\uFFFD');
  });

  it('given a second build of the same article version, then the cached digest is used, not the engine', async () => {
    await buildDigest(deps(), definition);
    const hash = createHash('sha256').update(readFileSync(join(samples, 'de-halbleiter.html'))).digest('hex');
    const cached = store.digestCache.get(hash, 'test-1');
    expect(cached).not.toBeNull();
    store.digestCache.put(hash, 'test-1', JSON.stringify({ ...JSON.parse(cached ?? '{}'), title: 'Aus dem Cache' }), '2026-11-20T06:31:00Z');
    const second = await buildDigest(deps(), definition);
    expect(second.message.sections.map((s) => s.heading)).toContain('Aus dem Cache');
    expect(store.digestCache.get(hash, 'test-2')).toBeNull();
  });
});
