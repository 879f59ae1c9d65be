/**
 * Digest files are the operator's: they keep what they accepted before, a seconds field included (the campaigns
 * schedule runs seconds apart); the minimum gap and the seconds refusal apply to schedules set from chat.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDigestDefinitions } from '../../../src/digests/load-definitions.ts';

const def = (cron: string): string => JSON.stringify({
  name: 'news', title: 'News', sources: [{ type: 'folder', name: 'Samples', path: 'samples' }], schedule: { cron, timezone: 'UTC' }, channels: ['console:main'],
});

let dir = '';
afterEach(() => { if (dir !== '') rmSync(dir, { recursive: true, force: true }); });

describe('loadDigestDefinitions', () => {
  it('given a file with a seconds field, one with five fields and one with a broken cron, then the first two load and the third is refused naming the file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'digest-defs-'));
    writeFileSync(join(dir, 'fast.json'), def('*/1 * * * * *'));
    writeFileSync(join(dir, 'morning.json'), def('*/5 * * * *'));
    writeFileSync(join(dir, 'zz-broken.json'), def('61 * * * *'));
    const [fast, morning, broken] = await loadDigestDefinitions(dir);
    expect(fast?.ok && fast.value.definition.schedule?.cron).toBe('*/1 * * * * *');
    expect(broken?.ok).toBe(false);
    if (broken?.ok === false) {
      expect(broken.error.code).toBe('config/invalid');
      expect(broken.error.message).toMatch(/^zz-broken\.json: /u);
    }
    // Files keep what they accepted before: the chat's minimum gap does not apply to them.
    expect(morning?.ok && morning.value.definition.schedule?.cron).toBe('*/5 * * * *');
  });
});
