/** Headlines without site and section names, as plain text (pickTitle and extractFromHtml). */
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../../../src/engine/extract/html.ts';
import { pickTitle, plainTitleText, type TitleSources } from '../../../../src/engine/extract/html/title.ts';

const none: TitleSources = { ogTitle: null, jsonLdHeadline: null, docTitle: null, h1s: [], siteNames: [], url: null };

describe('pickTitle', () => {
  const cases: [given: string, sources: Partial<TitleSources>, title: string][] = [
    ['a site name before the headline in og:title, og:site_name given',
      { ogTitle: 'INDUSTRIEMAGAZIN | Luftfahrtbranche hebt nach Corona ab – und FACC profitiert', siteNames: ['Industriemagazin'] },
      'Luftfahrtbranche hebt nach Corona ab – und FACC profitiert'],
    ['a site name before the headline, only the host name as evidence',
      { ogTitle: 'INDUSTRIEMAGAZIN | Luftfahrtbranche hebt nach Corona ab – und FACC profitiert', url: 'https://industriemagazin.at/a/x' },
      'Luftfahrtbranche hebt nach Corona ab – und FACC profitiert'],
    ['a headline with its own dash and no site name anywhere',
      { ogTitle: 'Luftfahrtbranche hebt nach Corona ab – und FACC profitiert', docTitle: 'Luftfahrtbranche hebt nach Corona ab – und FACC profitiert' },
      'Luftfahrtbranche hebt nach Corona ab – und FACC profitiert'],
    ['"Headline - Site Name" with og:site_name',
      { ogTitle: 'Harbour reopens after storm damage - Coastal Times', siteNames: ['Coastal Times'] }, 'Harbour reopens after storm damage'],
    ['"Headline | Section | Site" in the document title, site from application-name',
      { docTitle: 'Regierung plant neue Schuldenregel | Politik | SPIEGEL', siteNames: ['DER SPIEGEL'], url: 'https://www.spiegel.de/politik/x' },
      'Regierung plant neue Schuldenregel'],
    ['"Section | Site" after the headline, site from the host only',
      { docTitle: 'Zinsen bleiben vorerst hoch | Wirtschaft | tagesanzeiger.ch' }, 'Zinsen bleiben vorerst hoch'],
    ['a JSON-LD publisher name and a domain-like site part',
      { ogTitle: 'Apple stellt neues iPhone vor - heise online', siteNames: ['heise online'] }, 'Apple stellt neues iPhone vor'],
    ['an h1 that is one part of og:title', { ogTitle: 'Blaulicht: Brand in Lagerhalle – Feuerwehr im Großeinsatz | Kreiszeitung', h1s: ['Brand in Lagerhalle – Feuerwehr im Großeinsatz'] },
      'Brand in Lagerhalle – Feuerwehr im Großeinsatz'],
    ['a logo h1 with the site name and a headline h1', { ogTitle: 'Kreistag beschließt Haushalt - Kreisblatt', h1s: ['Kreisblatt', 'Kreistag beschließt Haushalt'], siteNames: ['Kreisblatt'] },
      'Kreistag beschließt Haushalt'],
    ['a headline whose last dash part starts with a lower-case word (document title only)',
      { docTitle: 'Der Dax steigt – aber nicht für lange' }, 'Der Dax steigt – aber nicht für lange'],
    ['a headline whose last part is a long clause, not a name (document title only)',
      { docTitle: 'Storm hits the coast - Thousands Without Power In Three Counties Tonight' }, 'Storm hits the coast - Thousands Without Power In Three Counties Tonight'],
    ['a document title with an unknown name after a pipe', { docTitle: 'Bahn streicht Nachtzüge | Neue Zeitung' }, 'Bahn streicht Nachtzüge'],
    ['a title that would be too short without its name', { docTitle: 'Kurz | Lokalblatt', siteNames: ['Lokalblatt'] }, 'Kurz | Lokalblatt'],
    ['an og:title with escaped markup and entities', { ogTitle: '&lt;b&gt;Eilmeldung&lt;/b&gt;: Café &amp;amp; Bar schließen' }, 'Eilmeldung: Café & Bar schließen'],
    ['an h1 only', { h1s: ['Stadtwerke erhöhen die Strompreise'] }, 'Stadtwerke erhöhen die Strompreise'],
  ];
  it.each(cases)('given %s, then the bare headline', (_given, sources, title) => {
    expect(pickTitle({ ...none, ...sources })).toBe(title);
  });

  it('given nothing, then null', () => {
    expect(pickTitle(none)).toBeNull();
  });
});

describe('plainTitleText', () => {
  it('given a title with a script element and an event handler, then only its text', () => {
    expect(plainTitleText('Wahl<script>alert(1)</script> in <a onclick="x()">Bayern</a>')).toBe('Wahl in Bayern');
  });

  it('given text with angle brackets that are not tags, then it is kept', () => {
    expect(plainTitleText('a < b und c > d')).toBe('a < b und c > d');
  });
});

describe('extractFromHtml titles', () => {
  it('given og:title with the site name first and og:site_name, then the bare headline', () => {
    const html = `<html><head><title>INDUSTRIEMAGAZIN | Luftfahrtbranche hebt nach Corona ab – und FACC profitiert</title>
<meta property="og:title" content="INDUSTRIEMAGAZIN | Luftfahrtbranche hebt nach Corona ab – und FACC profitiert">
<meta property="og:site_name" content="INDUSTRIEMAGAZIN"></head><body><article>
<p>Die Luftfahrtbranche erholt sich schneller als erwartet, und der Zulieferer FACC meldet volle Auftragsbücher für die kommenden Jahre.</p></article></body></html>`;
    expect(extractFromHtml(html, { url: 'https://industriemagazin.at/artikel/facc' }).title).toBe('Luftfahrtbranche hebt nach Corona ab – und FACC profitiert');
  });

  it('given a JSON-LD publisher and an og:title ending in its name, then the name is dropped', () => {
    const html = `<html><head><meta property="og:title" content="Rail fares to rise by 4 per cent – Northern Gazette">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Rail fares to rise by 4 per cent – Northern Gazette","publisher":{"@type":"Organization","name":"Northern Gazette"}}</script>
</head><body><article><p>Rail fares in England will rise by four per cent in March, the transport department said on Tuesday morning.</p></article></body></html>`;
    expect(extractFromHtml(html).title).toBe('Rail fares to rise by 4 per cent');
  });
});
