/**
 * Fixed hostile inputs, each run once per campaign: entity bombs and external entities, 100,000 nested
 * elements, a 50 MB page (full run only), invalid UTF-8, mixed encodings, zero-width and right-to-left
 * floods, hostile numbers and command lines.
 */
import { concatBytes, encodeAs, windows1252, withInvalidUtf8 } from './bytes.ts';
import { DTDS } from './markup-arbitraries.ts';
import {
  argsTarget, bytesTarget, feedTarget, figuresTarget, htmlTarget, sentencesTarget, textTarget, type Outcome, type Target,
} from './targets.ts';

/** Time budget per input below 1 MiB. */
export const BUDGET_MS = 2000;
/** Time budget of the 50 MB page (the engine reads about 1.5 MB/s of article HTML on this machine). */
export const BUDGET_50MB_MS = 60_000;
/**
 * Time budget of other inputs of 1 MiB or more: 2 s plus 3 s per MiB. Extraction is linear but reads markup
 * made of 200,000 tiny elements at about 0.4 MB/s on a loaded 2-core machine (garbage collection dominates).
 */
export const budgetFor = (size: number): number => (size < 1 << 20 ? BUDGET_MS : BUDGET_MS + Math.ceil(size / (1 << 20)) * 3000);

export interface HostileCase {
  target: string;
  name: string;
  /** Only in the full run (too slow for the short version). */
  fullOnly: boolean;
  budgetMs: number | null;
  /** Builds the input (lazily: some are large) and returns its size and a runner. */
  prepare(): { size: number; run(): Outcome | Promise<Outcome> };
}

function hostile<I>(target: Target<I>, name: string, make: () => I, options: { fullOnly?: boolean; budgetMs?: number } = {}): HostileCase {
  return {
    target: target.name, name, fullOnly: options.fullOnly ?? false, budgetMs: options.budgetMs ?? null,
    prepare() {
      const input = make();
      return { size: target.size(input), run: () => target.run(input) };
    },
  };
}

const utf8 = new TextEncoder();
const P_DE = 'Der Umsatz stieg im dritten Quartal um 3,5 Prozent auf 1,2 Milliarden Euro, teilte der Konzern am Montag mit.';
const P_EN = 'Revenue rose 12% to $4.2 billion in the third quarter, and the company raised its full-year guidance.';
const rss = (items: string, dtd = ''): string =>
  `<?xml version="1.0" encoding="utf-8"?>${dtd}<rss version="2.0"><channel><title>Hostile</title>${items}</channel></rss>`;
const item = (title: string, body = P_DE): string => `<item><title>${title}</title><link>https://news.example.org/a</link><description>${body}</description></item>`;
const bytesOf = (text: string, contentType: string | null = null) => ({ bytes: utf8.encode(text), contentType });
const page = (body: string, head = ''): string => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const nested = (tag: string, n: number, inner: string): string => `<${tag}>`.repeat(n) + inner + `</${tag}>`.repeat(n);

/** A page of about `mb` megabytes of article paragraphs. */
function bigPage(mb: number): string {
  const para = `<p>${P_DE} ${P_EN}</p>\n`;
  return page(`<article>${para.repeat(Math.ceil((mb * 1e6) / para.length))}</article>`);
}

const DE_LATIN1 = `Größere Gewinne für Müller & Söhne: Der Umsatz stieg um 3,5 % auf 1,2 Mrd. € – „überraschend“. ${P_DE}`;

