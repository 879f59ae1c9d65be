import { describe, expect, it } from 'vitest';
import { decodeBase64Elements, unprefixRoot } from '../../../../src/sources/content/feed-repair.ts';
import { plainTitle } from '../../../../src/sources/content/html-text.ts';
import { parseFeed } from '../../../../src/sources/content/parse-feed.ts';
import { readSourceDocument } from '../../../../src/sources/read-source.ts';
import { utf8 } from './feed-fixtures.ts';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

const rssItem = (title: string, link = 'https://news.example/a-1'): string => `<item>${title}<link>${link}</link></item>`;
const rss = (items: string, ns = ''): string =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"${ns}><channel><title>Nachrichten</title><link>https://news.example/</link>${items}</channel></rss>`;

/** Any tag, tag-like text, script text or event handler left in a title. */
const MARKUP = /<|>|onclick|onerror|onmouseover|alert\(|javascript:|&(?:[a-z]+|#\d+);/iu;

describe('parseFeed: hostile and encoded titles come out as plain text', () => {
  const cases: [name: string, xml: string, title: string][] = [
    ['escaped script element', rss(rssItem('<title>Bahn &lt;script&gt;alert(1)&lt;/script&gt;streikt</title>')), 'Bahn streikt'],
    ['iframe in CDATA', rss(rssItem('<title><![CDATA[Wahl <iframe src="https://evil.example/"></iframe>in Bayern]]></title>')), 'Wahl in Bayern'],
    ['event handler on a link', rss(rssItem('<title>&lt;a href="#" onclick="steal()"&gt;Zinsen&lt;/a&gt; steigen</title>')), 'Zinsen steigen'],
    ['img with onerror', rss(rssItem('<title>Bild&lt;img src=x onerror="alert(2)"&gt; des Tages</title>')), 'Bild des Tages'],
    ['bold markup and a double-escaped ampersand', rss(rssItem('<title>&lt;b&gt;Eilmeldung&lt;/b&gt;: Müller &amp;amp; Söhne</title>')), 'Eilmeldung: Müller & Söhne'],
    ['double-escaped blink element', rss(rssItem('<title>&amp;lt;blink&amp;gt;Blinkt&amp;lt;/blink&amp;gt; nicht</title>')), 'Blinkt nicht'],
    ['numeric and named entities', rss(rssItem('<title>Caf&amp;eacute; &#8211; 5&#x20AC; &amp;quot;billig&amp;quot;</title>')), 'Café – 5€ "billig"'],
    ['CDATA with markup and an entity', rss(rssItem('<title><![CDATA[<em>Kurz</em> &amp; knapp]]></title>')), 'Kurz & knapp'],
    ['dc:title when title is missing', rss(rssItem('<dc:title>Nur im &lt;i&gt;Dublin Core&lt;/i&gt;</dc:title>'), ' xmlns:dc="http://purl.org/dc/elements/1.1/"'), 'Nur im Dublin Core'],
    ['raw ampersand in title and link', rss(rssItem('<title>AT&T & Co legen zu</title>', 'https://news.example/a-1?id=7&ref=rss')), 'AT&T & Co legen zu'],
  ];
  it.each(cases)('given an RSS title with %s, then the plain text', (_name, xml, title) => {
    const item = parseFeed(utf8(xml), null).items[0];
    expect(item?.title).toBe(title);
    expect(item?.title).not.toMatch(MARKUP);
  });

  it('given a raw ampersand in the link, then the link is read whole', () => {
    const xml = rss(rssItem('<title>Q&A zur Wahl</title>', 'https://news.example/a-1?id=7&ref=rss'));
    expect(parseFeed(utf8(xml), null).items[0]?.url).toBe('https://news.example/a-1?id=7&ref=rss');
  });

  it('given an RSS root with a namespace prefix, then the feed is read', () => {
    const xml = `<?xml version="1.0"?><r:rss xmlns:r="http://backend.userland.com/rss2" version="2.0"><r:channel><r:title>Präfix</r:title>
<r:link>https://news.example/</r:link><r:item><r:title>Mit &lt;b&gt;Präfix&lt;/b&gt;</r:title><r:link>https://news.example/p-1</r:link></r:item></r:channel></r:rss>`;
    const feed = parseFeed(utf8(xml), null);
    expect(feed.title).toBe('Präfix');
    expect(feed.items.map((i) => [i.title, i.url])).toEqual([['Mit Präfix', 'https://news.example/p-1']]);
  });

  it('given Atom 1.0 titles in base64, html, xhtml and text with markup, then plain text', () => {
    const xml = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title type="text" mode="base64">${b64('Feed <b>fett</b>')}</title>
<entry><id>e1</id><link href="https://news.example/e1"/><title type="text" mode="base64">${b64('Grüße aus Köln')}</title></entry>
<entry><id>e2</id><link href="https://news.example/e2"/><title type="html">&lt;script&gt;x()&lt;/script&gt;Sicher &amp;amp; gut</title></entry>
<entry><id>e3</id><link href="https://news.example/e3"/><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">X<b onclick="e()">H</b>TML</div></title></entry>
<entry><id>e4</id><link href="https://news.example/e4"/><title>Text &lt;iframe src="x"&gt;&lt;/iframe&gt;ohne Rahmen</title></entry>
</feed>`;
    const feed = parseFeed(utf8(xml), null);
    expect(feed.title).toBe('Feed fett');
    expect(feed.items.map((i) => i.title)).toEqual(['Grüße aus Köln', 'Sicher & gut', 'XHTML', 'Text ohne Rahmen']);
  });

  it('given an Atom 0.3 feed with a base64 text/html title, then it is decoded and its markup removed', () => {
    const xml = `<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Alt</title>
<entry><id>e1</id><link rel="alternate" type="text/html" href="https://news.example/alt-1"/>
<title type="text/html" mode="base64">${b64('Alte <i>Atom</i>-Version &amp; mehr')}</title></entry></feed>`;
    expect(parseFeed(utf8(xml), null).items[0]?.title).toBe('Alte Atom-Version & mehr');
  });
});

describe('feed repairs', () => {
  it('given a prefixed root, then the prefix is taken off every element and nothing else', () => {
    expect(unprefixRoot('<?xml version="1.0"?><x:rss xmlns:x="u"><x:channel><x:title>a:b</x:title></x:channel></x:rss>'))
      .toBe('<?xml version="1.0"?><rss xmlns:x="u"><channel><title>a:b</title></channel></rss>');
    const rdf = '<rdf:RDF xmlns:rdf="r"><rdf:li/></rdf:RDF>';
    expect(unprefixRoot(rdf)).toBe(rdf);
  });

  it('given base64 elements, then decoded and escaped; other mode values and invalid base64 stay', () => {
    expect(decodeBase64Elements(`<title mode="base64" type="text">${b64('a < b & c')}</title>`)).toBe('<title type="text">a &lt; b &amp; c</title>');
    expect(decodeBase64Elements('<title mode="escaped">base64</title>')).toBe('<title mode="escaped">base64</title>');
    expect(decodeBase64Elements('<title mode="base64">nicht base64!</title>')).toBe('<title mode="base64">nicht base64!</title>');
  });

  it('given plain titles with characters that look like markup, then they are kept', () => {
    expect(plainTitle('a < b, c > d')).toBe('a < b, c > d');
    expect(plainTitle('AT&T und Q&A')).toBe('AT&T und Q&A');
    expect(plainTitle('&amp;amp;lt;b&amp;amp;gt;fett')).toBe('fett');
    expect(plainTitle('  ')).toBeNull();
  });
});

describe('readSourceDocument: a page title', () => {
  it('given a document title with entities and escaped markup, then the item title is plain text', () => {
    const html = '<html><head><title>Caf&eacute; &amp; Bar &lt;b&gt;schlie&szlig;en&lt;/b&gt;</title></head><body><p>Text</p></body></html>';
    const doc = readSourceDocument(utf8(html), 'text/html', 'https://news.example/artikel/cafe-1');
    expect(doc.title).toBe('Café & Bar schließen');
  });
});
