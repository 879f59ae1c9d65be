import { describe, expect, it } from 'vitest';
import { DigestError } from '../../../../src/errors.ts';
import {
  canonicalUrl, isSameSite, registrableDomain, tryCanonicalUrl,
} from '../../../../src/sources/content/canonical-url.ts';
import type { FeedItem } from '../../../../src/sources/content/feed-types.ts';
import { contentHash, itemKeys } from '../../../../src/sources/content/item-keys.ts';

const canonicalCases: [input: string, expected: string][] = [
  ['HTTPS://WWW.Example.DE/Artikel/Eins', 'https://www.example.de/Artikel/Eins'],
  ['https://example.de:443/a', 'https://example.de/a'],
  ['http://example.de:80/a', 'http://example.de/a'],
  ['http://example.de:8080/a', 'http://example.de:8080/a'],
  ['https://example.de/a#kommentare', 'https://example.de/a'],
  ['https://example.de/a?utm_source=rss&utm_medium=feed&utm_campaign=x', 'https://example.de/a'],
  ['https://example.de/a?UTM_Source=rss&id=5', 'https://example.de/a?id=5'],
  ['https://example.de/a?fbclid=abc&gclid=def', 'https://example.de/a'],
  ['https://example.de/a?mc_cid=1&mc_eid=2&ref=twitter', 'https://example.de/a'],
  ['https://example.de/a?cmpid=nl&wt_mc=news.feed', 'https://example.de/a'],
  ['https://example.de/a?z=1&a=2&m=3', 'https://example.de/a?a=2&m=3&z=1'],
  ['https://example.de/a?b=2&utm_source=x&a=1#top', 'https://example.de/a?a=1&b=2'],
  ['https://example.de/politik/artikel/', 'https://example.de/politik/artikel'],
  ['https://example.de/', 'https://example.de/'],
  ['https://example.de', 'https://example.de/'],
  ['https://example.de/a?', 'https://example.de/a'],
  ['https://example.de./a', 'https://example.de/a'],
  ['https://münchen.example/straße', 'https://xn--mnchen-3ya.example/stra%C3%9Fe'],
  ['  https://example.de/a  ', 'https://example.de/a'],
];

describe('canonicalUrl', () => {
  it.each(canonicalCases)('given %s, then the canonical form is %s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it('given a variant with tracking, fragment and trailing slash, then both spellings give one key', () => {
    expect(canonicalUrl('https://Example.de/a/b/?utm_source=x#c')).toBe(canonicalUrl('https://example.de/a/b'));
  });

  it('given a relative or non-http URL, then canonicalUrl throws fetch/invalid-url and tryCanonicalUrl is null', () => {
    for (const bad of ['/relativ/pfad', 'mailto:redaktion@example.de', 'ftp://example.de/x', 'kein url']) {
      expect(() => canonicalUrl(bad)).toThrow(DigestError);
      expect(tryCanonicalUrl(bad)).toBeNull();
    }
    expect(() => canonicalUrl('/x')).toThrow(expect.objectContaining({ code: 'fetch/invalid-url' }));
  });
});

describe('registrableDomain and isSameSite', () => {
  it('given hosts with subdomains and two-level country suffixes, then the registrable part is found', () => {
    expect(registrableDomain('www.tagesblatt.example.de')).toBe('example.de');
    expect(registrableDomain('news.bbc.co.uk')).toBe('bbc.co.uk');
    expect(registrableDomain('www.zeitung.co.at')).toBe('zeitung.co.at');
    expect(registrableDomain('example.de')).toBe('example.de');
    expect(registrableDomain('127.0.0.1')).toBe('127.0.0.1');
  });

  it('given a subdomain and a foreign host, then only the subdomain is the same site', () => {
    expect(isSameSite('www.example.de', 'sport.example.de')).toBe(true);
    expect(isSameSite('www.example.de', 'example.com')).toBe(false);
    expect(isSameSite('a.co.uk', 'b.co.uk')).toBe(false);
  });
});

describe('contentHash', () => {
  const title = 'Brücke wird für 4,2 Mio. Euro saniert';
  const text = 'Die Fußgängerbrücke schließt ab Montag. Mehr: https://example.de/bruecke';

  it('given the same title and text, then the hash is a stable SHA-256 hex string', () => {
    const hash = contentHash(title, text);
    expect(hash).toMatch(/^[0-9a-f]{64}$/u);
    expect(contentHash(title, text)).toBe(hash);
  });

  it('given different case, extra whitespace and a no-break space, then the hash is the same', () => {
    expect(contentHash('  BRÜCKE wird für 4,2 Mio.\u00a0Euro   saniert ', `Die  Fußgängerbrücke\nschließt ab Montag.  Mehr: https://example.de/bruecke`))
      .toBe(contentHash(title, text));
  });

  it('given decomposed umlauts (NFD), then the hash equals the composed form', () => {
    expect(contentHash(title.normalize('NFD'), text.normalize('NFD'))).toBe(contentHash(title, text));
  });

  it('given tracking parameters on an embedded URL, then the hash is the same', () => {
    const tracked = 'Die Fußgängerbrücke schließt ab Montag. Mehr: https://example.de/bruecke?utm_source=rss&fbclid=x.';
    expect(contentHash(title, tracked)).toBe(contentHash(title, `${text}.`));
  });

  it('given a different figure or different words, then the hash differs', () => {
    expect(contentHash('Brücke wird für 4,3 Mio. Euro saniert', text)).not.toBe(contentHash(title, text));
    expect(contentHash(title, 'Die Brücke bleibt offen.')).not.toBe(contentHash(title, text));
  });

  it('given the words moved between title and text, then the hash differs', () => {
    expect(contentHash('a b', 'c')).not.toBe(contentHash('a', 'b c'));
  });
});

describe('itemKeys', () => {
  const item: FeedItem = {
    guid: '  lbs-001 ',
    url: 'https://www.example.de/stadt/bruecke/?utm_source=rss#top',
    title: 'Brücke',
    published: '2026-11-24T07:15:00.000Z',
    summary: 'Die Brücke schließt.',
    contentHtml: '<p>Ganz anderer Volltext.</p>',
    author: null,
  };

  it('given an item, then the keys are canonical URL, trimmed guid and the hash of title + summary', () => {
    expect(itemKeys(item)).toEqual({
      canonicalUrl: 'https://www.example.de/stadt/bruecke',
      guid: 'lbs-001',
      contentHash: contentHash('Brücke', 'Die Brücke schließt.'),
    });
  });

  it('given the same item republished with a new timestamp and tracking parameter, then all keys are equal', () => {
    const republished = { ...item, published: '2026-11-25T09:00:00.000Z', url: 'https://www.example.de/stadt/bruecke?utm_medium=social' };
    expect(itemKeys(republished)).toEqual(itemKeys(item));
  });

  it('given no summary, then the hash uses the plain text of the content', () => {
    const keys = itemKeys({ ...item, summary: null, guid: null, url: null });
    expect(keys.contentHash).toBe(contentHash('Brücke', 'Ganz anderer Volltext.'));
    expect(keys.guid).toBeNull();
    expect(keys.canonicalUrl).toBeNull();
  });
});
