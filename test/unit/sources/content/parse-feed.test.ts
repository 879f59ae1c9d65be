import { describe, expect, it } from 'vitest';
import { digestErrorOfCall } from '../../../helpers/digest-error-of.ts';
import { parseFeed } from '../../../../src/sources/content/parse-feed.ts';
import {
  ARTICLE_HTML, ATOM, EMPTY_ATOM, EMPTY_RSS, JSON_FEED_10, JSON_FEED_11, MALFORMED_RSS, RDF, RSS_LATIN, RSS_UTF8,
  utf8, utf8WithBom, windows1252,
} from './feed-fixtures.ts';

const catchError = digestErrorOfCall;

describe('parseFeed: RSS 2.0', () => {
  const feed = parseFeed(utf8(RSS_UTF8), 'application/rss+xml; charset=utf-8');

  it('given an RSS 2.0 feed, then title, link and item count are read', () => {
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Lokalblatt Süd – Nachrichten');
    expect(feed.link).toBe('https://www.lokalblatt-sued.example/');
    expect(feed.items).toHaveLength(3);
  });

  it('given a relative item link, then it is resolved against the channel link', () => {
    expect(feed.items[0]?.url).toBe(
      'https://www.lokalblatt-sued.example/stadt/2026/11/bruecke-saniert?utm_source=rss&utm_medium=feed',
    );
  });

  it('given RFC 822 dates with offset and GMT, then published is ISO 8601 UTC', () => {
    expect(feed.items[0]?.published).toBe('2026-11-24T07:15:00.000Z');
    expect(feed.items[1]?.published).toBe('2026-11-23T17:00:00.000Z');
  });

  it('given an HTML description, then summary is plain text with entities decoded and contentHtml keeps markup', () => {
    expect(feed.items[0]?.summary).toBe('Die Fußgängerbrücke schließt ab Montag & bleibt bis März gesperrt.');
    expect(feed.items[0]?.contentHtml).toContain('<p>Die Kosten: 4,2 Mio. Euro.</p>');
    expect(feed.items[1]?.summary).toBe('Hallenbad ändert Zeiten');
  });

  it('given guid and dc:creator, then guid and author are taken over', () => {
    expect(feed.items[0]?.guid).toBe('lbs-20261124-001');
    expect(feed.items[0]?.author).toBe('Jörg Weißmüller');
  });

  it('given an item with only a permalink guid, then the guid becomes its url', () => {
    expect(feed.items[2]?.url).toBe('https://www.lokalblatt-sued.example/kurz/nur-guid-1');
    expect(feed.items[2]?.published).toBeNull();
    expect(feed.items[2]?.summary).toBeNull();
  });
});

describe('parseFeed: encodings', () => {
  it('given windows-1252 bytes with an encoding declaration and no header charset, then umlauts, € and quotes are right', () => {
    const feed = parseFeed(windows1252(RSS_LATIN), 'text/xml');
    expect(feed.title).toBe('Bürgerzeitung Ölmühle');
    expect(feed.items[0]?.title).toBe('Größere Müllgebühren: „Äußerst ärgerlich“');
    expect(feed.items[0]?.summary).toBe('Die Gebühr steigt um 12 € – Bürger sind verärgert.');
  });

  it('given a German weekday and MEZ zone in pubDate, then the date is converted with +01:00', () => {
    const feed = parseFeed(windows1252(RSS_LATIN), null);
    expect(feed.items[0]?.published).toBe('2026-11-25T05:30:00.000Z');
  });

  it('given UTF-8 with a BOM, then it is detected and umlauts are intact', () => {
    const feed = parseFeed(utf8WithBom(ATOM), null);
    expect(feed.format).toBe('atom');
    expect(feed.items[0]?.author).toBe('Käthe Schröder');
    expect(feed.items[0]?.title).toBe('Lötstation im Test');
  });
});

