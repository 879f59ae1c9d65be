/** `/sources add` checks (issue 14, item 8): tracking parameters, duplicates by normalised address, pages without article text. */
import { describe, expect, it } from 'vitest';
import { withoutTracking } from '../../../src/sources/content/canonical-url.ts';
import { readSourceDocument } from '../../../src/sources/read-source.ts';
import { assertNameFree, assertNotDuplicate, assertSourceYields, findDuplicateSource } from '../../../src/sources/source-checks.ts';
import { digestErrorOfCall as digestErrorOf } from '../../helpers/digest-error-of.ts';

describe('withoutTracking', () => {
  it.each([
    ['https://heise.example/rss?utm_source=nl&utm_medium=email', 'https://heise.example/rss'],
    ['https://heise.example/rss?fbclid=IwAR0&gclid=x&mc_cid=1&mc_eid=2&ref_src=twsrc', 'https://heise.example/rss'],
    ['https://heise.example/rss?pk_campaign=a&mtm_source=b&_ga=1', 'https://heise.example/rss'],
    ['https://heise.example/rss?b=2&utm_term=x&a=1#top', 'https://heise.example/rss?b=2&a=1'],
    ['https://heise.example/news/', 'https://heise.example/news/'],
    ['https://heise.example/feed?id=7', 'https://heise.example/feed?id=7'],
  ])('given %s, then %s is stored', (given, stored) => {
    expect(withoutTracking(given)).toBe(stored);
  });

  it('given a non-http address, then fetch/invalid-url', () => {
    expect(digestErrorOf(() => withoutTracking('ftp://x.example/')).code).toBe('fetch/invalid-url');
  });
});

describe('duplicates', () => {
  const existing = [{ name: 'Heise', url: 'https://www.heise.example/rss/news.xml' }, { name: 'Presse', url: 'https://presse.example/feed?lang=de&page=1' }];

  it.each([
    ['https://www.heise.example/rss/news.xml', 'Heise'],
    ['https://www.heise.example/rss/news.xml?utm_source=nl', 'Heise'],
    ['https://WWW.HEISE.example/rss/news.xml/#x', 'Heise'],
    ['https://presse.example/feed?page=1&lang=de&fbclid=1', 'Presse'],
    ['https://presse.example/feed?page=2&lang=de', null],
    ['https://heise.example/rss/news.xml', null],
  ])('given %s, then the duplicate is %s', (url, name) => {
    expect(findDuplicateSource(existing, url)?.name ?? null).toBe(name);
  });

  it('given a duplicate, then the error names the source the workspace has and its address', () => {
    const err = digestErrorOf(() => assertNotDuplicate(existing, 'https://www.heise.example/rss/news.xml?utm_campaign=x'));
    expect(err.code).toBe('source/duplicate');
    expect(err.message).toBe('already added as “Heise” (https://www.heise.example/rss/news.xml)');
  });

  it('given a taken name for another address, then the error names that address', () => {
    const err = digestErrorOf(() => assertNameFree(existing, 'Presse'));
    expect(err.message).toContain('https://presse.example/feed?lang=de&page=1');
    expect(() => assertNameFree(existing, 'Handelsblatt')).not.toThrow();
  });
});

describe('assertSourceYields', () => {
  const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
  const check = (body: string, contentType: string, url = 'https://x.example/p'): void => {
    const page = { bytes: bytes(body), contentType, url };
    assertSourceYields(readSourceDocument(page.bytes, contentType, url), page);
  };
  const sentence = 'Der Umsatz des Unternehmens stieg im dritten Quartal um zwölf Prozent auf 1,5 Milliarden Euro, wie der Vorstand mitteilte.';

  it('given a 15-byte text file, then it is refused with its word count', () => {
    const err = digestErrorOf(() => check('Hallo, Welt! :)', 'text/plain'));
    expect(err.code).toBe('source/empty');
    expect(err.message).toMatch(/no article text \(2 word\(s\); an article has at least 80\)/u);
  });

  it('given an "about us" page, then it is refused; given an article page of the same layout, then it passes', () => {
    const layout = (body: string): string => `<html><head><title>Über uns</title></head><body><nav><a href="/">Start</a></nav><main>${body}</main><footer>© Verlag</footer></body></html>`;
    expect(digestErrorOf(() => check(layout('<h1>Über uns</h1><p>Der Verlag wurde 1998 gegründet.</p><p>Kontakt: info@verlag.example</p>'), 'text/html')).code).toBe('source/empty');
    expect(() => check(layout(`<h1>Quartalszahlen</h1>${Array.from({ length: 6 }, () => `<p>${sentence}</p>`).join('')}`), 'text/html')).not.toThrow();
  });

  it('given a feed without items, then it is refused as a feed with no items', () => {
    const err = digestErrorOf(() => check('<?xml version="1.0"?><rss version="2.0"><channel><title>Leer</title></channel></rss>', 'application/rss+xml'));
    expect(err.message).toMatch(/the RSS feed has no items/u);
  });
});
