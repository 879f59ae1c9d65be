/**
 * `tsx bench/dump-digests.ts <dir>`: writes the engine's output for every dev
 * page in ../shared/eval (both extraction sets as HTML, the summary and
 * figure sets as text, the seeds) to `<dir>/<set>.jsonl`, one line per item:
 * its id, the digest (or the error code) and the extracted article. Run it
 * before and after a change that must not change output, then
 * `diff -r before after` must be empty.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHtml } from '../src/engine/extract/charset.ts';
import { tryDigestArticle, type DigestInput } from '../src/engine/digest.ts';
import { SKIP_MESSAGE, evalPath, readGz, readJsonl, sharedDir } from './lib/shared.ts';

interface Item {
  id: string;
  input: DigestInput;
}

function htmlSet(name: string): Item[] {
  const dir = evalPath('extraction', name, 'html');
  if (dir === null) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort().map((f) => {
    const id = f.replace(/\.html\.gz$/u, '');
    return { id, input: { html: decodeHtml(readGz(join(dir, f))), url: `https://example.org/${id}` } };
  });
}

function textSet(...parts: string[]): Item[] {
  const path = evalPath(...parts);
  if (path === null) return [];
  return readJsonl<{ id?: string; title?: string; text: string }>(path).map((o, i) => ({
    id: o.id ?? String(i),
    input: { text: o.title === undefined ? o.text : `${o.title}\n\n${o.text}` },
  }));
}

function seeds(shared: string): Item[] {
  const dir = join(shared, 'seeds');
  try {
    return readdirSync(dir).sort().map((f) => ({ id: f, input: { text: readFileSync(join(dir, f), 'utf8') } }));
  } catch {
    return [];
  }
}

function main(): void {
  const out = process.argv[2];
  const shared = sharedDir();
  if (out === undefined) throw new Error('usage: tsx bench/dump-digests.ts <output dir>');
  if (shared === null) {
    console.log(SKIP_MESSAGE);
    return;
  }
  mkdirSync(out, { recursive: true });
  const sets: Record<string, Item[]> = {
    'zyte-dev': htmlSet('zyte-dev'),
    'trafilatura-dev': htmlSet('trafilatura-dev'),
    'bbc-business': textSet('summaries', 'bbc-business.jsonl'),
    'cnndm-sample': textSet('summaries', 'cnndm-sample.jsonl'),
    '20min-de': textSet('summaries', '20min-de.jsonl'),
    'ectsum-val': textSet('figures', 'ectsum-val.jsonl'),
    seeds: seeds(shared),
  };
  for (const [name, items] of Object.entries(sets)) {
    const lines = items.map(({ id, input }) => {
      const r = tryDigestArticle(input);
      return JSON.stringify(r.ok ? { id, digest: r.value.digest, article: r.value.article } : { id, error: r.error.code });
    });
    writeFileSync(join(out, `${name}.jsonl`), `${lines.join('\n')}\n`);
    console.log(`${name}: ${String(items.length)} items`);
  }
}

main();
