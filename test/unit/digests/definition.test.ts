import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestDefinitionSchema, isPlausibleCron, isTimeZone } from '../../../src/digests/definition.ts';
import { loadDigestDefinitions } from '../../../src/digests/load-definitions.ts';

const valid = {
  name: 'morning',
  title: 'Morning',
  sources: [{ type: 'folder', name: 'samples', path: 'samples' }],
  schedule: { cron: '30 7 * * 1-5', timezone: 'Europe/Berlin' },
};

describe('digest definitions', () => {
  it('given a minimal valid definition, then defaults are filled in', () => {
    const def = digestDefinitionSchema.parse(valid);
    expect(def.language).toBe('en');
    expect(def.channels).toEqual(['console:main']);
    expect(def.maxArticles).toBe(10);
    expect(def.summaryWords).toBe(45);
  });

  it('given an entry summary budget, then 10 to 75 words pass and anything else is refused', () => {
    expect(digestDefinitionSchema.parse({ ...valid, summaryWords: 30 }).summaryWords).toBe(30);
    expect(digestDefinitionSchema.parse({ ...valid, summaryWords: 75 }).summaryWords).toBe(75);
    for (const summaryWords of [9, 76, 20.5, '30']) expect(digestDefinitionSchema.safeParse({ ...valid, summaryWords }).success).toBe(false);
  });

  it.each([
    ['30 7 * * 1-5', true],
    ['*/15 * * * *', true],
    ['0 30 7 * * 1,3,5', true],
    ['30 7 * *', false],
    ['every morning', false],
    ['30 7 * * MON', true],
    ['61 7 * * *', false],
  ])('given cron "%s", then plausible is %s', (expr, expected) => {
    expect(isPlausibleCron(expr)).toBe(expected);
  });

  it('given time zones, then only IANA names pass', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('given a bad cron, a bad zone and a bad channel, then every problem is reported', () => {
    const result = digestDefinitionSchema.safeParse({
      ...valid,
      schedule: { cron: 'soon', timezone: 'Nowhere/City' },
      channels: ['irc:#x'],
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['channels.0', 'schedule.cron', 'schedule.timezone']);
  });

  it('given a folder with a good and a broken file, then the good one loads and the broken one is a named failure', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'digestbot-defs-'));
    await writeFile(join(dir, 'a.json'), JSON.stringify(valid));
    await writeFile(join(dir, 'b.json'), '{ "name": "Bad Name" ');
    await writeFile(join(dir, 'notes.txt'), 'ignored');
    const results = await loadDigestDefinitions(dir);
    expect(results).toHaveLength(2);
    expect(results[0]?.ok).toBe(true);
    expect(results[1]?.ok).toBe(false);
    if (results[1] && !results[1].ok) {
      expect(results[1].error.code).toBe('config/invalid');
      expect(results[1].error.message).toMatch(/^b\.json: /u);
    }
  });

  it('given the bundled digests folder, then every definition in it is valid', async () => {
    const results = await loadDigestDefinitions(join(import.meta.dirname, '..', '..', '..', 'digests'));
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.ok ? 'ok' : r.error.message).toBe('ok');
  });
});
