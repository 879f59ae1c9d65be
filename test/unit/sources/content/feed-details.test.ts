import { describe, expect, it } from 'vitest';
import { feedDateToIso } from '../../../../src/sources/content/feed-dates.ts';
import { htmlToText, textToHtml } from '../../../../src/sources/content/html-text.ts';
import { parseFeed } from '../../../../src/sources/content/parse-feed.ts';
import { utf8 } from './feed-fixtures.ts';

describe('feedDateToIso', () => {
  const cases: [raw: string, iso: string | null][] = [
    ['Tue, 24 Nov 2026 08:00:00 +0100', '2026-11-24T07:00:00.000Z'],
    ['Tue, 24 Nov 2026 08:00:00 GMT', '2026-11-24T08:00:00.000Z'],
    ['Tue, 24 Nov 2026 08:00:00 EST', '2026-11-24T13:00:00.000Z'],
    ['Sa, 24 Okt 2026 08:00:00 MESZ', '2026-10-24T06:00:00.000Z'],
    ['Mon, 02 Mär 2026 07:05:00 CET', '2026-03-02T06:05:00.000Z'],
    ['24 Nov 2026 08:00:00', '2026-11-24T08:00:00.000Z'],
    ['2026-11-20T10:00:00+01:00', '2026-11-20T09:00:00.000Z'],
    ['2026-11-20T10:00:00Z', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T10:00:00', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['gestern', null],
    ['0000-00-00', null],
    ['', null],
  ];
  it.each(cases)('given %j, then the ISO date is %j', (raw, iso) => {
    expect(feedDateToIso(raw)).toBe(iso);
  });
});

describe('htmlToText and textToHtml', () => {
  it('given markup with entities, scripts and blocks, then plain text with single spaces', () => {
    expect(htmlToText('<p>Erster&nbsp;Absatz &amp; <b>mehr</b></p><p>Zweiter</p><script>var x = "<p>";</script>'))
      .toBe('Erster Absatz & mehr Zweiter');
  });

  it('given text without markup, then it is only trimmed and collapsed; empty gives null', () => {
    expect(htmlToText('  a  <  b \n c ')).toBe('a < b c');
    expect(htmlToText('   ')).toBeNull();
    expect(htmlToText('<p> </p>')).toBeNull();
  });

  it('given plain text with blank lines and markup characters, then escaped paragraphs', () => {
    expect(textToHtml('Eins <b>\n\nZwei & "drei"')).toBe('<p>Eins &lt;b&gt;</p>\n<p>Zwei &amp; &quot;drei&quot;</p>');
  });
});

describe('parseFeed: hostile and unusual XML', () => {
  it('given a doctype that defines nested entities, then they are not expanded', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><rss version="2.0"><channel><title>T</title>
<item><title>x &c;</title><link>https://e.example/a-1</link></item></channel></rss>`;
    const feed = parseFeed(utf8(xml), null);
    expect(feed.items[0]?.title?.length ?? 0).toBeLessThan(20);
  });

  it('given a feed cut off in the middle of an item, then feed/malformed', () => {
    const cut = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Eins</title></item><item><title>Zw';
    expect(() => parseFeed(utf8(cut), null)).toThrow(expect.objectContaining({ code: 'feed/malformed' }));
  });

  it('given xml:base on the rss element, then it wins over the channel link for relative item links', () => {
    const xml = `<rss version="2.0" xml:base="https://base.example/news/"><channel><title>T</title>
<link>https://site.example/</link><item><title>Eins</title><link>eins-1</link></item></channel></rss>`;
    expect(parseFeed(utf8(xml), null).items[0]?.url).toBe('https://base.example/news/eins-1');
  });

  it('given a relative channel link, then it resolves against the feed URL passed in', () => {
    const xml = '<rss version="2.0"><channel><title>T</title><link>/</link><item><link>/a/b-1</link></item></channel></rss>';
    const feed = parseFeed(utf8(xml), 'application/rss+xml', { feedUrl: 'https://site.example/feeds/all.rss' });
    expect(feed.link).toBe('https://site.example/');
    expect(feed.items[0]?.url).toBe('https://site.example/a/b-1');
  });

  it('given a relative item link and no way to resolve it, then url is null rather than invalid', () => {
    const xml = '<rss version="2.0"><channel><title>T</title><item><title>Ohne Basis</title><link>/a/b-1</link></item></channel></rss>';
    const feed = parseFeed(utf8(xml), null);
    expect(feed.items[0]?.url).toBeNull();
    expect(feed.items[0]?.title).toBe('Ohne Basis');
  });

  it('given a javascript: item link, then url is null', () => {
    const xml = '<rss version="2.0"><channel><title>T</title><link>https://s.example/</link><item><link>javascript:alert(1)</link></item></channel></rss>';
    expect(parseFeed(utf8(xml), null).items[0]?.url).toBeNull();
  });
});
