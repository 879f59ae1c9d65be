/**
 * fast-check arbitraries for hostile markup: HTML pages (element trees with furniture and paywall classes,
 * broken tokens, deep nesting, charset declarations) and feeds (RSS, Atom, RDF, JSON Feed) with hostile
 * fields, DTD entities (billion laughs, external entities), truncation and wrong or mixed encodings.
 */
import fc from 'fast-check';
import { proseArb, numberArb } from './text-arbitraries.ts';
import { encodeAs, ENCODINGS, type Encoding } from './bytes.ts';

const TAGS = ['div', 'p', 'span', 'article', 'main', 'section', 'a', 'h1', 'h2', 'ul', 'li', 'table', 'tr', 'td', 'blockquote', 'b', 'em',
  'nav', 'aside', 'footer', 'header', 'figure', 'figcaption', 'form', 'time', 'font', 'svg', 'math', 'template', 'noscript', 'xmp'];
const VOID = ['br', 'img', 'hr', 'meta', 'link', 'input', 'wbr'];
const CLASSES = ['', 'article-body', 'content', 'story', 'paywall', 'premium', 'nav', 'menu', 'comments', 'share', 'related', 'teaser',
  'sidebar', 'cookie-banner', 'byline', 'ad', 'hidden'];
/** Broken or odd tokens htmlparser2 must survive. */
const BROKEN = ['<', '>', '</', '<!--', '-->', '<![CDATA[', ']]>', '<!DOCTYPE', '&', '&amp', '&#x110000;', '&#0;', '&#xD800;', '&lol;',
  '&nbsp', '&#9999999999;', '<p', '<a href="', '"', "'", '</div></div></div>', '</p></p>', '<br/>', '</br>', '<script>', '</script>',
  '<style>', '<title>', '<textarea>', '<plaintext>', '<?php echo 1 ?>', '<![endif]-->', '<svg><foreignObject>', '\u0000', '<ｄｉｖ>'];

const attrArb = fc.oneof(
  fc.constantFrom(...CLASSES).map((c) => (c === '' ? '' : ` class="${c}"`)),
  fc.constantFrom(' id="main"', ' role="article"', ' role="navigation"', ' hidden', ' aria-hidden="true"', ' itemprop="articleBody"',
    ' itemprop="datePublished" datetime="2026-13-45T99:99"', ' href="javascript:alert(1)"', ' href="/news/2026/a-long-story.html"',
    ' href="http://[::1"', ' lang="de"', ' style="display:none"', ` data-x="${'"'.repeat(3)}"`, ` class="${'x '.repeat(300)}"`),
);

interface Node { html: string }

/** An HTML fragment: a random element tree with prose, broken tokens and void elements. */
export const fragmentArb: fc.Arbitrary<string> = fc.letrec<{ node: Node; forest: Node[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: proseArb(25).map((html) => ({ html })), weight: 5 },
    { arbitrary: fc.constantFrom(...BROKEN).map((html) => ({ html })), weight: 1 },
    { arbitrary: fc.constantFrom(...VOID).map((t) => ({ html: `<${t}>` })), weight: 1 },
    {
      arbitrary: fc.tuple(fc.constantFrom(...TAGS), attrArb, tie('forest'), fc.boolean())
        .map(([tag, attr, kids, close]) => ({ html: `<${tag}${attr}>${(kids as Node[]).map((k) => k.html).join('')}${close ? `</${tag}>` : ''}` })),
      weight: 4,
    },
  ),
  forest: fc.array(tie('node'), { maxLength: 6 }),
})).forest.map((nodes) => nodes.map((n) => n.html).join(''));

const HEAD_BITS = ['<meta charset="utf-8">', '<meta charset="windows-1252">', '<meta charset="x-unknown">', '<meta charset="utf-16">',
  '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', '<title>Umsatz: 3,5 Mrd. Euro</title>',
  '<meta property="og:title" content="&lt;b&gt;Titel">', '<link rel="canonical" href="/a/1">', '<meta name="description" content="">',
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","datePublished":"2026-02-30","isAccessibleForFree":"False"}</script>',
  '<script type="application/ld+json">{"@graph":[{"@graph":[{"@graph":[]}]}],</script>', '<script type="text/template"><p>Vorlage</p></script>',
  '<link rel="alternate" type="application/rss+xml" href="/feed.xml">', '<base href="javascript:x">'];

/** A whole page: doctype, head bits, a body of fragments, optional deep nesting. */
export const pageArb: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom('', '<!DOCTYPE html>', '<?xml version="1.0" encoding="utf-8"?>', '<!doctype html><html lang="de">', '<html lang="en">'),
  fc.array(fc.constantFrom(...HEAD_BITS), { maxLength: 4 }),
  fc.array(fragmentArb, { maxLength: 4 }),
  fc.option(fc.tuple(fc.constantFrom('div', 'span', 'b', 'li', 'p', 'table', 'svg', 'font', 'a'), fc.integer({ min: 10, max: 3000 }), fc.boolean())),
).map(([doctype, head, body, deep]) => {
  const nest = deep === null ? '' : `<${deep[0]}>`.repeat(deep[1]) + (deep[2] ? `</${deep[0]}>`.repeat(deep[1]) : '');
  return `${doctype}<head>${head.join('')}</head><body><article>${body.join('')}${nest}<p>${body[0] ?? ''}</p></article></body>`;
});

const DATES = ['Tue, 24 Nov 2026 07:00:00 GMT', '2026-11-24T07:00:00Z', 'Mon, 32 Foo 2026 25:61:61 +9999', '9999-99-99T99:99:99',
  '', '0', '-1', '2026-02-30', 'yesterday', '+275760-09-13T00:00:00.001Z', '1e999999', '24.11.2026 07:00', '\u200b2026-11-24'];
