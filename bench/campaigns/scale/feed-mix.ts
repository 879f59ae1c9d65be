/**
 * The served mix of the sources campaign: which kind of host source `n` is,
 * and the documents it serves. Parent (the bot) and child (the feed server)
 * both derive everything from the source number and the seed, so the
 * campaign knows what to expect without asking the server.
 */

/** What a source's host does. */
export type SourceKind =
  | 'rss-etag' // RSS with full content; ETag, then 304 on If-None-Match
  | 'atom-modified' // Atom with short summaries (the article page is fetched); Last-Modified, then 304
  | 'rss-growing' // RSS without validators: every poll shows one item more
  | 'slow' // RSS (ETag) answered after `slowMs`, within the fetch timeout
  | 'hang' // answers after `hangMs`, beyond the fetch timeout
  | 'status-500'
  | 'status-404'
  | 'reset' // the connection is destroyed without an answer
  | 'bad-xml' // served as RSS, but the XML is broken
  | 'wrong-type'; // served as image/png

/** Shares of the mix (they sum to 100). */
export const MIX: ReadonlyArray<readonly [SourceKind, number]> = [
  ['rss-etag', 35], ['atom-modified', 20], ['rss-growing', 15], ['slow', 6], ['hang', 2],
  ['status-500', 5], ['status-404', 5], ['reset', 4], ['bad-xml', 4], ['wrong-type', 4],
];

/** The error code each failing kind must end in; null for kinds that succeed. */
export const EXPECTED_CODE: Readonly<Record<SourceKind, string | null>> = {
  'rss-etag': null, 'atom-modified': null, 'rss-growing': null, slow: null,
  hang: 'fetch/timeout', 'status-500': 'fetch/http-status', 'status-404': 'fetch/http-status', reset: 'fetch/network',
  'bad-xml': 'feed/malformed', 'wrong-type': 'fetch/unsupported-type',
};

/** Items every feed carries on its first poll. */
export const ITEMS_PER_FEED = 3;

/** A small deterministic hash of two integers (mulberry-style mixing). */
export function mix32(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** The kind of source `n` (0-based) under `seed`. */
export function kindOf(n: number, seed: number): SourceKind {
  let pick = mix32(n, seed) % 100;
  for (const [kind, share] of MIX) {
    if (pick < share) return kind;
    pick -= share;
  }
  return 'rss-etag';
}

/** Host name of source `n`. */
export const hostOf = (n: number): string => `s${n}.feeds.test`;

/** Source number from a Host header (`s123.feeds.test:PORT`), or null. */
export function sourceOfHost(host: string | undefined): number | null {
  const m = /^s(\d+)\.feeds\.test(?::\d+)?$/u.exec(host ?? '');
  return m === null ? null : Number(m[1]);
}

const WORDS = [
  'revenue', 'market', 'growth', 'council', 'energy', 'prices', 'budget', 'export', 'shares', 'factory', 'harbour', 'rail',
  'season', 'research', 'survey', 'workers', 'software', 'grid', 'tariff', 'region', 'households', 'supply', 'index', 'bank',
];
const VERBS = ['rose', 'fell', 'climbed', 'dropped', 'stayed at', 'reached', 'slipped to', 'jumped to'];

/** One English sentence with a figure, different for every (source, item, sentence). */
function sentence(n: number, item: number, k: number, seed: number): string {
  const h = mix32(n * 131 + item, k * 7919 + seed);
  const a = WORDS[h % WORDS.length] ?? 'market';
  const b = WORDS[(h >>> 8) % WORDS.length] ?? 'prices';
  const verb = VERBS[(h >>> 16) % VERBS.length] ?? 'rose';
  const pct = ((h >>> 4) % 400) / 10;
  return `The ${a} of the ${b} sector ${verb} ${pct} percent in the quarter, officials in district ${n} said on day ${item + k}.`;
}

/** Article text of item `item` of source `n`: about `chars` characters in paragraphs of four sentences. */
export function articleParagraphs(n: number, item: number, seed: number, chars: number): string[] {
  const paragraphs: string[] = [];
  let length = 0;
  for (let k = 0; length < chars; k += 4) {
    const p = [0, 1, 2, 3].map((j) => sentence(n, item, k + j, seed)).join(' ');
    paragraphs.push(p);
    length += p.length;
  }
  return paragraphs;
}
