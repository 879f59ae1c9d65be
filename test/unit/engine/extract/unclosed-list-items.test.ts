/**
 * Regression (review of the bounded parser): htmlparser2 does not close an unclosed `<a>` when the next `<li>`
 * starts, so a long tag list without `</a>` nests one level deeper per item. Past the bound on open elements
 * parseHtml continued with a fresh parser that dropped the list's `</ul>` and `</nav>`, so the article after
 * the list was read as link text inside the navigation and the digest failed with `extract/no-content`.
 */
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../../src/engine/extract/html/bounded-parser.ts';
import { digestArticle } from '../../../../src/engine/digest.ts';
import { htmlToText } from '../../../../src/sources/content/html-text.ts';
import { extractArticleLinks } from '../../../../src/sources/content/article-links.ts';

const PARAGRAPHS = [
  'Der Stadtrat hat am Dienstagabend den Haushalt für das Jahr 2027 mit knapper Mehrheit beschlossen.',
  'Die Ausgaben steigen um 4,2 Prozent auf 812 Millionen Euro, vor allem wegen höherer Personalkosten.',
  'Kämmerin Julia Brandt sprach von einem Kompromiss, der die Rücklagen bis Ende 2028 fast vollständig aufbraucht.',
  'Für Schulsanierungen sind 64 Millionen Euro vorgesehen, zwölf Millionen mehr als im laufenden Jahr.',
  'Die Opposition kritisierte, dass die Gewerbesteuer erneut um zwanzig Punkte angehoben werden soll.',
  'Unternehmen im Hafengebiet kündigten an, Investitionen in Höhe von 30 Millionen Euro zu überprüfen.',
  'Der Nahverkehr erhält einen Zuschuss von 95 Millionen Euro, damit die Fahrpreise stabil bleiben.',
  'Ab März sollen zudem drei neue Buslinien die Stadtteile im Norden besser an das Zentrum anbinden.',
  'Die Sanierung des Hallenbads verschiebt sich dagegen um mindestens zwei Jahre auf das Jahr 2030.',
  'Sportvereine hatten für einen früheren Baubeginn mehr als 8.000 Unterschriften gesammelt.',
  'Das Regierungspräsidium muss den Haushalt noch genehmigen, was erfahrungsgemäß bis zu drei Monate dauert.',
  'Bis dahin gilt eine vorläufige Haushaltsführung, neue freiwillige Leistungen sind ausgeschlossen.',
];
const ARTICLE = `<article><h1>Stadtrat beschließt Haushalt 2027</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}</article>`;

/** A page whose navigation lists `items` tags as `<li><a href>` without `</a>`, then the article. */
function brokenTagListPage(items: number, afterNav = ARTICLE): string {
  const list = Array.from({ length: items }, (_, i) => `<li><a href="/t/${String(i)}">tag ${String(i)}`).join('\n');
  return `<html><head><title>Haushalt</title></head><body><nav><ul>${list}</ul></nav>${afterNav}<footer>Impressum</footer></body></html>`;
}

/** Depth at which each element named `tag` opened, and opened/closed totals, as the handler sees them. */
function depthsOf(html: string, tag: string, maxOpen: number): { depths: number[]; opened: number; closed: number } {
  let depth = 0;
  let opened = 0;
  let closed = 0;
  const depths: number[] = [];
  parseHtml(html, {
    onopentag(name) {
      if (name === tag) depths.push(depth);
      depth++;
      opened++;
    },
    onclosetag() {
      depth--;
      closed++;
    },
  }, { decodeEntities: true }, maxOpen);
  return { depths, opened, closed };
}

describe('parseHtml after a restart', () => {
  it('given end tags of elements a stopped parser left open, then they close those elements', () => {
    const items = '<li><a href="/x">x'.repeat(10);
    const seen = depthsOf(`<div><nav><ul>${items}</ul></nav><p>after</p></div>`, 'p', 5);
    expect(seen.depths).toEqual([1]);
    expect(seen.closed).toBe(seen.opened);
  });

  it('given an end tag that matches a kept element while the fresh parser has its own open, then those close first', () => {
    const seen = depthsOf(`<section>${'<div>'.repeat(4)}<b><i>x</section><p>after</p>`, 'p', 3);
    expect(seen.depths).toEqual([0]);
    expect(seen.closed).toBe(seen.opened);
  });

  it('given a stray end tag matching nothing open, then it is still dropped', () => {
    const seen = depthsOf(`${'<div>'.repeat(6)}</span><p>in</p>`, 'p', 3);
    expect(seen.depths).toEqual([6]);
    expect(seen.closed).toBe(seen.opened);
  });

  it('given 100,000 nested divs, then every element opened is closed once', () => {
    const seen = depthsOf(`${'<div>'.repeat(100_000)}<p>deep</p>${'</div>'.repeat(100_000)}<p>after</p>`, 'p', 1000);
    expect(seen.depths).toEqual([100_000, 0]);
    expect(seen.closed).toBe(seen.opened);
  });
});

describe('a navigation list of unclosed links before the article', () => {
  it.each([600, 1500])('given %i items, then the digest summarises the article', (items) => {
    const { digest, article } = digestArticle({ html: brokenTagListPage(items) });
    expect(digest.summary.length).toBeGreaterThanOrEqual(2);
    for (const sentence of digest.summary) expect(PARAGRAPHS).toContain(sentence);
    expect(article.paragraphs.join(' ')).not.toMatch(/tag \d/u);
  });

  it('given 1,500 items, then the page text keeps the article and the footer after the list', () => {
    const text = htmlToText(brokenTagListPage(1500)) ?? '';
    const article = text.indexOf('tag 1499 Stadtrat beschließt Haushalt 2027');
    expect(text.startsWith('tag 0 tag 1 tag 2 ')).toBe(true);
    expect(text.slice(article)).toBe(['tag 1499 Stadtrat beschließt Haushalt 2027', ...PARAGRAPHS, 'Impressum'].join(' '));
  });

  it('given 1,500 items before a list of stories, then the stories are not taken for navigation links', () => {
    const stories = Array.from({ length: 6 }, (_, i) => `<h2><a href="/news/2027/story-number-${String(i)}.html">Story ${String(i)}</a></h2>`);
    const links = extractArticleLinks(brokenTagListPage(1500, `<main>${stories.join('')}</main>`), 'https://example.org/');
    expect(links).toHaveLength(6);
  });
});