const LINKS = ['https://news.example.org/a/1', '/relative/path', 'javascript:alert(1)', 'http://[::1', '//evil.example/x', 'mailto:a@b',
  `https://x.example/${'a'.repeat(3000)}`, 'https://news.example.org/a/1#frag', 'https://user:pw@news.example.org/', ' ', 'data:text/html,<p>'];

const fieldArb = fc.oneof(
  { arbitrary: proseArb(20), weight: 4 },
  { arbitrary: numberArb, weight: 1 },
  { arbitrary: fragmentArb.map((f) => `<![CDATA[${f}]]>`), weight: 2 },
  { arbitrary: fragmentArb.map((f) => f.replace(/&/gu, '&amp;').replace(/</gu, '&lt;')), weight: 2 },
  { arbitrary: fc.constantFrom('&lol9;', '&xxe;', '&amp;auml;', '&#x110000;', ']]>', '<![CDATA[', '&', '<', '&#0;'), weight: 1 },
);

interface FeedItemParts { title: string; link: string; date: string; body: string; guid: string }
const itemArb: fc.Arbitrary<FeedItemParts> = fc.record({
  title: fieldArb, link: fc.constantFrom(...LINKS), date: fc.constantFrom(...DATES), body: fieldArb, guid: fc.oneof(fieldArb, fc.constant('')),
});

/** Internal DTD subsets: billion laughs, a quadratic blow-up, external and parameter entities. */
export const DTDS = [
  '',
  `<!DOCTYPE rss [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${String(i + 1)} "${`&lol${i === 0 ? '' : String(i)};`.repeat(10)}">`).join('')}]>`,
  `<!DOCTYPE rss [<!ENTITY big "${'x'.repeat(2000)}">]>`,
  '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
  '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "http://127.0.0.1:1/x">]>',
  '<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p;]>',
  '<!DOCTYPE rss PUBLIC "-//x//EN" "http://127.0.0.1:1/rss.dtd">',
  '<!DOCTYPE rss [<!ENTITY a "&b;"><!ENTITY b "&a;">]>',
];

function renderFeed(format: 'rss' | 'atom' | 'rdf' | 'json', title: string, items: readonly FeedItemParts[], dtd: string): string {
  if (format === 'json') {
    return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title, home_page_url: items[0]?.link, items: items.map((i) => ({
      id: i.guid, url: i.link, title: i.title, date_published: i.date, content_html: i.body, summary: i.title, authors: [{ name: i.guid }],
    })) });
  }
  if (format === 'atom') {
    const entries = items.map((i) => `<entry><id>${i.guid}</id><title type="html">${i.title}</title><link href="${i.link}"/><updated>${i.date}</updated><content type="html">${i.body}</content></entry>`);
    return `${dtd.replace('rss', 'feed')}<feed xmlns="http://www.w3.org/2005/Atom" xml:base="${items[0]?.link ?? ''}"><title>${title}</title>${entries.join('')}</feed>`;
  }
  if (format === 'rdf') {
    const entries = items.map((i) => `<item rdf:about="${i.link}"><title>${i.title}</title><link>${i.link}</link><dc:date>${i.date}</dc:date><description>${i.body}</description></item>`);
    return `${dtd.replace('rss', 'rdf:RDF')}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${title}</title></channel>${entries.join('')}</rdf:RDF>`;
  }
  const entries = items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.guid}</guid><pubDate>${i.date}</pubDate><description>${i.body}</description><content:encoded>${i.body}</content:encoded></item>`);
  return `${dtd}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${title}</title><link>${items[0]?.link ?? ''}</link>${entries.join('')}</channel></rss>`;
}

const CONTENT_TYPES = [null, 'application/rss+xml', 'application/atom+xml', 'application/xml; charset=utf-8', 'text/xml; charset=iso-8859-1',
  'application/feed+json', 'text/html; charset=windows-1252', 'text/plain', 'application/octet-stream', 'text/html; charset="x-bogus"',
  'application/rss+xml; charset=utf-16', 'text/xml; charset=utf-7', ';;;charset=', 'application/json; charset=utf-32'];

/** A feed document as bytes: format, DTD, hostile items, XML declaration, encoding (maybe lying), truncation. */
export const feedBytesArb = fc.tuple(
  fc.constantFrom<'rss' | 'atom' | 'rdf' | 'json'>('rss', 'atom', 'rdf', 'json'),
  fieldArb,
  fc.array(itemArb, { maxLength: 5 }),
  fc.constantFrom(...DTDS),
  fc.constantFrom('', '<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0" encoding="windows-1252"?>',
    '<?xml version="1.0" encoding="UTF-16"?>', '<?xml version="1.1" encoding="x-klingon"?>', '\ufeff<?xml version="1.0"?>'),
  fc.constantFrom<Encoding>(...ENCODINGS),
  fc.constantFrom(...CONTENT_TYPES),
  fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
).map(([format, title, items, dtd, decl, encoding, contentType, cut]) => {
  const text = (format === 'json' ? '' : decl) + renderFeed(format, title, items, dtd);
  const bytes = encodeAs(text, encoding);
  return { bytes: cut === null ? bytes : bytes.subarray(0, Math.floor(bytes.length * cut)), contentType };
});

/** A page as bytes in some (maybe lying) encoding, with a Content-Type. */
export const pageBytesArb = fc.tuple(pageArb, fc.constantFrom<Encoding>(...ENCODINGS), fc.constantFrom(...CONTENT_TYPES))
  .map(([html, encoding, contentType]) => ({ bytes: encodeAs(html, encoding), contentType }));
