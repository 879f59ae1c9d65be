/**
 * Pages that are not a plain article: a gallery beside the article, a live ticker, an app shell whose
 * article is only in JSON-LD. The pages are in test/fixtures/pages/<slug>/source.html (written for these
 * tests, German and English).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../../../src/engine/extract/html.ts';
import { jsonLdParagraphs } from '../../../../src/engine/extract/html/json-ld-body.ts';

const page = (slug: string): string => readFileSync(resolve(import.meta.dirname, '../../../fixtures/pages', slug, 'source.html'), 'utf8');

describe('a page with a 50-slide gallery and an article', () => {
  const html = page('gallery-article');

  it('given the page, then the body is the article and no caption, counter or credit of the gallery', () => {
    const article = extractFromHtml(html);
    const body = article.paragraphs.join('\n');
    expect(article.title).toBe('Hochwasser in Passau: Der Pegel sinkt langsam');
    expect(article.paragraphs).toContain('Der Pegel der Donau in Passau ist in der Nacht zum Mittwoch erstmals seit Sonntag gefallen. '
      + 'Am frühen Morgen meldete der Hochwassernachrichtendienst einen Stand von 10,42 Metern, knapp 40 Zentimeter weniger als am Vortag.');
    expect(body).toContain('Der Deutsche Wetterdienst erwartet für die kommenden Tage trockenes Wetter.');
    expect(body).not.toMatch(/Sandsäcke am Innkai|Anwohner tragen Möbel|\d+ \/ 50|Foto:|Bildstrecke/u);
    expect(article.paragraphs.length).toBeLessThanOrEqual(8);
  });

  it('given the same gallery with class names that say nothing, then it is still recognised by its slides', () => {
    const neutral = html.replaceAll('bildstrecke', 'block');
    expect(neutral).not.toContain('bildstrecke');
    const body = extractFromHtml(neutral).paragraphs.join('\n');
    expect(body).toContain('Rund 1.200 Helferinnen und Helfer von Feuerwehr');
    expect(body).not.toMatch(/Sandsäcke am Innkai|Anwohner tragen Möbel|\d+ \/ 50/u);
  });

  it('given a list article whose items have images and sub-headings, then the items are kept', () => {
    const items = Array.from({ length: 9 }, (_, i) => `<li><img src="/k${String(i)}.jpg" alt=""><h3>Kamera ${String(i + 1)}</h3>
<p>Modell ${String(i + 1)} hat einen großen Sensor, einen hellen Sucher und einen Akku, der einen ganzen Tag hält.</p></li>`).join('\n');
    const listHtml = `<html><body><article><h1>Die neun besten Kameras</h1>
<p>Wir haben im Herbst neun Kameras getestet, von der kleinen Kompakten bis zum Vollformat-Modell für Profis.</p>
<p>Alle Kameras mussten sich im Studio und auf einer Wanderung in den Alpen bewähren, bei Regen und Kälte.</p><ol>${items}</ol></article></body></html>`;
    const body = extractFromHtml(listHtml).paragraphs.join('\n');
    expect(body).toContain('Modell 1 hat einen großen Sensor');
    expect(body).toContain('Modell 9 hat einen großen Sensor');
  });
});

describe('a live ticker, newest entry first', () => {
  const article = extractFromHtml(page('live-ticker'));

  it('given the page, then the body is the entries in page order with their titles as headings', () => {
    expect(article.title).toBe('Storm Ciarán live: power cuts, closed railways and flood warnings');
    const firstEntry = article.paragraphs.findIndex((p) => p.startsWith('Stena Line says crossings'));
    const lastEntry = article.paragraphs.findIndex((p) => p.startsWith('Good morning. We will bring you the latest'));
    expect(firstEntry).toBeGreaterThanOrEqual(0);
    expect(lastEntry).toBeGreaterThan(firstEntry);
    const starts = ['Stena Line', 'The Met Office', 'Cornwall Council', 'National Grid', 'A man in his 50s', 'Network Rail', 'Speaking in Downing',
      'Jersey recorded', 'Both airports', 'The Environment Agency', 'Storm Ciarán brought', 'Good morning.'];
    const order = starts.map((s) => article.paragraphs.findIndex((p) => p.startsWith(s)));
    expect(order.every((i, k) => i >= 0 && (k === 0 || i > (order[k - 1] ?? 0)))).toBe(true);
    expect(article.headings.map((i) => article.paragraphs[i])).toContain('Schools to reopen on Monday');
  });

  it('given the page, then no navigation, key-event links, controls, share links or most-read list', () => {
    const body = article.paragraphs.join('\n');
    expect(body).not.toMatch(/Key events|Most read|Council tax|Show older posts|Link to this post|Auto-update|Oldest first|Weather\nSport|Posted by/u);
  });
});

describe('a page whose article is only in JSON-LD articleBody', () => {
  it('given an app shell with a loading placeholder and teasers, then the body is the JSON-LD paragraphs', () => {
    const article = extractFromHtml(page('jsonld-article-body'));
    expect(article.title).toBe('Tarifeinigung bei der Bahn: Lokführer bekommen mehr Geld');
    expect(article.byline).toBe('Miriam Lenz');
    expect(article.paragraphs).toHaveLength(4);
    expect(article.paragraphs[0]).toMatch(/^Die Deutsche Bahn und die Lokführergewerkschaft GDL haben sich nach fünf Monaten/u);
    expect(article.paragraphs[2]).toContain('„Meilenstein“');
    expect(article.paragraphs.join('\n')).not.toMatch(/wird geladen|Lufthansa|Weitere Nachrichten/u);
  });

  it('given an article in the markup and a short JSON-LD teaser body, then the markup wins', () => {
    const text = 'Der Stadtrat hat am Montag den Haushalt für das kommende Jahr beschlossen, mit großer Mehrheit und nach langer Debatte.';
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"Der Stadtrat hat den Haushalt beschlossen."}</script></head>
<body><article><p>${text}</p><p>${text}</p></article></body></html>`;
    expect(extractFromHtml(html).paragraphs).toEqual([text, text]);
  });

  it('given an articleBody with HTML paragraphs, then its blocks are paragraphs and its markup is gone', () => {
    expect(jsonLdParagraphs('<p>Erster Absatz &amp; mehr.</p><p>Zweiter <b>Absatz</b>.<script>x()</script></p>'))
      .toEqual(['Erster Absatz & mehr.', 'Zweiter Absatz.']);
    expect(jsonLdParagraphs('Eins.\nZwei.')).toEqual(['Eins.', 'Zwei.']);
  });
});
