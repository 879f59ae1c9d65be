/**
 * `digestbot backfill` end to end: the real CLI process, a real SQLite file, a feed and article pages served on
 * 127.0.0.1. The source is added at the console prompt (`/sources add`, which marks the older items seen), then
 * backfilled; `/figures` at the prompt shows that the older articles are now in the store.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/open.ts';
import { projectRoot, runCliCaptured, spawnCli } from '../helpers/cli-runs.ts';
import { reply, startFixtureServer, type FixtureServer, type Handler } from '../fakes/http-fixtures.ts';

const run = (args: string[], env: Record<string, string>, stdin = ''): ReturnType<typeof spawnCli> =>
  spawnCli(args, { stdin, env: { SCHEDULE_GRACE_HOURS: '0', ...env } });

/** Tests that start the CLI several times (each start loads tsx: seconds on a busy 2-core machine). */
const SPAWNS_TIMEOUT_MS = 60_000;

const CITIES = ['Aachen', 'Bremen', 'Celle', 'Dresden', 'Essen'];

/** Article n: a German page whose key-figure sentence names its city. */
function page(n: number): string {
  const city = CITIES[n - 1] ?? 'Nirgendwo';
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Bericht ${String(n)}: Werk ${city}</title></head><body><article>
    <h1>Bericht ${String(n)}: Werk ${city}</h1>
    <p>Das Werk in ${city} steigerte den Umsatz im dritten Quartal um ${String(10 + n)} Prozent auf 1,${String(n)} Mrd. Euro.</p>
    <p>Die Geschäftsführung rechnet für das Gesamtjahr mit einem weiteren Wachstum der Nachfrage in Europa.</p>
    <p>Analysten sehen jedoch Risiken durch neue Zölle in den USA und steigende Energiepreise.</p></article></body></html>`;
}

let server: FixtureServer;
let env: Record<string, string>;

beforeAll(async () => {
  const routes: Record<string, Handler> = {};
  // Article 2 is gone (404): it counts as one failure by code.
  for (const n of [1, 3, 4, 5]) routes[`/artikel/${String(n)}`] = reply(page(n));
  server = await startFixtureServer(routes);
  const items = [1, 2, 3, 4, 5].map((n) => `<item><title>Bericht ${String(n)}</title><link>${server.url(`/artikel/${String(n)}`)}</link>`
    + `<guid>b${String(n)}</guid><pubDate>${new Date(Date.now() - (6 - n) * 3_600_000).toUTCString()}</pubDate></item>`).join('');
  routes['/feed.xml'] = reply(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Werke</title>${items}</channel></rss>`,
    { 'content-type': 'application/rss+xml' });
  const dir = await mkdtemp(join(tmpdir(), 'digestbot-backfill-int-'));
  await mkdir(join(dir, 'digests'));
  await writeFile(join(dir, 'digests', 'werke.json'), JSON.stringify({
    name: 'werke', title: 'Werke', workspace: 'discord:42', sources: [{ type: 'url', name: 'Werke aus Datei', url: server.url('/feed.xml') }],
  }));
  env = { DATA_DIR: join(dir, 'data'), DIGESTS_DIR: join(dir, 'digests') };
});

afterAll(async () => {
  await server.close();
});

describe('digestbot backfill', () => {
  it('given a source added at the prompt (older items marked seen), then backfill digests them, a second run does 0 new, and /figures finds them', async () => {
    const added = await run([], env, `/sources add ${server.url('/feed.xml')} Werke\n/figures Aachen\n/quit\n`);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('The newest 3 will be in the next digest; 2 older one(s) were marked as already seen.');
    expect(added.stdout).toContain('Nothing found for "Aachen"');

    const first = await run(['backfill', 'Werke'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^backfill "Werke" \(#\d+, rss\): 5 fetched \(5 listed, 0 new to the store\), 1 digested, 3 skipped, 1 failed \(fetch\/http-status 1\)\n$/u);
    // Not a terminal: plain progress lines, no carriage returns or escape codes.
    expect(first.stderr).not.toMatch(/[^\P{Cc}\n]/u);
    expect(first.stderr).toContain('backfill Werke: 0/5\n');
    expect(first.stderr).toMatch(/backfill Werke: 5\/5 \(100%\) done in \d\d:\d\d\n/u);
    expect(first.stderr).toContain(`failed: ${server.url('/artikel/2')} (fetch/http-status:`);

    const store = openSqliteStore(join(env['DATA_DIR'] ?? '', 'digestbot.sqlite'));
    try {
      const recent = await store.articles.recent('console:local', '2000-01-01T00:00:00.000Z', 50);
      expect(recent).toHaveLength(5);
      expect(recent.filter((a) => a.digestHash !== null).map((a) => a.title).sort()).toEqual(['Bericht 1', 'Bericht 3', 'Bericht 4', 'Bericht 5']);
    } finally {
      await store.close();
    }

    // The second run in-process (the same runCli the binary calls), sparing a process start.
    const second = await runCliCaptured(['backfill', 'Werke'], { FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1', ...env }, projectRoot);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/: 5 fetched \(5 listed, 0 new to the store\), 0 digested, 4 skipped, 1 failed \(fetch\/http-status 1\)\n$/u);

    const asked = await run([], env, '/figures Aachen\n/quit\n');
    expect(asked.stdout).not.toContain('Nothing found for "Aachen"');
    expect(asked.stdout).toContain('Das Werk in Aachen steigerte den Umsatz');
  }, SPAWNS_TIMEOUT_MS);

  it('given the name of a digest file url source, then it is registered and backfilled with --limit', async () => {
    const listed = await run(['backfill', '--list'], env);
    expect(listed.stdout).toContain(`-\tWerke aus Datei\tdiscord:42\t${server.url('/feed.xml')}\tdigest "werke"\n`);
    const r = await run(['backfill', 'Werke aus Datei', '--limit', '2', '--workspace', 'discord:42'], env);
    expect(r.code).toBe(0);
    // Its own workspace: the two newest articles are new there.
    expect(r.stdout).toMatch(/^backfill "Werke aus Datei" \(#\d+, rss\): 2 fetched \(5 listed, 2 new to the store\), 2 digested, 0 skipped, 0 failed\n$/u);
    const store = openSqliteStore(join(env['DATA_DIR'] ?? '', 'digestbot.sqlite'));
    try {
      expect((await store.sources.list('discord:42')).map((x) => [x.name, x.addedBy])).toEqual([['Werke aus Datei', 'digests/']]);
    } finally {
      await store.close();
    }
  }, SPAWNS_TIMEOUT_MS);

  it('given an unknown source, then exit 1 with one line naming the near match and how to list sources', async () => {
    const r = await run(['backfill', 'Werk'], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: no source "Werk" (did you mean "Werke", "Werke aus Datei"?); `digestbot backfill --list` lists the sources\n');
  });

  it('given loopback not allowed, then the guarded client refuses the feed: exit 1, one line, nothing stored', async () => {
    const r = await run(['backfill', 'Werke'], { ...env, FETCH_ALLOW_PRIVATE_HOSTS: '' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: .*(private|loopback|not allowed|blocked)/iu);
  });
});
