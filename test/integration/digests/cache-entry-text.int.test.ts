/**
 * The digest cache entry keeps the article's sentence split only when a model may summarize it later
 * (keepArticleText, set when an LLM is configured); without one the entry is the digest alone, as before.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedArticle, digestBytes } from '../../../src/digesting/digest-articles.ts';
import type { Store } from '../../../src/store/port.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';

const sample = resolve(import.meta.dirname, '..', '..', '..', 'digests', 'samples', 'de-halbleiter.html');
const clock = { now: () => new Date('2026-12-08T06:00:00Z') };
let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cache-entry-'));
  store = openSqliteStore(join(dir, 'bot.sqlite'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const material = () => ({ bytes: readFileSync(sample), name: 'de-halbleiter.html', contentType: 'text/html', url: undefined });

describe('the digest cache entry', () => {
  it('given no LLM (keepArticleText unset), then the entry holds the digest without the sentence split', async () => {
    const { hash } = await digestBytes({ store, clock, engineVersion: 't1' }, material());
    const json = await store.digestCache.get(hash, 't1');
    expect(json).not.toBeNull();
    expect(JSON.parse(json ?? '{}')).not.toHaveProperty('articleText');
    expect((await cachedArticle(store, hash, 't1'))?.text).toBeNull();
  });

  it('given keepArticleText, then the entry keeps the German sentence split the summary cites', async () => {
    const { hash, digest } = await digestBytes({ store, clock, engineVersion: 't1', keepArticleText: true }, material());
    const cached = await cachedArticle(store, hash, 't1');
    expect(cached?.text?.rules).toBe('de');
    expect(cached?.text?.sentences.length ?? 0).toBeGreaterThan(5);
    expect(cached?.text?.sentences.join(' ')).toContain(digest.summary[0] ?? '∅');
    expect(cached?.digest.title).toBe(digest.title);
  });
});
