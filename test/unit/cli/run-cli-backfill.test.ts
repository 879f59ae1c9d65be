import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeConfigOf } from '../../../adapters/cli/backfill.ts';
import { parseSince } from '../../../adapters/cli/run-cli.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { runCliCaptured, type CapturedRun } from '../../helpers/cli-runs.ts';

let dir: string;

const cli = (argv: string[]): Promise<CapturedRun> => runCliCaptured(argv, { DATA_DIR: join(dir, 'data'), DIGESTS_DIR: join(dir, 'digests') }, dir);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'digestbot-cli-args-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('digestbot backfill: arguments', () => {
  it.each([
    [['backfill'], /backfill takes exactly one <source>/u],
    [['backfill', 'a', 'b'], /backfill takes exactly one <source>/u],
    [['backfill', '--list', 'a'], /--list takes no source/u],
    [['backfill', 'a', '--limit', '0'], /--limit must be a positive integer/u],
    [['backfill', 'a', '--since', 'yesterday'], /--since takes a date/u],
    [['backfill', 'a', '--json'], /--json does not apply to backfill/u],
    [['digest', 'x.html', '--workspace', 'console:local'], /--workspace does not apply to digest/u],
    [['samples', '--limit', '3'], /--limit does not apply to samples/u],
    [['eval', 'extra'], /eval takes no arguments/u],
    [['eval', '--limit', '1'], /--limit does not apply to eval/u],
  ])('given %j, then a usage error: exit 2 with the reason and the usage text', async (argv, reason) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).toContain('digestbot backfill <source>');
  });

  it('given an unknown source, then exit 1 with one line naming near matches and how to list the sources', async () => {
    const store = await openStore(storeConfigOf(dir, { dataDir: 'data' }));
    await store.sources.add({ workspaceId: 'console:local', name: 'Wirtschaft', url: 'https://w.example/rss', type: 'rss', addedBy: 'a' }, '2026-11-26T00:00:00Z');
    await store.close();
    const r = await cli(['backfill', 'wirtschft']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: no source "wirtschft" (did you mean "Wirtschaft"?); `digestbot backfill --list` lists the sources\n');
  });

  it('given --list, then stored sources and digest-file url sources, one per line', async () => {
    const store = await openStore(storeConfigOf(dir, { dataDir: 'data' }));
    const s = await store.sources.add({ workspaceId: 'slack:T1', name: 'Wirtschaft', url: 'https://w.example/rss', type: 'rss', addedBy: 'a' }, '2026-11-26T00:00:00Z');
    await store.close();
    mkdirSync(join(dir, 'digests'));
    writeFileSync(join(dir, 'digests', 'm.json'), JSON.stringify({
      name: 'markets', title: 'Markets', sources: [{ type: 'url', name: 'Börse', url: 'https://boerse.example/rss' }],
    }));
    const r = await cli(['backfill', '--list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`#${String(s.id)}\tWirtschaft\tslack:T1\thttps://w.example/rss\tstored\n-\tBörse\tconsole:local\thttps://boerse.example/rss\tdigest "markets"\n`);
  });
});

describe('parseSince', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  it('given a date, an ISO time or 7d / 48h, then that instant; nothing given, nothing', () => {
    expect(parseSince('2026-11-01', now)?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(parseSince('2026-11-20T08:30:00Z', now)?.toISOString()).toBe('2026-11-20T08:30:00.000Z');
    expect(parseSince('7d', now)?.toISOString()).toBe('2026-11-19T12:00:00.000Z');
    expect(parseSince('48h', now)?.toISOString()).toBe('2026-11-24T12:00:00.000Z');
    expect(parseSince(undefined, now)).toBeUndefined();
  });
  it('given something else, then a usage error', () => {
    expect(() => parseSince('last week', now)).toThrow(/--since takes a date/u);
    expect(() => parseSince('2026-13-45', now)).toThrow(/--since takes a date/u);
  });
});
