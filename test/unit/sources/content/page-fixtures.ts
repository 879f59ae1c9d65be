/** Hand-written HTML samples (invented content) for discovery and listing-page tests. */

export const LISTING_URL = 'https://www.stadtanzeiger.example/lokales';

/** A section front: navigation, teasers, tag/author links, share buttons, pagination, footer. */
export const LISTING_HTML = `<!DOCTYPE html>
<html lang="de"><head>
<meta charset="utf-8"><title>Lokales – Stadtanzeiger</title>
<link rel="alternate" type="application/rss+xml" title="Lokales (RSS)" href="/lokales/feed.rss">
</head><body>
<header class="site-header">
  <a href="/">Startseite</a>
  <a href="/politik/neue-regeln-fuer-radwege">Top-Thema im Kopf</a>
</header>
<nav><ul>
  <li><a href="/politik">Politik</a></li>
  <li><a href="/sport/fussball-ergebnisse-2026">Sport aus dem Menü</a></li>
</ul></nav>
<div class="main-navigation"><a href="/wirtschaft/2026/11/menue-artikel">Aus dem Menü</a></div>
<div id="breadcrumb"><a href="/lokales/2026/brotkrumen-artikel">Brotkrumen</a></div>
<main>
  <article class="teaser">
    <header><h2><a href="/lokales/2026/11/neue-bruecke-ueber-die-glaette?utm_source=home">Neue Brücke über die Glätte</a></h2></header>
    <p>Der Bau beginnt im Frühjahr.</p>
    <a href="/lokales/2026/11/neue-bruecke-ueber-die-glaette#kommentare">12 Kommentare</a>
    <div class="teaser-meta"><a href="/autor/anna-beispiel">Anna Beispiel</a> <a href="/thema/verkehr">Verkehr</a></div>
  </article>
  <article class="teaser">
    <h2><a href="https://www.stadtanzeiger.example/lokales/artikel/48213">Marktplatz wird autofrei</a></h2>
    <p>Ab Januar gilt die neue Regel.</p>
  </article>
  <article class="teaser">
    <h2><a href="https://sport.stadtanzeiger.example/handball/tsv-gewinnt-derby">TSV gewinnt das Derby</a></h2>
    <ul class="share-buttons"><li><a href="/lokales/teilen-per-mail-123">Teilen</a></li></ul>
  </article>
  <article class="teaser">
    <h2><a href="https://www.andere-zeitung.example/lokales/fremder-artikel-1">Fremder Artikel</a></h2>
  </article>
  <article class="teaser">
    <h2><a href="lokales/schule-bekommt-neues-dach">Schule bekommt neues Dach</a></h2>
    <img src="/bilder/dach.jpg" alt=""><a href="/bilder/dach-gross.jpg">Bild vergrößern</a>
    <a href="/downloads/haushalt-2026.pdf">Haushaltsplan (PDF)</a>
  </article>
  <article class="teaser">
    <h2><a href="/lokales/2026/11/weihnachtsmarkt-oeffnet">Weihnachtsmarkt öffnet</a></h2>
  </article>
  <a href="mailto:redaktion@stadtanzeiger.example">Leserbrief</a>
  <a href="javascript:void(0)">Mehr laden</a>
  <a href="#top">Nach oben</a>
  <a href="/politik/inland">Inland</a>
  <a href="/2026/11">Archiv November</a>
  <a href="/suche?q=br%C3%BCcke">Suche</a>
  <a href="/lokales?page=2">Nächste Seite</a>
  <a href="/lokales/page/2">Seite 2</a>
  <a href="/lokales/seite-3">Seite 3</a>
  <a rel="tag" href="/lokales/verkehr-und-bau">Verkehr und Bau</a>
  <a href="/login?next=/lokales">Anmelden</a>
  <a href="/lokales">Diese Seite</a>
  <a href="/thema/klimaschutz-in-der-stadt">Thema Klimaschutz</a>
  <a href="/autor/max-muster">Max Muster</a>
  <a href="/kategorie/lokales-2026">Kategorie</a>
</main>
<footer><a href="/impressum">Impressum</a><a href="/lokales/2026/11/footer-artikel-verlinkt">Im Fuß</a></footer>
</body></html>`;

