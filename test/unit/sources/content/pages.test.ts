import { describe, expect, it } from 'vitest';
import {
  extractArticleLinks, looksLikeArticleUrl, looksLikeListingPage,
} from '../../../../src/sources/content/article-links.ts';
import { discoverFeeds } from '../../../../src/sources/content/discover-feeds.ts';
import { ARTICLE_HTML } from './feed-fixtures.ts';
import {
  ARTICLE_WITH_RELATED, DISCOVERY_HTML, LISTING_EXPECTED, LISTING_HTML, LISTING_URL, LISTING_WITH_TEASER_TEXT,
} from './page-fixtures.ts';

describe('discoverFeeds', () => {
  const feeds = discoverFeeds(DISCOVERY_HTML, 'https://blog.example.de/artikel/1');

  it('given alternate links with relative hrefs, then the URLs are absolute', () => {
    expect(feeds.map((f) => f.url)).toContain('https://blog.example.de/artikel/atom.xml');
    expect(feeds.map((f) => f.url)).toContain('https://blog.example.de/feed/');
  });

  it('given the same feed linked twice (tracking parameter, fragment), then it is listed once', () => {
    expect(feeds.filter((f) => f.url.includes('/feed') && !f.url.includes('comments') && f.type === 'rss')).toHaveLength(1);
    expect(feeds.filter((f) => f.type === 'json-feed')).toHaveLength(1);
  });

  it('given RSS, Atom, comment and JSON feeds, then RSS/Atom come first, comments after, JSON last', () => {
    expect(feeds).toEqual([
      { url: 'https://blog.example.de/feed/', type: 'rss', title: 'Blog & Notizen' },
      { url: 'https://blog.example.de/artikel/atom.xml', type: 'atom', title: null },
      { url: 'https://blog.example.de/comments/feed/', type: 'rss', title: 'Kommentare' },
      { url: 'https://blog.example.de/feed.json', type: 'json-feed', title: 'JSON-Feed' },
    ]);
  });

  it('given a <base href>, then hrefs resolve against it', () => {
    const html = '<head><base href="https://cdn.example.de/blog/"><link rel="alternate" type="application/atom+xml" href="atom"></head>';
    expect(discoverFeeds(html, 'https://example.de/x')).toEqual([{ url: 'https://cdn.example.de/blog/atom', type: 'atom', title: null }]);
  });

  it('given a page without feed links, then nothing is found', () => {
    expect(discoverFeeds('<html><head><link rel="alternate" hreflang="en" href="/en/"></head></html>', 'https://example.de/')).toEqual([]);
  });

  it('given an article page with one RSS link, then that feed is found', () => {
    expect(discoverFeeds(ARTICLE_HTML, 'https://zeitung.example/artikel/1')).toEqual([
      { url: 'https://zeitung.example/feed.xml', type: 'rss', title: 'Alle Artikel' },
    ]);
  });
});

describe('extractArticleLinks', () => {
  it('given a section front, then exactly the teaser article links come out, in page order', () => {
    expect(extractArticleLinks(LISTING_HTML, LISTING_URL)).toEqual(LISTING_EXPECTED);
  });

  it('given nav, header, footer, menu-class and breadcrumb links to article-like paths, then they are excluded', () => {
    const links = extractArticleLinks(LISTING_HTML, LISTING_URL);
    expect(links.some((l) => l.includes('fussball-ergebnisse'))).toBe(false);
    expect(links.some((l) => l.includes('neue-regeln-fuer-radwege'))).toBe(false);
    expect(links.some((l) => l.includes('footer-artikel'))).toBe(false);
    expect(links.some((l) => l.includes('menue-artikel') || l.includes('brotkrumen'))).toBe(false);
  });

  it('given tag, topic, author, category, share, login, search and pagination links, then none is returned', () => {
    const links = extractArticleLinks(LISTING_HTML, LISTING_URL).join(' ');
    for (const part of ['/thema/', '/autor/', '/kategorie/', 'teilen', 'login', 'suche', 'page', 'seite-3', 'verkehr-und-bau']) {
      expect(links).not.toContain(part);
    }
  });

  it('given a link to another site and to a subdomain, then only the subdomain link is kept', () => {
    const links = extractArticleLinks(LISTING_HTML, LISTING_URL);
    expect(links).toContain('https://sport.stadtanzeiger.example/handball/tsv-gewinnt-derby');
    expect(links.some((l) => l.includes('andere-zeitung'))).toBe(false);
  });

  it('given the same article linked with a fragment and a tracking parameter, then it appears once', () => {
    const links = extractArticleLinks(LISTING_HTML, LISTING_URL);
    expect(links.filter((l) => l.includes('neue-bruecke-ueber-die-glaette'))).toHaveLength(1);
  });

  it('given a limit, then only the first links in page order are returned', () => {
    expect(extractArticleLinks(LISTING_HTML, LISTING_URL, { limit: 2 })).toEqual(LISTING_EXPECTED.slice(0, 2));
  });

  it('given more than 50 article links and no limit, then 50 are returned', () => {
    const html = Array.from({ length: 70 }, (_, i) => `<a href="/news/meldung-nummer-${String(i)}">M</a>`).join('');
    const links = extractArticleLinks(html, 'https://example.de/news');
    expect(links).toHaveLength(50);
    expect(links[0]).toBe('https://example.de/news/meldung-nummer-0');
    expect(links[49]).toBe('https://example.de/news/meldung-nummer-49');
  });
});

describe('looksLikeArticleUrl', () => {
  const cases: [string, boolean][] = [
    ['https://example.de/lokales/neue-bruecke', true],
    ['https://example.de/artikel/12345', true],
    ['https://example.de/2026/11/25/flut', true],
    ['https://example.de/meldung-ueber-etwas', true],
    ['https://example.de/politik/inland', false],
    ['https://example.de/2026/11', false],
    ['https://example.de/politik', false],
    ['https://example.de/tag/neue-bruecke', false],
    ['https://example.de/news/bild-1.jpg', false],
    ['https://example.de/news/bericht-2026.pdf', false],
    ['https://example.de/news/liste?page=3', false],
  ];
  it.each(cases)('given %s, then article-like is %s', (url, expected) => {
    expect(looksLikeArticleUrl(new URL(url))).toBe(expected);
  });
});

describe('looksLikeListingPage', () => {
  it('given a section front with many teasers and little prose, then it is a listing', () => {
    expect(looksLikeListingPage(LISTING_HTML, LISTING_URL)).toBe(true);
  });

  it('given teasers that each carry a short paragraph, then it is still a listing', () => {
    expect(looksLikeListingPage(LISTING_WITH_TEASER_TEXT)).toBe(true);
  });

  it('given one long article with a related-articles block, then it is not a listing', () => {
    expect(extractArticleLinks(ARTICLE_WITH_RELATED, 'https://www.stadtanzeiger.example/lokales/x').length).toBeGreaterThanOrEqual(5);
    expect(looksLikeListingPage(ARTICLE_WITH_RELATED)).toBe(false);
  });

  it('given a short article page with few links, then it is not a listing', () => {
    expect(looksLikeListingPage(ARTICLE_HTML, 'https://zeitung.example/artikel/1')).toBe(false);
  });
});
