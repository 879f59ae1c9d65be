/**
 * The chart flag of a digest definition, through buildDigest with a real
 * SQLite store and the bundled sample articles: off by default (no image),
 * on → a decodable PNG with a bar per percent change; no percent change → no image.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDigest, CHART_FILENAME, type BuildDigestDeps } from '../../../src/digests/build-digest.ts';
import { digestDefinitionSchema } from '../../../src/digests/definition.ts';
import { CHART_COLOURS, chartLayout } from '../../../src/format/chart/index.ts';
import { silentLogger } from '../../../src/ports.ts';
import { readFolderSource } from '../../../src/sources/folder.ts';
import type { Store } from '../../../src/store/port.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';
import { decodePng } from '../../helpers/decode-png.ts';

const samples = resolve(import.meta.dirname, '..', '..', '..', 'digests', 'samples');
let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'digestbot-chart-'));
  store = openSqliteStore(join(dir, 'bot.sqlite'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const deps = (): BuildDigestDeps => ({
  store, clock: { now: () => new Date('2026-11-20T06:30:00Z') }, logger: silentLogger, engineVersion: 'chart-1',
  readFolder: () => readFolderSource(samples),
});

const definition = (extra: Record<string, unknown> = {}) => digestDefinitionSchema.parse({
  name: 'morning', title: 'Morgen-Digest', language: 'de', sources: [{ type: 'folder', name: 'Beispiele', path: 'samples' }], ...extra,
});

describe('digest chart', () => {
  it('given a definition without the flag, then chart is false and the message has no image', async () => {
    const def = definition();
    expect(def.chart).toBe(false);
    const { message } = await buildDigest(deps(), def);
    expect(message.sections.length).toBeGreaterThan(0);
    expect(message.image).toBeUndefined();
  });

  it('given chart: true and articles with percent changes, then the message carries a PNG with their bars and alt text', async () => {
    const { message } = await buildDigest(deps(), definition({ chart: true }));
    const image = message.image;
    expect(image?.filename).toBe(CHART_FILENAME);
    const title = 'Morgen-Digest – Veränderungen in %. ';
    expect(image?.alt.startsWith(title)).toBe(true);
    const items = image?.alt.slice(title.length).split('; ') ?? [];
    const rowCount = items.length;
    expect(rowCount).toBeGreaterThan(1);
    const png = decodePng(image?.png ?? new Uint8Array());
    const layout = chartLayout(rowCount);
    expect([png.width, png.height]).toEqual([layout.width, layout.height]);
    expect([image?.width, image?.height]).toEqual([layout.width, layout.height]);
    // the samples have a fall (EBIT-Marge 11,2 % ↓) and rises: a red and a green bar beside the axis
    const colours = Array.from({ length: rowCount }, (_, i) => png.rgb(layout.axisX + 2, layout.barTop(i) + 8).join(','));
    expect(colours).toContain(CHART_COLOURS.up.join(','));
    expect(image?.alt).toContain('EBIT-Marge: 11,2 % ↓');
    const downRow = items.findIndex((s) => s.startsWith('EBIT-Marge'));
    expect(png.rgb(layout.axisX - 3, layout.barTop(downRow) + 8)).toEqual(CHART_COLOURS.down);
  });

  it('given chart: true but only articles without percent changes, then there is no image', async () => {
    const { message } = await buildDigest(deps(), definition({ chart: true, include: ['keinwortdasvorkommt'] }));
    expect(message.sections).toEqual([]);
    expect(message.image).toBeUndefined();
  });
});