/** The article links {@link LISTING_HTML} must yield, in page order. */
export const LISTING_EXPECTED = [
  'https://www.stadtanzeiger.example/lokales/2026/11/neue-bruecke-ueber-die-glaette?utm_source=home',
  'https://www.stadtanzeiger.example/lokales/artikel/48213',
  'https://sport.stadtanzeiger.example/handball/tsv-gewinnt-derby',
  'https://www.stadtanzeiger.example/lokales/schule-bekommt-neues-dach',
  'https://www.stadtanzeiger.example/lokales/2026/11/weihnachtsmarkt-oeffnet',
];

function paragraphs(count: number, sentence: string): string {
  return Array.from({ length: count }, (_, i) => `<p>${sentence} Absatz ${String(i + 1)} erzählt weiter von Übergängen und Öffnungszeiten.</p>`).join('\n');
}

/** One long article with a related-articles block of six links below it. */
export const ARTICLE_WITH_RELATED = `<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Die Brücke</title>
<link rel="canonical" href="https://www.stadtanzeiger.example/lokales/2026/11/neue-bruecke-ueber-die-glaette"></head>
<body><article><h1>Neue Brücke über die Glätte</h1>
<div class="article-body">
${paragraphs(14, 'Die Stadt hat am Dienstag beschlossen, die marode Fußgängerbrücke durch einen Neubau zu ersetzen.')}
</div></article>
<section class="related"><h2>Mehr zum Thema</h2><ul>
  <li><a href="/lokales/2026/10/bruecke-gesperrt">Brücke gesperrt</a></li>
  <li><a href="/lokales/2026/09/gutachten-zur-bruecke">Gutachten zur Brücke</a></li>
  <li><a href="/lokales/2026/08/radweg-umleitung">Radweg-Umleitung</a></li>
  <li><a href="/lokales/2026/07/stadtrat-tagt">Stadtrat tagt</a></li>
  <li><a href="/lokales/2026/06/baustellen-sommer">Baustellen im Sommer</a></li>
  <li><a href="/lokales/2026/05/haushalt-beschlossen">Haushalt beschlossen</a></li>
</ul></section></body></html>`;

/** A listing whose teasers each carry a paragraph of about 150 characters. */
export const LISTING_WITH_TEASER_TEXT = `<!DOCTYPE html><html><body><main>
${Array.from({ length: 12 }, (_, i) => `<article><h2><a href="/wirtschaft/meldung-${String(i + 1)}-zum-haushalt">Meldung ${String(i + 1)}</a></h2>
<p>Kurzer Anrisstext über die Lage der Betriebe in der Region, der nach zwei Sätzen endet. Mehr dazu im Artikel über Ölpreise.</p></article>`).join('\n')}
</main></body></html>`;

export const DISCOVERY_HTML = `<!DOCTYPE html>
<html><head>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/json" title="JSON-Feed" href="/feed.json">
<link rel="alternate" type="application/rss+xml" title="Kommentare" href="/comments/feed/">
<link rel="alternate" type="application/rss+xml" title="Blog &amp; Notizen" href="/feed/">
<link rel="alternate" type="application/rss+xml" title="Doppelt" href="https://blog.example.de/feed?utm_source=x">
<link rel="Alternate" type="application/atom+xml; charset=utf-8" href="atom.xml">
<link rel="alternate" type="text/html" hreflang="en" href="/en/">
<link rel="alternate" type="application/feed+json" href="https://blog.example.de/feed.json#x">
<link rel="alternate" type="application/rss+xml" href="">
</head><body><p>Hallo</p></body></html>`;
