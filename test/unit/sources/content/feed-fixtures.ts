/**
 * Small hand-written feed samples (invented content) for the feed tests. Byte helpers build the
 * encodings the parser has to cope with: UTF-8 with and without BOM, windows-1252.
 */

/** UTF-8 bytes of `text`. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** UTF-8 bytes of `text` preceded by a byte-order mark. */
export function utf8WithBom(text: string): Uint8Array {
  const body = utf8(text);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** windows-1252 bytes of `text` (Latin-1 range plus €, „, “, –). */
export function windows1252(text: string): Uint8Array {
  const extra: Record<string, number> = { '€': 0x80, '„': 0x84, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
  return Uint8Array.from(text, (ch) => {
    const mapped = extra[ch];
    if (mapped !== undefined) return mapped;
    const code = ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`not encodable in windows-1252: ${ch}`);
    return code;
  });
}

export const RSS_UTF8 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Lokalblatt Süd – Nachrichten</title>
    <link>https://www.lokalblatt-sued.example/</link>
    <description>Was in Großstadt und Umland passiert</description>
    <item>
      <title>Brücke über die Glätte wird für 4,2 Mio. € saniert</title>
      <link>/stadt/2026/11/bruecke-saniert?utm_source=rss&amp;utm_medium=feed</link>
      <guid isPermaLink="false">lbs-20261124-001</guid>
      <pubDate>Tue, 24 Nov 2026 08:15:00 +0100</pubDate>
      <description><![CDATA[<p>Die <b>Fußgängerbrücke</b> schließt ab Montag &amp; bleibt bis März gesperrt.</p>]]></description>
      <content:encoded><![CDATA[<p>Die Fußgängerbrücke schließt ab Montag.</p><p>Die Kosten: 4,2 Mio. Euro.</p>]]></content:encoded>
      <dc:creator>Jörg Weißmüller</dc:creator>
    </item>
    <item>
      <title>Öffnungszeiten der Bäder im Winter</title>
      <link>https://www.lokalblatt-sued.example/freizeit/baeder-winter</link>
      <guid>https://www.lokalblatt-sued.example/freizeit/baeder-winter</guid>
      <pubDate>Mon, 23 Nov 2026 17:00:00 GMT</pubDate>
      <description>Hallenbad &amp;auml;ndert Zeiten</description>
    </item>
    <item>
      <title>Nur eine GUID</title>
      <guid isPermaLink="true">https://www.lokalblatt-sued.example/kurz/nur-guid-1</guid>
    </item>
  </channel>
</rss>`;

/** windows-1252 RSS with an encoding declaration (build bytes with {@link windows1252}). */
export const RSS_LATIN = `<?xml version="1.0" encoding="windows-1252"?>
<rss version="2.0">
  <channel>
    <title>Bürgerzeitung Ölmühle</title>
    <link>http://buergerzeitung.example/</link>
    <item>
      <title>Größere Müllgebühren: „Äußerst ärgerlich“</title>
      <link>http://buergerzeitung.example/artikel/muell-2026</link>
      <description>Die Gebühr steigt um 12 € – Bürger sind verärgert.</description>
      <pubDate>Mi, 25 Nov 2026 06:30:00 MEZ</pubDate>
    </item>
  </channel>
</rss>`;

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.werkstatt.example/de/">
  <title type="html">Werkstatt-Blog &amp;amp; Notizen</title>
  <link rel="alternate" type="text/html" href="/"/>
  <link rel="self" href="feed.atom"/>
  <id>urn:uuid:6d3f0c1e-0000-4000-8000-000000000001</id>
  <updated>2026-11-20T10:00:00Z</updated>
  <entry xml:base="beitraege/">
    <title>Lötstation im Test</title>
    <link rel="alternate" href="loetstation-test.html"/>
    <link rel="edit" href="/api/entries/7"/>
    <id>tag:blog.werkstatt.example,2026:7</id>
    <updated>2026-11-20T10:00:00+01:00</updated>
    <published>2026-11-19T18:45:00+01:00</published>
    <summary type="html">&lt;p&gt;Kurzfassung: gut &amp;amp; günstig&lt;/p&gt;</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Die <em>Lötstation</em> heizt schnell.</p></div></content>
    <author><name>Käthe Schröder</name></author>
  </entry>
  <entry>
    <title type="text">Zweiter Eintrag</title>
    <link href="https://elsewhere.example/post/2"/>
    <id>tag:blog.werkstatt.example,2026:8</id>
    <updated>2026-11-21T09:00:00Z</updated>
    <content type="text">Erste Zeile &amp; mehr</content>
  </entry>
</feed>`;

export const RDF = `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://archiv.example/">
    <title>Archiv-Meldungen</title>
    <link>https://archiv.example/</link>
    <description>Ältere Meldungen</description>
  </channel>
  <item rdf:about="https://archiv.example/meldung/42">
    <title>Meldung zweiundvierzig</title>
    <link>https://archiv.example/meldung/42</link>
    <description>Text über Übermut</description>
    <dc:date>2026-11-18T12:00:00+01:00</dc:date>
    <dc:creator>Redaktion Nord</dc:creator>
  </item>
  <item rdf:about="https://archiv.example/meldung/43">
    <title>Meldung dreiundvierzig</title>
    <link>meldung/43</link>
  </item>
</rdf:RDF>`;

export const JSON_FEED_11 = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Kurznachrichten aus Köln',
  home_page_url: 'https://kurz.koeln.example/',
  feed_url: 'https://kurz.koeln.example/feed.json',
  items: [
    {
      id: 'k-100',
      url: '/2026/11/domplatte-weihnachtsmarkt',
      title: 'Weihnachtsmarkt auf der Domplatte öffnet',
      content_html: '<p>Über 150 Stände.</p>',
      summary: 'Über 150 Stände &amp; Glühwein',
      date_published: '2026-11-23T10:00:00+01:00',
      authors: [{ name: 'Ümit Yılmaz' }],
    },
    {
      id: 101,
      external_url: 'https://partner.example/story/7',
      content_text: 'Nur Text, kein HTML <b>hier</b>.',
      date_modified: '2026-11-22T08:00:00Z',
    },
  ],
});

export const JSON_FEED_10 = JSON.stringify({
  version: 'https://jsonfeed.org/version/1',
  title: 'Alt',
  home_page_url: 'https://alt.example/',
  items: [{ id: '1', url: 'https://alt.example/a-1', content_text: 'x', author: { name: 'Frühere Autorin' } }],
});

export const EMPTY_RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Leer</title><link>https://leer.example/</link></channel></rss>`;

export const EMPTY_ATOM = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Leer</title><id>urn:x</id><updated>2026-11-01T00:00:00Z</updated></feed>`;

/** Mismatched closing tag: not well-formed XML. */
export const MALFORMED_RSS = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Kaputt</title>
<item><title>Erster</item></channel></rss>`;

export const ARTICLE_HTML = `<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Ein Artikel</title>
<link rel="alternate" type="application/rss+xml" title="Alle Artikel" href="/feed.xml"></head>
<body><article><h1>Ein Artikel</h1><p>Erster Absatz über Äpfel.</p></article></body></html>`;