describe('parseFeed: Atom', () => {
  const feed = parseFeed(utf8(ATOM), 'application/atom+xml', { feedUrl: 'https://blog.werkstatt.example/de/feed.atom' });

  it('given an Atom feed with a type="html" title, then the title is plain text', () => {
    expect(feed.title).toBe('Werkstatt-Blog & Notizen');
    expect(feed.items).toHaveLength(2);
  });

  it('given nested xml:base on feed and entry, then relative links resolve through both', () => {
    expect(feed.link).toBe('https://blog.werkstatt.example/');
    expect(feed.items[0]?.url).toBe('https://blog.werkstatt.example/de/beitraege/loetstation-test.html');
    expect(feed.items[1]?.url).toBe('https://elsewhere.example/post/2');
  });

  it('given published and updated, then published wins, else updated is used', () => {
    expect(feed.items[0]?.published).toBe('2026-11-19T17:45:00.000Z');
    expect(feed.items[1]?.published).toBe('2026-11-21T09:00:00.000Z');
  });

  it('given html summary and xhtml/text content, then summary is plain and contentHtml is HTML', () => {
    expect(feed.items[0]?.guid).toBe('tag:blog.werkstatt.example,2026:7');
    expect(feed.items[0]?.summary).toBe('Kurzfassung: gut & günstig');
    expect(feed.items[0]?.contentHtml).toBe('<p>Die <em>Lötstation</em> heizt schnell.</p>');
    expect(feed.items[1]?.contentHtml).toBe('<p>Erste Zeile &amp; mehr</p>');
  });
});

describe('parseFeed: RDF and JSON Feed', () => {
  it('given an RDF (RSS 1.0) feed, then items have about-guids, dc dates and relative links resolved', () => {
    const feed = parseFeed(utf8(RDF), 'application/rdf+xml');
    expect(feed.format).toBe('rdf');
    expect(feed.title).toBe('Archiv-Meldungen');
    expect(feed.items.map((i) => i.url)).toEqual(['https://archiv.example/meldung/42', 'https://archiv.example/meldung/43']);
    expect(feed.items[0]?.published).toBe('2026-11-18T11:00:00.000Z');
    expect(feed.items[0]?.author).toBe('Redaktion Nord');
    expect(feed.items[0]?.summary).toBe('Text über Übermut');
  });

  it('given a JSON Feed 1.1, then relative urls resolve against home_page_url and fields map over', () => {
    const feed = parseFeed(utf8(JSON_FEED_11), 'application/feed+json');
    expect(feed.format).toBe('json-feed');
    expect(feed.title).toBe('Kurznachrichten aus Köln');
    expect(feed.items).toHaveLength(2);
    const [first, second] = feed.items;
    expect(first?.url).toBe('https://kurz.koeln.example/2026/11/domplatte-weihnachtsmarkt');
    expect(first?.published).toBe('2026-11-23T09:00:00.000Z');
    expect(first?.summary).toBe('Über 150 Stände & Glühwein');
    expect(first?.author).toBe('Ümit Yılmaz');
    expect(second?.guid).toBe('101');
    expect(second?.url).toBe('https://partner.example/story/7');
    expect(second?.published).toBe('2026-11-22T08:00:00.000Z');
    expect(second?.contentHtml).toBe('<p>Nur Text, kein HTML &lt;b&gt;hier&lt;/b&gt;.</p>');
  });

  it('given a JSON Feed 1.0 with a singular author served as application/json, then it is parsed', () => {
    const feed = parseFeed(utf8(JSON_FEED_10), 'application/json');
    expect(feed.items[0]?.author).toBe('Frühere Autorin');
  });
});

describe('parseFeed: empty and broken input', () => {
  it('given an RSS channel without items, then zero items and no error', () => {
    expect(parseFeed(utf8(EMPTY_RSS), null).items).toEqual([]);
  });

  it('given an Atom feed without entries, then zero items and no error', () => {
    const feed = parseFeed(utf8(EMPTY_ATOM), null);
    expect(feed.items).toEqual([]);
    expect(feed.title).toBe('Leer');
  });

  it('given a mismatched closing tag, then feed/malformed names the problem in one line', () => {
    const err = catchError(() => parseFeed(utf8(MALFORMED_RSS), 'application/rss+xml'));
    expect(err.code).toBe('feed/malformed');
    expect(err.message).toMatch(/^malformed RSS feed: .*title/u);
    expect(err.message).not.toContain('\n');
  });

  it('given broken JSON with a JSON Feed version, then feed/malformed', () => {
    const err = catchError(() => parseFeed(utf8('{"version": "https://jsonfeed.org/version/1.1", "items": [ }'), null));
    expect(err.code).toBe('feed/malformed');
    expect(err.message).toMatch(/^malformed JSON Feed: /u);
  });

  it('given an HTML page, then feed/malformed says it is not a feed', () => {
    const err = catchError(() => parseFeed(utf8(ARTICLE_HTML), 'text/html'));
    expect(err.code).toBe('feed/malformed');
    expect(err.message).toBe('not a feed: the content is an HTML page');
  });

  it('given maxItems, then only that many items are read', () => {
    expect(parseFeed(utf8(RSS_UTF8), null, { maxItems: 1 }).items).toHaveLength(1);
  });
});