export const HOSTILE_CASES: readonly HostileCase[] = [
  // Feeds: entity bombs, external entities, truncation, depth, size.
  ...DTDS.filter((d) => d !== '').map((dtd, i) => hostile(feedTarget, `RSS with DTD #${String(i + 1)}: ${dtd.slice(0, 60)}`,
    () => bytesOf(rss(item('&lol9; &big; &xxe; &a;').repeat(3), dtd), 'application/rss+xml'))),
  hostile(feedTarget, 'billion laughs at 30 levels deep in an Atom feed',
    () => bytesOf(`<!DOCTYPE feed [<!ENTITY l0 "ha">${Array.from({ length: 30 }, (_, i) => `<!ENTITY l${String(i + 1)} "&l${String(i)};&l${String(i)};">`).join('')}]><feed xmlns="http://www.w3.org/2005/Atom"><title>&l30;</title><entry><title>&l30;</title></entry></feed>`)),
  hostile(feedTarget, 'RSS truncated at every 997th byte boundary (last cut)', () => bytesOf(rss(item(P_DE).repeat(50)).slice(0, 4985))),
  hostile(feedTarget, 'RSS title with 100,000 nested elements', () => bytesOf(rss(item(nested('b', 100_000, 'x'))))),
  hostile(feedTarget, 'RSS with 100,000 unclosed elements', () => bytesOf(rss('<item><title>' + '<b>'.repeat(100_000)))),
  hostile(feedTarget, 'Atom content with 100,000 nested divs (xhtml)', () => bytesOf(`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>x</title><content type="xhtml">${nested('div', 100_000, P_DE)}</content></entry></feed>`)),
  hostile(feedTarget, 'RSS description: 100,000 escaped nested divs', () => bytesOf(rss(item('t', nested('div', 100_000, P_DE).replace(/</gu, '&lt;'))))),
  hostile(feedTarget, 'JSON Feed nested 100,000 arrays deep', () => bytesOf(`{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[{"id":"1","content_html":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`)),
  hostile(feedTarget, 'JSON Feed with __proto__ and wrong types', () => bytesOf('{"version":"https://jsonfeed.org/version/1.1","title":7,"__proto__":{"polluted":1},"items":[{"id":{},"url":["x"],"title":5,"date_published":1e999}]}')),
  hostile(feedTarget, 'RSS with 20,000 items (1 MB)', () => bytesOf(rss(item('Titel', 'kurz').repeat(20_000)))),
  hostile(feedTarget, 'RSS with 100,000 attributes on the root', () => bytesOf(`<rss version="2.0"${' a="1"'.repeat(100_000)}><channel><title>t</title></channel></rss>`)),
  hostile(feedTarget, 'RSS windows-1252 bytes declaring utf-8', () => ({ bytes: windows1252(rss(item(DE_LATIN1))), contentType: 'application/rss+xml; charset=utf-8' })),
  hostile(feedTarget, 'RSS utf-8 bytes declaring iso-8859-1', () => bytesOf(rss(item(DE_LATIN1)).replace('utf-8', 'iso-8859-1'), 'text/xml; charset=iso-8859-1')),
  hostile(feedTarget, 'RSS with an invalid UTF-8 sequence every 97 bytes', () => ({ bytes: withInvalidUtf8(utf8.encode(rss(item(DE_LATIN1).repeat(20)))), contentType: null })),
  hostile(feedTarget, 'RSS in UTF-16BE with BOM, declaring utf-8', () => ({ bytes: encodeAs(rss(item(DE_LATIN1)), 'utf-16be-bom'), contentType: 'application/rss+xml; charset=utf-8' })),
  hostile(feedTarget, 'feed bytes that are only a UTF-8 BOM', () => ({ bytes: Uint8Array.of(0xef, 0xbb, 0xbf), contentType: 'application/rss+xml' })),
  hostile(feedTarget, 'feed with a 1 MB doctype internal subset', () => bytesOf(rss(item('x'), `<!DOCTYPE rss [<!ENTITY big "${'x'.repeat(1_000_000)}">]>`))),
  hostile(feedTarget, 'page with 50,000 same-site article links', () => bytesOf(page(Array.from({ length: 50_000 }, (_, i) => `<a href="/news/2026/story-${String(i)}.html">Story ${String(i)}</a>`).join('')), 'text/html')),
  hostile(feedTarget, '5 MB page (the default fetch cap) through source reading', () => bytesOf(bigPage(5), 'text/html')),
  // Pages through the engine.
  hostile(htmlTarget, '100,000 nested divs around the article', () => page(nested('div', 100_000, `<p>${P_DE}</p>`))),
  hostile(htmlTarget, '100,000 unclosed spans then 100,000 stray end tags', () => page('<span>'.repeat(100_000) + `<p>${P_DE}</p>` + '</i>'.repeat(100_000))),
  hostile(htmlTarget, '1,000 deep divs then 300,000 stray end tags', () => page(nested('div', 1000, `<p>${P_DE}</p>${'</span>'.repeat(300_000)}`))),
  hostile(htmlTarget, '100,000 nested tables, lists and fonts', () => page(nested('table', 30_000, nested('li', 30_000, nested('font', 40_000, `<p>${P_DE}</p>`))))),
  hostile(htmlTarget, '20,000 nested scripts-as-templates', () => page(nested('div', 10, `${'<script type="text/template">'.repeat(20_000)}<p>${P_DE}</p>`))),
  hostile(htmlTarget, 'one 2 MB paragraph without punctuation', () => page(`<p>${'Umsatz 3,5 Milliarden Euro '.repeat(75_000)}</p>`)),
  hostile(htmlTarget, '1 MB of zero-width and RTL characters in the text', () => page(`<p>${`${P_DE}\u200b\u202e\u200f\u2066`.repeat(8000)}</p>`)),
  hostile(htmlTarget, '200,000 paragraphs of one character', () => page('<p>x</p>'.repeat(200_000))),
  hostile(htmlTarget, 'unterminated comment before the article', () => page(`<!-- ${'x'.repeat(100_000)}<p>${P_DE}</p>`)),
  hostile(htmlTarget, '50,000 JSON-LD scripts and meta tags', () => page(`<p>${P_DE}</p>`, '<script type="application/ld+json">{"@graph":[{"headline":"x"}]}</script><meta name="a" content="b">'.repeat(50_000))),
  hostile(htmlTarget, 'JSON-LD nested 100,000 deep', () => page(`<p>${P_DE}</p>`, `<script type="application/ld+json">${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}</script>`)),
  hostile(htmlTarget, '50 MB page', () => bigPage(50), { fullOnly: true, budgetMs: BUDGET_50MB_MS }),
  // Raw bytes through input preparation and the engine.
  hostile(bytesTarget, 'windows-1252 page declaring utf-8', () => ({ bytes: windows1252(page(`<p>${DE_LATIN1}</p>`, '<meta charset="utf-8">')), contentType: 'text/html; charset=utf-8' })),
  hostile(bytesTarget, 'utf-8 page declaring windows-1252', () => bytesOf(page(`<p>${DE_LATIN1}</p>`, '<meta charset="windows-1252">'), 'text/html')),
  hostile(bytesTarget, 'half utf-8, half windows-1252', () => ({ bytes: encodeAs(page(`<p>${DE_LATIN1}</p>`.repeat(40)), 'mixed'), contentType: null })),
  hostile(bytesTarget, 'only invalid UTF-8 sequences (1 MB)', () => ({ bytes: concatBytes(Array.from({ length: 60_000 }, () => Uint8Array.of(0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf5, 0xff, 0x80, 0xbf, 0xc3, 0x28, 0xfe, 0xe2, 0x82, 0xf0, 0x9f, 0x98))), contentType: null })),
  hostile(bytesTarget, 'a PDF, a PNG and a gzip header', () => ({ bytes: Uint8Array.of(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31), contentType: 'text/html' })),
  hostile(bytesTarget, 'whitespace and zero-width spaces only', () => bytesOf(' \n\t\u00a0\u200b\u2060\ufeff'.repeat(10_000))),
  hostile(bytesTarget, 'UTF-16LE page with an odd byte count', () => ({ bytes: encodeAs(page(`<p>${P_DE}</p>`), 'utf-16le-bom').subarray(0, 301), contentType: null })),
  // Text, numbers, sentences and command lines.
  hostile(textTarget, '5 MB of scraped text', () => `${P_DE}\n\n${P_EN}\n\n`.repeat(24_000)),
  hostile(textTarget, 'numbers only: "1.2.3,4,5 1e999999 -0,000…"', () => `1.2.3,4,5 Euro. 1e999999 Dollar. -0,${'0'.repeat(100_000)}1 Prozent. ${'9'.repeat(100_000)} Mitarbeiter.`),
  hostile(figuresTarget, '100,000-digit number with a currency', () => ({ text: `Umsatz: ${'9'.repeat(100_000)} Euro`, lang: 'de' as const })),
  hostile(figuresTarget, 'huge grouped number (1,000,000,…)', () => ({ text: `Revenue of $1${',000'.repeat(40_000)} billion`, lang: 'en' as const })),
  hostile(figuresTarget, '"-0,0000…" with 100,000 zeros', () => ({ text: `Die Marge sank um -0,${'0'.repeat(100_000)} Prozent.`, lang: 'de' as const })),
  hostile(figuresTarget, '1e999999 and 1.7976931348623157e309 everywhere', () => ({ text: '1e999999 Euro, $1.7976931348623157e309, 1E+400 %, 10^999 Mrd. '.repeat(2000), lang: 'en' as const })),
  hostile(figuresTarget, '100,000 ranges "1 bis 2 bis 3 …"', () => ({ text: `${Array.from({ length: 100_000 }, (_, i) => String(i)).join(' bis ')} Euro`, lang: 'de' as const })),
  hostile(sentencesTarget, '1 MB of "z.B. " abbreviations', () => ({ text: 'z.B. '.repeat(200_000), lang: 'de' as const })),
  hostile(sentencesTarget, '1 MB of unbalanced opening quotes', () => ({ text: '„Er sagte. '.repeat(100_000), lang: 'de' as const })),
  hostile(sentencesTarget, '1 MB without a space', () => ({ text: 'a.B'.repeat(350_000), lang: 'en' as const })),
  hostile(argsTarget, '100 KB command line of quotes', () => ({ line: `/sources add "${'"'.repeat(100_000)}`, admin: true })),
  hostile(argsTarget, 'schedule with a 10,000-field cron', () => ({ line: `/schedule set news ${'* '.repeat(10_000)}Europe/Berlin`, admin: true })),
  hostile(argsTarget, 'time zone and channel path traversal', () => ({ line: '/schedule set news "30 7 * * 1-5" ../../etc/passwd <#../../x|y>', admin: true })),
  hostile(argsTarget, '50,000 words to /figures', () => ({ line: `/figures ${'Umsatz '.repeat(50_000)}`, admin: false })),
];
