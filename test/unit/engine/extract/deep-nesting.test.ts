/**
 * Regression (fuzz campaign): htmlparser2's open-element array made each tag cost time proportional to the
 * nesting depth, so 100,000 nested `<div>`s took seconds (quadratic). parseHtml bounds the open elements
 * per parser; these tests check the bound on htmlparser2's own stack (no timing) and that text survives.
 */
import type { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../../src/engine/extract/html/bounded-parser.ts';
import { extractFromHtml } from '../../../../src/engine/extract/html.ts';
import { htmlToText } from '../../../../src/sources/content/html-text.ts';
import { extractArticleLinks } from '../../../../src/sources/content/article-links.ts';

const P = 'Der Umsatz stieg im dritten Quartal um 3,5 Prozent auf 1,2 Milliarden Euro, teilte das Unternehmen am Montag mit.';
const nested = (depth: number, inner: string): string => `${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}`;

/** The deepest open-element stack htmlparser2 held while parsing `html`. */
function deepestStack(html: string, maxOpen: number): { deepest: number; opened: number; closed: number; text: string } {
  let parser: Parser | null = null;
  let deepest = 0;
  let opened = 0;
  let closed = 0;
  let text = '';
  parseHtml(html, {
    onparserinit(p) {
      parser = p;
    },
    onopentag() {
      opened++;
      const stack = (parser as unknown as { stack: unknown[] } | null)?.stack ?? [];
      deepest = Math.max(deepest, stack.length);
    },
    onclosetag() {
      closed++;
    },
    ontext(t) {
      text += t;
    },
  }, { decodeEntities: true }, maxOpen);
  return { deepest, opened, closed, text };
}

describe('parseHtml', () => {
  it('given 100,000 nested divs, then htmlparser2 never holds more than the bound open', () => {
    const seen = deepestStack(nested(100_000, '<p>deep</p>') + '<p>after</p>', 1000);
    expect(seen.deepest).toBeLessThanOrEqual(1001);
    expect(seen.opened).toBe(100_002);
    expect(seen.text).toBe('deepafter');
  });

  it('given ordinary markup, then every element is opened and closed once and the text is kept in order', () => {
    const seen = deepestStack(`<div><p>a<b>b</b></p><br><p>c</div>${nested(50, 'd')}`, 1000);
    expect(seen).toMatchObject({ opened: 55, closed: 55, text: 'abcd' });
  });

  it('given a restart right after a script tag would parse script text as markup, then it restarts later', () => {
    const inner = '<script>if (a < b) { x = "<div>" }</script><p>text</p>';
    expect(deepestStack(nested(2, inner), 2).text).toBe('if (a < b) { x = "<div>" }text');
  });
});

describe('engine and source parsing of very deep markup', () => {
  it('given an article paragraph under 100,000 divs, then extraction finds it and the text after the divs', () => {
    const html = `<html><body>${nested(100_000, `<p>${P}</p>`)}<p>${P.replace('dritten', 'vierten')}</p></body></html>`;
    const article = extractFromHtml(html);
    expect(article.paragraphs.join(' ')).toContain(P);
    expect(article.paragraphs.join(' ')).toContain('vierten Quartal');
  });

  it('given deep markup in a feed field or a listing page, then its text and links are still read', () => {
    expect(htmlToText(nested(20_000, '<b>Hallo</b> Welt'))).toBe('Hallo Welt');
    const links = Array.from({ length: 6 }, (_, i) => `<a href="/news/2026/story-number-${String(i)}.html">Story ${String(i)}</a>`).join('');
    expect(extractArticleLinks(nested(20_000, links), 'https://example.org/')).toHaveLength(6);
  });
});

describe('client-side templates inside templates', () => {
  it('given 20,000 nested unclosed template scripts, then extraction returns instead of overflowing the stack', () => {
    const html = `<body>${'<script type="text/template">'.repeat(20_000)}<p>${P}</p></body>`;
    expect(() => extractFromHtml(html)).not.toThrow();
  });

  it('given an article inside a template script, then it is still read', () => {
    expect(extractFromHtml(`<body><script type="text/template"><article><p>${P}</p></article></script></body>`).paragraphs).toEqual([P]);
  });
});
