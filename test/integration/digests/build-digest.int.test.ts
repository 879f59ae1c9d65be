/**
 * Building a digest message from a definition, with a real SQLite store, the
 * bundled sample folder and feeds served on 127.0.0.1 through the real
 * poller: a broken source is reported in the health line and does not stop
 * the digest, the same story from two sources is one entry, keyword filters
 * apply, and each article version is digested once (cache).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDigest, type BuildDigestDeps } from '../../../src/digests/build-digest.ts';
import { digestDefinitionSchema, type DigestDefinition } from '../../../src/digests/definition.ts';
import { silentLogger } from '../../../src/ports.ts';
import { readFolderSource } from '../../../src/sources/folder.ts';
import { createHttpClient } from '../../../src/sources/http/client.ts';
import { pollSource } from '../../../src/polling/poll-source.ts';
import type { Store } from '../../../src/store/port.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';
import { reply, startFixtureServer, type FixtureServer, type Handler } from '../../fakes/http-fixtures.ts';

const samples = resolve(import.meta.dirname, '..', '..', '..', 'digests', 'samples');
const GERMAN = readFileSync(join(samples, 'de-halbleiter.html'));

let server: FixtureServer;
beforeAll(async () => {
  const routes: Record<string, Handler> = {};
  server = await startFixtureServer(routes);
  routes['/nordlicht-copy'] = reply(GERMAN, { 'content-type': 'text/html; charset=windows-1252' });
  routes['/feed.xml'] = reply(`<?xml version="1.0"?><rss version="2.0"><channel><title>Zweitquelle</title>
    <item><title>Nordlicht Halbleiter senkt Prognose</title><link>${server.url('/nordlicht-copy')}</link><guid>n1</guid></item></channel></rss>`,
  { 'content-type': 'application/rss+xml' });
  routes['/down.xml'] = reply('maintenance', { 'content-type': 'text/plain' }, 503);
});
afterAll(() => server.close());

let dir: string;
let store: Store;
const now = new Date('2026-11-20T06:30:00Z');

function definition(extra: Partial<DigestDefinition> = {}): DigestDefinition {
  return digestDefinitionSchema.parse({
    name: 'morning', title: 'Morgen-Digest', language: 'de',
    sources: [
      { type: 'folder', name: 'Beispiele', path: 'samples' },
      { type: 'url', name: 'Kaputt', url: server.url('/down.xml') },
      { type: 'url', name: 'Zweitquelle', url: server.url('/feed.xml') },
    ],
    schedule: { cron: '30 7 * * 1-5', timezone: 'Europe/Berlin' },
    ...extra,
  });
}

function deps(engineVersion = 'test-1'): BuildDigestDeps {
  const http = createHttpClient({ allowPrivateHosts: ['127.0.0.1'] });
  const clock = { now: () => now };
  const policy = { pollIntervalMs: 900_000, pauseAfterFailures: 5, newSourceItems: 3 };
  return {
    store, clock, logger: silentLogger, engineVersion,
    readFolder: () => readFolderSource(samples),
    async refresh(sources) {
      for (const s of sources) await pollSource({ store, http, clock, logger: silentLogger, engineVersion, policy }, s);
    },
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'digestbot-build-'));
  store = openSqliteStore(join(dir, 'bot.sqlite'));
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('buildDigest', () => {
  it('given a broken source among working ones, then the digest goes out and the health line names the broken one with its start', async () => {
    const built = await buildDigest(deps(), definition());
    expect(built.entries).toBe(3);
    expect(built.failingSources).toHaveLength(1);
    expect(built.failingSources[0]).toMatchObject({ name: 'Kaputt', since: now.toISOString() });
    expect(built.failingSources[0]?.error).toMatch(/503/u);
    expect(built.message.footer).toMatch(/^1 Quelle mit Fehlern seit Fr\., 20\. Nov\.: Kaputt \(.*503.*\)$/mu);
  });

  it('given the same story from the folder and a feed, then it is one entry listing both sources, its title linking to the feed\'s copy', async () => {
    const built = await buildDigest(deps(), definition());
    const story = built.message.sections.filter((s) => s.heading?.startsWith('Nordlicht'));
    expect(story).toHaveLength(1);
    expect(story[0]?.url).toBe(server.url('/nordlicht-copy'));
    expect(story[0]?.links).toBeUndefined();
    const named = story[0]?.lines.find((l) => l.startsWith('Quellen: '))?.slice('Quellen: '.length).split(', ');
    expect(named?.sort()).toEqual(['Beispiele', 'Zweitquelle']);
  });

  it('given include and exclude keywords, then only matching articles are kept', async () => {
    const only = await buildDigest(deps(), definition({ include: ['Harbor'] }));
    expect(only.message.sections.map((s) => s.heading)).toEqual([expect.stringContaining('Harbor Foods')]);
    const without = await buildDigest(deps(), definition({ exclude: ['halbleiter'] }));
    expect(without.message.sections.some((s) => s.heading?.includes('Nordlicht'))).toBe(false);
    expect(without.entries).toBe(2);
  });

  it('given the default entry budget and a budget of 20 words, then every entry\'s summary lines stay within it (whole sentences)', async () => {
    const summaryLines = (lines: readonly string[]): string[] => {
      const end = lines.findIndex((l) => /^(?:Kennzahl|Risiko|Quellen|⚠)/u.test(l));
      return end === -1 ? [...lines] : lines.slice(0, end);
    };
    const words = (lines: readonly string[]): number => lines.join(' ').split(/\s+/u).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
    const normal = await buildDigest(deps(), definition());
    const short = await buildDigest(deps(), definition({ summaryWords: 20 }));
    expect(normal.entries).toBe(3);
    for (const section of normal.message.sections) {
      expect(summaryLines(section.lines).length).toBeGreaterThan(0);
      expect(words(summaryLines(section.lines))).toBeLessThanOrEqual(45);
    }
    expect(normal.message.sections.some((s) => words(summaryLines(s.lines)) > 20)).toBe(true);
    for (const section of short.message.sections) {
      const lines = summaryLines(section.lines);
      expect(lines.length).toBeGreaterThan(0);
      // Over the budget only as the one exception: a single sentence, when no sentence fits.
      if (words(lines) > 20) expect(lines).toHaveLength(1);
      for (const line of lines) expect(line).toMatch(/[.!?…"“”»«')]$/u);
    }
  });

  it('given German samples, then figures are rendered in German format with umlauts intact', async () => {
    const text = JSON.stringify((await buildDigest(deps(), definition())).message);
    expect(text).toContain('Kennzahl: ');
    expect(text).toMatch(/Mrd\. EUR/u);
    expect(text).not.toContain('\uFFFD');
  });

  it('given a second build of the same article version, then the cached digest is used, not the engine', async () => {
    await buildDigest(deps(), definition());
    const hash = createHash('sha256').update(readFileSync(join(samples, 'en-harbor-foods.html'))).digest('hex');
    const cached = await store.digestCache.get(hash, 'test-1');
    expect(cached).not.toBeNull();
    await store.digestCache.put(hash, 'test-1', JSON.stringify({ ...JSON.parse(cached ?? '{}'), title: 'Aus dem Cache' }), '2026-11-20T06:31:00Z');
    const second = await buildDigest(deps(), definition());
    expect(second.message.sections.map((s) => s.heading)).toContain('Aus dem Cache');
    expect(await store.digestCache.get(hash, 'test-2')).toBeNull();
  });

  it('given nothing new in the window, then the digest says so instead of being empty', async () => {
    const built = await buildDigest(deps(), definition({ sources: [{ type: 'workspace' }] }));
    expect(built.entries).toBe(0);
    expect(built.message.footer).toContain('Keine neuen Artikel');
  });

  it('given a German digest with risks, then each risk line names its category in German, not as a slug', async () => {
    const built = await buildDigest(deps(), definition());
    const riskLines = built.message.sections.flatMap((s) => s.lines).filter((l) => l.startsWith('Risiko ('));
    expect(riskLines.length).toBeGreaterThan(0);
    const german = ['Finanzen', 'Politik & Regulierung', 'Wettbewerb', 'Kursschwankungen', 'Umsetzung & Nachfrage', 'Recht', 'Betrieb', 'Konjunktur', 'Sonstiges'];
    for (const line of riskLines) expect(german).toContain(/^Risiko \((.+?)\):/u.exec(line)?.[1]);
  });
});
