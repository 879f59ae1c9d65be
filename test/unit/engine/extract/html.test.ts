/** HTML extraction on small hand-written pages (German and English) and the bundled samples. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../../src/engine/extract/charset.ts';
import { extractFromHtml } from '../../../../src/engine/extract/html.ts';

const GERMAN_PAGE = `<!doctype html>
<html lang="de-DE"><head>
<meta charset="utf-8">
<title>Stadtwerke erhöhen Preise | Lokalblatt</title>
<meta name="description" content="Strom wird teurer.">
<link rel="canonical" href="/wirtschaft/stadtwerke-preise">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Stadtwerke erhöhen die Strompreise","datePublished":"2026-03-04T06:30:00+01:00","author":{"@type":"Person","name":"Jana Berger"}}</script>
<style>p { color: red }</style>
</head><body class="has-sidebar">
<header class="site-header"><nav><a href="/">Startseite</a> <a href="/sport">Sport</a></nav></header>
<div id="cookie-banner"><p>Wir nutzen Cookies. Bitte akzeptieren Sie die Cookies, um fortzufahren.</p></div>
<div class="layout">
<article class="article">
<h1>Stadtwerke erhöhen die Strompreise</h1>
<p>Die Stadtwerke heben den Strompreis zum 1. April um 8,5 Prozent an, wie das Unternehmen am Dienstag mitteilte. Begründet wird das mit gestiegenen Netzentgelten &amp; höheren Einkaufskosten.</p>
<p>Für einen Haushalt mit 3.000 Kilowattstunden Verbrauch bedeutet das nach Angaben des Versorgers Mehrkosten von rund 7 Euro im Monat, also gut 80 Euro im Jahr.</p>
<h2>Verbraucherschützer kritisieren den Schritt</h2>
<p>Die Verbraucherzentrale rät Kundinnen und Kunden, die Tarife zu vergleichen. „Ein Wechsel lohnt sich oft“, sagte eine Sprecherin. Das Sonderkündigungsrecht gilt bis Ende März.</p>
<div class="related-articles"><h3>Mehr zum Thema</h3><ul><li><a href="/a">Gaspreise sinken leicht</a></li><li><a href="/b">Netzentgelte steigen bundesweit</a></li></ul></div>
<ul><li>Grundpreis: unverändert bei 12 Euro im Monat</li><li>Arbeitspreis: künftig 38,5 Cent je Kilowattstunde</li></ul>
<p>Die Stadtwerke versorgen rund 120.000 Haushalte in der Region mit Strom, Gas und Wasser.</p>
</article>
<aside class="sidebar"><div class="newsletter-box"><p>Abonnieren Sie unseren Newsletter, jeden Morgen die wichtigsten Nachrichten aus der Region.</p></div></aside>
</div>
<footer><p>© 2026 Lokalblatt Verlag. Alle Rechte vorbehalten. Impressum, Datenschutz.</p></footer>
</body></html>`;

const ENGLISH_PAGE = `<html lang="en-GB"><head>
<meta property="og:title" content="Rail strike called off after late pay deal">
<meta property="og:locale" content="en_GB">
<meta property="article:published_time" content="2026-05-12T09:15:00Z">
<meta name="author" content="Sam Okafor">
<meta property="og:url" content="https://news.example/uk/rail-strike">
</head><body>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<main>
<h1>Rail strike called off after late pay deal</h1>
<p class="byline">By Sam Okafor</p>
<div class="story-body">
<p>A national rail strike planned for Friday has been called off after unions accepted a revised pay offer late on Tuesday night, ending a dispute that had run for seven months.</p>
<p>The deal gives workers a 5% rise this year and a further 4% next year, along with changes to overtime rules that the union had demanded since the spring.</p>
<blockquote>"This is a fair outcome for our members," the union's general secretary said.</blockquote>
<div class="ad-slot">Advertisement</div>
<p>Passengers were told that services would run normally, though some operators warned of minor disruption on Friday morning as rosters are rebuilt.</p>
</div>
<section class="comments"><h3>Comments</h3><p>What a relief for commuters everywhere, finally some good news this week!</p></section>
</main>
<div class="paywall"><p>Subscribe to continue reading our premium journalism.</p></div>
</body></html>`;

describe('extractFromHtml on a German page', () => {
  const article = extractFromHtml(GERMAN_PAGE, { url: 'https://lokalblatt.example/start' });

  it('given JSON-LD and meta tags, then title, by-line, date, language and canonical URL are read', () => {
    expect(article.title).toBe('Stadtwerke erhöhen die Strompreise');
    expect(article.byline).toBe('Jana Berger');
    expect(article.published).toBe('2026-03-04T06:30:00+01:00');
    expect(article.declaredLanguage).toBe('de');
    expect(article.url).toBe('https://lokalblatt.example/wirtschaft/stadtwerke-preise');
    expect(article.description).toBe('Strom wird teurer.');
  });

  it('given the article, then its paragraphs, sub-heading and list items are kept in order with entities decoded', () => {
    expect(article.paragraphs[0]).toMatch(/^Die Stadtwerke heben den Strompreis/u);
    expect(article.paragraphs[0]).toContain('Netzentgelten & höheren');
    expect(article.paragraphs).toContain('Verbraucherschützer kritisieren den Schritt');
    expect(article.headings).toEqual([article.paragraphs.indexOf('Verbraucherschützer kritisieren den Schritt')]);
    const grund = article.paragraphs.indexOf('Grundpreis: unverändert bei 12 Euro im Monat');
    expect(grund).toBeGreaterThan(article.headings[0] ?? Infinity);
    expect(article.paragraphs.at(-1)).toMatch(/^Die Stadtwerke versorgen rund 120\.000 Haushalte/u);
  });

  it('given navigation, cookie notice, related links, newsletter and footer, then none of it is extracted', () => {
    const text = article.paragraphs.join('\n');
    for (const furniture of ['Startseite', 'Cookies', 'Mehr zum Thema', 'Gaspreise sinken', 'Newsletter', 'Rechte vorbehalten', 'color: red']) {
      expect(text).not.toContain(furniture);
    }
    expect(article.paragraphs).not.toContain('Stadtwerke erhöhen die Strompreise');
  });

  it('given a full free article, then no paywall hint is reported', () => {
    expect(article.paywallHints).toEqual([]);
  });
});

describe('extractFromHtml on an English page', () => {
  const article = extractFromHtml(ENGLISH_PAGE);

  it('given Open Graph and meta tags, then title, by-line, date, language and URL are read', () => {
    expect(article).toMatchObject({
      title: 'Rail strike called off after late pay deal',
      byline: 'Sam Okafor',
      published: '2026-05-12T09:15:00Z',
      declaredLanguage: 'en',
      url: 'https://news.example/uk/rail-strike',
    });
  });

  it('given share bar, advertisement, by-line and comments, then only the story paragraphs remain', () => {
    expect(article.paragraphs).toHaveLength(4);
    expect(article.paragraphs[0]).toMatch(/^A national rail strike/u);
    expect(article.paragraphs[2]).toBe('"This is a fair outcome for our members," the union\'s general secretary said.');
    expect(article.paragraphs.join(' ')).not.toMatch(/Share on|Advertisement|relief for commuters|By Sam/u);
  });

  it('given paywall markup and a subscribe prompt, then both are reported as hints', () => {
    expect(article.paywallHints).toContain('paywall markup: class "paywall"');
    expect(article.paywallHints.some((h) => h.startsWith('subscribe prompt: "Subscribe to continue reading'))).toBe(true);
  });
});

describe('extractFromHtml metadata fallbacks', () => {
  it('given only a document title with a site suffix and a <time>, then the suffix is dropped and the date read', () => {
    const html = `<html><head><title>Harbour reopens after storm damage - Coastal Times</title></head><body>
      <article><time datetime="2026-01-02">2. Januar</time><p>The harbour reopened on Monday after three weeks of repairs, the port authority said in a statement.</p></article></body></html>`;
    const article = extractFromHtml(html);
    expect(article.title).toBe('Harbour reopens after storm damage');
    expect(article.published).toBe('2026-01-02');
    expect(article.declaredLanguage).toBeNull();
    expect(article.url).toBeNull();
  });

  it('given a navigation <h1> before the headline, then the <h1> matching og:title is the title', () => {
    const html = `<html><head><title>Deals of the day: headphones and watches - Gadget Site</title>
      <meta property="og:title" content="Deals of the day: headphones and watches - Gadget Site"></head><body>
      <div class="menu"><h1>Games</h1></div><article><h1>Deals of the day: headphones and watches</h1>
      <p>Several retailers cut prices on headphones and smart watches this morning, some by more than a third.</p></article></body></html>`;
    expect(extractFromHtml(html).title).toBe('Deals of the day: headphones and watches');
  });

  it('given a by-line element with a handle and a date and a placeholder date, then only the name is kept and no date is read', () => {
    const html = `<html><head><meta property="article:published_time" content="0001-01-01T00:00:00Z"></head><body><article>
      <div class="byline">By Jane Doe @janedoe Nov 19, 2019 at 8:00 am</div>
      <p>The city council approved the new budget on Monday evening after a long and heated debate.</p></article></body></html>`;
    const article = extractFromHtml(html);
    expect(article.byline).toBe('Jane Doe');
    expect(article.published).toBeNull();
  });

  it('given JSON-LD isAccessibleForFree false and a German prompt, then the hints say so', () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Teaser","isAccessibleForFree":false}</script></head>
      <body><article><p>Der Anfang eines Artikels, der hinter einer Bezahlschranke weitergeht, steht hier.</p><div class="plus-box"><p>Jetzt abonnieren und weiterlesen</p></div></article></body></html>`;
    const article = extractFromHtml(html);
    expect(article.paywallHints[0]).toBe('JSON-LD isAccessibleForFree=false');
    expect(article.paywallHints.some((h) => h.startsWith('subscribe prompt: "Jetzt abonnieren'))).toBe(true);
  });
});

describe('extractFromHtml on the bundled samples', () => {
  const samples = resolve(import.meta.dirname, '..', '..', '..', '..', 'digests', 'samples');
  const read = (file: string): string => decodeHtml(new Uint8Array(readFileSync(resolve(samples, file))));

  it('given the windows-1252 German sample, then umlauts decode and only article text is extracted', () => {
    const article = extractFromHtml(read('de-halbleiter.html'));
    expect(article.title).toBe('Nordlicht Halbleiter senkt Prognose trotz Rekordumsatz');
    expect(article.published?.slice(0, 10)).toBe('2026-11-19');
    expect(article.paragraphs.join('\n')).toContain('Zölle belasten das US-Geschäft');
    expect(article.paragraphs.join('\n')).not.toMatch(/Cookies|Newsletter|Mehr zum Thema|Chipbranche|Impressum|Startseite/u);
  });

  it('given the English sample, then title, date and paragraphs are read without furniture', () => {
    const article = extractFromHtml(read('en-harbor-foods.html'));
    expect(article.title).toBe('Harbor Foods raises outlook as online orders surge');
    expect(article.published?.slice(0, 10)).toBe('2026-11-18');
    expect(article.paragraphs.length).toBeGreaterThanOrEqual(3);
    expect(article.paragraphs.join('\n')).not.toMatch(/Share on|Advertisement|Related coverage|Sign up|Copyright/u);
  });
});
