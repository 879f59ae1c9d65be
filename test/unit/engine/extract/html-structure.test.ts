/** HTML extraction on awkward page structures: wrappers, split articles, furniture lines, malformed markup. */
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../../../src/engine/extract/html.ts';

const P1 = 'Der Gemeinderat hat am Montagabend den Haushalt für das kommende Jahr beschlossen, nach einer langen und teils hitzigen Debatte.';
const P2 = 'Die größten Posten sind die Sanierung der Grundschule, der Ausbau der Radwege und höhere Zuschüsse für die Vereine im Ort.';
const P3 = 'Die Opposition kritisierte, dass die Rücklagen damit fast aufgebraucht seien, und stimmte geschlossen gegen den Entwurf.';
const LINKS = '<ul><li><a href="/1">Startseite</a></li><li><a href="/2">Politik</a></li><li><a href="/3">Sport</a></li><li><a href="/4">Kultur</a></li></ul>';

const text = (html: string): string => extractFromHtml(html).paragraphs.join('\n');

describe('extractFromHtml with wrappers that look like furniture', () => {
  it('given a page wrapped in one big form (ASP.NET), then the article is still found', () => {
    const html = `<body><form id="aspnetForm"><div class="menu">${LINKS}</div><div class="story"><p>${P1}</p><p>${P2}</p></div></form></body>`;
    expect(extractFromHtml(html).paragraphs).toEqual([P1, P2]);
  });

  it('given the article inside an aside or a "content-with-sidebar" wrapper, then it is kept', () => {
    expect(text(`<body><nav>${LINKS}</nav><aside class="main-pane"><p>${P1}</p><p>${P2}</p></aside></body>`)).toContain(P2);
    expect(text(`<body class="has-sidebar"><div class="content-with-sidebar-wrap"><p>${P1}</p><p>${P2}</p></div><div class="sidebar"><p>${P3}</p></div></body>`))
      .toBe(`${P1}\n${P2}`);
  });

  it('given a "share" class on the post body that holds all paragraphs, then the paragraphs are kept', () => {
    const html = `<body><div class="entry themeform share"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div><div class="share-bar"><a href="#">Teilen</a></div></body>`;
    expect(extractFromHtml(html).paragraphs).toEqual([P1, P2, P3]);
  });
});

describe('extractFromHtml with an article in several parts', () => {
  it('given a lead paragraph above the body and parts split by a figure, then all parts come in reading order', () => {
    const html = `<body><div class="page"><nav>${LINKS}</nav>
      <div class="article"><h1>Haushalt beschlossen</h1><p class="intro">${P1}</p>
        <div class="body-part"><p>${P2}</p></div>
        <figure><img src="a.jpg"><figcaption>Das Rathaus am Abend. Foto: dpa</figcaption></figure>
        <div class="body-part"><p>${P3}</p></div></div>
      <div class="footer-links">${LINKS}</div></div></body>`;
    expect(extractFromHtml(html).paragraphs).toEqual([P1, P2, P3]);
  });
});

describe('extractFromHtml furniture lines inside the article', () => {
  it('given read-also links, date stamps, credits and share prompts, then they are dropped and short prose is kept', () => {
    const html = `<body><article>
      <p>Aktualisiert am 04.03.2026, 19:49 Uhr</p>
      <p>${P1}</p>
      <p>Lesen Sie auch: <a href="/x">Wie die Nachbargemeinde ihren Haushalt rettete und was das kostet</a></p>
      <p>Twitter declined to comment.</p>
      <p>${P2}</p>
      <p>Foto: Max Muster / dpa</p>
      <p>Möchten Sie den Artikel teilen?</p>
      <p>Folgen Sie uns auf Facebook und Instagram!</p>
      <p>${P3}</p>
      <h3>Mehr zum Thema</h3>
    </article></body>`;
    expect(extractFromHtml(html).paragraphs).toEqual([P1, 'Twitter declined to comment.', P2, P3]);
  });
});

describe('extractFromHtml on malformed or unusual markup', () => {
  it('given empty input or a page without text, then no paragraphs and no error', () => {
    expect(extractFromHtml('').paragraphs).toEqual([]);
    expect(extractFromHtml('<html><body><nav>x</nav></body></html>').paragraphs).toEqual([]);
  });

  it('given 50,000 nested unclosed elements, then the text is still read without a stack overflow', () => {
    const html = `${'<div>'.repeat(50_000)}${P1}`;
    expect(extractFromHtml(html).paragraphs).toEqual([P1]);
  });

  it('given the article markup inside a client-side template script, then it is read; JSON templates are not', () => {
    const html = `<body><div class="post-body"><script type="text/template"><p>${P1}</p><p>${P2}</p></script>`
      + '<script type="text/template">{"type":"Image","caption":"not text"}</script></div></body>';
    expect(extractFromHtml(html).paragraphs).toEqual([P1, P2]);
  });

  it('given decomposed umlauts, soft hyphens and zero-width spaces, then the text is NFC without invisible characters', () => {
    const html = '<body><article><p>Die Zo\u0308l\u00adle wurden gepru\u0308ft\u200b, sagte die Sprecherin des Ministeriums am Montag in Berlin.</p></article></body>';
    expect(extractFromHtml(html).paragraphs).toEqual(['Die Zölle wurden geprüft, sagte die Sprecherin des Ministeriums am Montag in Berlin.']);
  });

  it('given an anchor without href around text, then it does not count as a link', () => {
    const html = `<body><article><p>${P1}</p><p><a name="frage">Eine der meistgestellten Fragen ist mittlerweile die: Was sagt die Kämmerin dazu?</a></p></article></body>`;
    expect(extractFromHtml(html).paragraphs).toHaveLength(2);
  });

  it('given unclosed paragraphs and <br> separated lines, then each becomes its own block', () => {
    const html = `<body><article><p>${P1}<p>${P2}<br><br>${P3}</article></body>`;
    expect(extractFromHtml(html).paragraphs).toEqual([P1, P2, P3]);
  });

  it('given a "subscribe" link in the site navigation only, then no paywall hint is reported', () => {
    const html = `<body><nav><a href="/abo">Jetzt abonnieren</a></nav><article><p>${P1}</p><p>${P2}</p></article></body>`;
    expect(extractFromHtml(html).paywallHints).toEqual([]);
  });
});
