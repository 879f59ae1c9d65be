/** Digest files: a seconds-field cron is refused naming the file; five-field crons load as before. */
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
  it('given a file with a seconds field and one with five fields, then the first is refused naming the file and the second loads', async () => {
    dir = mkdtempSync(join(tmpdir(), 'digest-defs-'));
    writeFileSync(join(dir, 'fast.json'), def('*/1 * * * * *'));
    writeFileSync(join(dir, 'morning.json'), def('*/5 * * * *'));
    const [fast, morning] = await loadDigestDefinitions(dir);
    expect(fast?.ok).toBe(false);
    if (fast?.ok === false) {
      expect(fast.error.code).toBe('config/invalid');
      expect(fast.error.message).toMatch(/^fast\.json: schedule\.cron "\*\/1 \* \* \* \* \*" has a seconds field/u);
    }
    // Files keep what they accepted before: the chat's minimum gap does not apply to them.
    expect(morning?.ok && morning.value.definition.schedule?.cron).toBe('*/5 * * * *');
  });
});
