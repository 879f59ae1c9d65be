/**
 * The mutation corpus: the seed articles in ../shared/seeds (when present), the bundled samples in
 * digests/samples, and one feed per format built from them; and a fast-check arbitrary that applies a list
 * of byte-level mutations (bit flips, hostile insertions, deletions, duplications, truncation, splices).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { concatBytes, INVALID_UTF8 } from './bytes.ts';
import { INVISIBLE, NUMBER_LITERALS } from './text-arbitraries.ts';

const ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
export const SEEDS_DIR = resolve(ROOT, '../shared/seeds');
const SAMPLES_DIR = join(ROOT, 'digests/samples');

export interface CorpusEntry {
  name: string;
  bytes: Uint8Array;
  contentType: string | null;
}

export interface Corpus {
  entries: CorpusEntry[];
  /** Why the shared seeds were not used, when they were not. */
  seedsSkipped: string | null;
}

const utf8 = new TextEncoder();
const esc = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');

/** One feed per format whose items are the paragraphs of `text`. */
function feedsFrom(name: string, text: string): CorpusEntry[] {
  const paras = text.split(/\n\s*\n/u).map((p) => p.trim()).filter((p) => p !== '').slice(0, 8);
  const items = paras.map((p, i) => ({ title: p.slice(0, 80), link: `https://news.example.org/${name}/${String(i)}`, body: p }));
  const rss = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${esc(name)}</title>${items.map((i) =>
    `<item><title>${esc(i.title)}</title><link>${i.link}</link><pubDate>Tue, 24 Nov 2026 07:00:00 GMT</pubDate><description><![CDATA[<p>${i.body}</p>]]></description></item>`).join('')}</channel></rss>`;
  const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(name)}</title>${items.map((i) =>
    `<entry><id>${i.link}</id><title>${esc(i.title)}</title><link href="${i.link}"/><updated>2026-11-24T07:00:00Z</updated><content type="html">${esc(`<p>${i.body}</p>`)}</content></entry>`).join('')}</feed>`;
  const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>${esc(name)}</title></channel>${items.map((i) =>
    `<item rdf:about="${i.link}"><title>${esc(i.title)}</title><link>${i.link}</link><description>${esc(i.body)}</description></item>`).join('')}</rdf:RDF>`;
  const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: name, items: items.map((i) => ({ id: i.link, url: i.link, title: i.title, content_text: i.body })) });
  return [
    { name: `${name} (RSS)`, bytes: utf8.encode(rss), contentType: 'application/rss+xml' },
    { name: `${name} (Atom)`, bytes: utf8.encode(atom), contentType: 'application/atom+xml' },
    { name: `${name} (RDF)`, bytes: utf8.encode(rdf), contentType: null },
    { name: `${name} (JSON Feed)`, bytes: utf8.encode(json), contentType: 'application/feed+json' },
  ];
}

function readDir(dir: string, prefix: string): CorpusEntry[] {
  return readdirSync(dir).filter((f) => /\.(?:txt|html?)$/u.test(f)).sort().map((f) => ({
    name: `${prefix}${f}`, bytes: new Uint8Array(readFileSync(join(dir, f))), contentType: f.endsWith('.txt') ? 'text/plain' : 'text/html',
  }));
}

/** Loads the corpus; without ../shared the seeds are skipped with a reason. */
export function loadCorpus(): Corpus {
  const entries = readDir(SAMPLES_DIR, 'digests/samples/');
  let seedsSkipped: string | null = null;
  if (existsSync(SEEDS_DIR)) entries.push(...readDir(SEEDS_DIR, 'shared/seeds/'));
  else seedsSkipped = `${SEEDS_DIR} is absent: seed-article mutations skipped, bundled samples only`;
  const decoder = new TextDecoder();
  for (const e of [...entries]) entries.push(...feedsFrom(e.name.replace(/^.*\//u, ''), decoder.decode(e.bytes).replace(/<[^>]*>/gu, '\n\n')));
  return { entries, seedsSkipped };
}

/** Pieces inserted by the `insert` mutation. */
const INSERTS: readonly Uint8Array[] = [
  ...INVALID_UTF8.map((b) => Uint8Array.from(b)),
  ...[...INVISIBLE, ...NUMBER_LITERALS.slice(0, 24), '<div>'.repeat(200), '</div>'.repeat(50), '<!--', ']]>', '<![CDATA[', '&lol9;',
    '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>', '\u0000', '<script>', '<meta charset="windows-1252">', '\ufeff',
    '<?xml version="1.0" encoding="utf-16"?>', '"', '</item>', '<item>', '</channel>', '{', '}', '[', '"version"'].map((s) => utf8.encode(s)),
];

export type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'byte'; at: number; value: number }
  | { op: 'insert'; at: number; piece: number }
  | { op: 'delete'; at: number; len: number }
  | { op: 'duplicate'; at: number; len: number; times: number }
  | { op: 'truncate'; at: number }
  | { op: 'splice'; at: number; other: number };

const pos = fc.double({ min: 0, max: 1, noNaN: true });
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: pos, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('byte' as const), at: pos, value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('insert' as const), at: pos, piece: fc.nat(INSERTS.length - 1) }),
  fc.record({ op: fc.constant('delete' as const), at: pos, len: fc.double({ min: 0, max: 0.3, noNaN: true }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: pos, len: fc.double({ min: 0, max: 0.05, noNaN: true }), times: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: pos }),
  fc.record({ op: fc.constant('splice' as const), at: pos, other: fc.nat(1000) }),
);

function apply(bytes: Uint8Array, m: Mutation, corpus: readonly CorpusEntry[]): Uint8Array {
  const at = Math.floor(m.at * bytes.length);
  switch (m.op) {
    case 'flip': {
      const out = bytes.slice();
      if (at < out.length) out[at] = (out[at] ?? 0) ^ (1 << m.bit);
      return out;
    }
    case 'byte': {
      const out = bytes.slice();
      if (at < out.length) out[at] = m.value;
      return out;
    }
    case 'insert':
      return concatBytes([bytes.subarray(0, at), INSERTS[m.piece] ?? new Uint8Array(), bytes.subarray(at)]);
    case 'delete':
      return concatBytes([bytes.subarray(0, at), bytes.subarray(at + Math.floor(m.len * bytes.length))]);
    case 'duplicate': {
      const chunk = bytes.subarray(at, at + Math.max(1, Math.floor(m.len * bytes.length)));
      return concatBytes([bytes.subarray(0, at), ...Array.from({ length: m.times }, () => chunk), bytes.subarray(at)]);
    }
    case 'truncate':
      return bytes.subarray(0, at);
    case 'splice': {
      const other = corpus[m.other % corpus.length]?.bytes ?? new Uint8Array();
      return concatBytes([bytes.subarray(0, at), other.subarray(Math.floor(m.at * other.length))]);
    }
  }
}

export interface Mutant {
  name: string;
  bytes: Uint8Array;
  contentType: string | null;
  mutations: Mutation[];
}

/** A corpus entry with up to eight mutations applied (shrinks towards fewer mutations). */
export function mutantArb(corpus: readonly CorpusEntry[]): fc.Arbitrary<Mutant> {
  return fc.tuple(fc.nat(corpus.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 8 })).map(([index, mutations]) => {
    const entry = corpus[index] ?? corpus[0];
    if (entry === undefined) throw new Error('empty corpus');
    return { name: entry.name, bytes: mutations.reduce((b, m) => apply(b, m, corpus), entry.bytes), contentType: entry.contentType, mutations };
  });
}
