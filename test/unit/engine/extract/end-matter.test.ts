/** Furniture inside the article: contact details at the end, credits in parentheses, pop-ups of links inside paragraphs. */
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../../../src/engine/extract/html.ts';

const para = (n: number): string => `<p>Absatz ${String(n)}: Der Verband stellte am Dienstag in Hamburg seine neue Studie vor, an der sich 240 Unternehmen beteiligt haben.</p>`;

describe('end matter and credits', () => {
  it('given a press release ending with a contact block, then the body stops before it', () => {
    const html = `<html><body><article><h1>Neue Studie zum Klimaschutz</h1>${[1, 2, 3, 4].map(para).join('')}
<p>Pressekontakt:</p><p>Jan Koch</p><p>Telefon +49 40 123456</p></article></body></html>`;
    const body = extractFromHtml(html).paragraphs;
    expect(body).toHaveLength(4);
    expect(body.join('\n')).not.toMatch(/Pressekontakt|Jan Koch|Telefon/u);
  });

  it('given a contact label early in the article, then nothing is cut (it is not end matter)', () => {
    const html = `<html><body><article>${para(1)}<h2>Kontakt</h2>${[2, 3, 4, 5].map(para).join('')}</article></body></html>`;
    expect(extractFromHtml(html).paragraphs).toHaveLength(6);
  });

  it('given a photo credit in parentheses, then it is dropped', () => {
    const html = `<html><body><article><p>(Quelle: Foto Steven Muster)</p>${[1, 2].map(para).join('')}</article></body></html>`;
    expect(extractFromHtml(html).paragraphs.join('\n')).not.toContain('Quelle');
  });

  it('given a paragraph with a pop-up card of links inside it, then the paragraph is kept', () => {
    const card = '<span class="card"><a href="/p/1">Profil</a> <a href="/a/1">Erster Artikel über die Ministerin und ihre Pläne</a> <a href="/a/2">Zweiter Artikel über die Ministerin und den Haushalt</a> <a href="/a/3">Dritter Artikel über die Ministerin und die Länder</a></span>';
    const html = `<html><body><article><p>Die Ministerin ${card} verteidigte am Montag den Entwurf für den Haushalt und kündigte weitere Gespräche mit den Ländern an.</p>${para(1)}</article></body></html>`;
    const body = extractFromHtml(html).paragraphs;
    expect(body[0]).toMatch(/^Die Ministerin .*verteidigte am Montag den Entwurf/u);
    expect(body[0]).not.toContain('Zweiter Artikel');
  });

  it('given a linked word wrapped in a span inside a paragraph, then the word stays in its sentence', () => {
    const html = `<html><body><article><p><span>Der Mann wurde </span><a href="/a/1"><span>festgenommen</span></a><span> und am Montag einem Haftrichter in Köln vorgeführt, teilte die Polizei mit.</span></p>${para(1)}</article></body></html>`;
    expect(extractFromHtml(html).paragraphs[0]).toBe('Der Mann wurde festgenommen und am Montag einem Haftrichter in Köln vorgeführt, teilte die Polizei mit.');
  });

  it('given a span around a single link in a sentence, then the link text stays; a span of several links is dropped', () => {
    const html = `<html><body><article><p>Die Polizei hat berichtet, dass <span class="link"><a href="/a/2">der Verband den Spieler sperrt</a></span> und zwar für drei Spiele, wie am Abend bekannt wurde. <span class="more"><a href="/x">Mehr</a> <a href="/y">Weiteres</a></span></p>${para(1)}</article></body></html>`;
    expect(extractFromHtml(html).paragraphs[0]).toBe('Die Polizei hat berichtet, dass der Verband den Spieler sperrt und zwar für drei Spiele, wie am Abend bekannt wurde.');
  });

  it('given two long paragraphs and then a contact block of many short lines, then the body stops at the contact label', () => {
    const lines = ['Jan Koch', 'Telefon +49 40 123456', 'Antonia Thiele', 'Telefon +49 40 123457', 'Referentin Presse', 'Büro Hamburg'];
    const html = `<html><body><article>${[1, 2].map(para).join('')}<p>Kontakt:</p>${lines.map((l) => `<p>${l}</p>`).join('')}</article></body></html>`;
    expect(extractFromHtml(html).paragraphs).toHaveLength(2);
  });

  it('given a box inside the article titled "Most read" with teasers that are not links, then the box is dropped and the article kept', () => {
    const box = '<div class="widget"><h3>Most read in world news</h3><div><span>ROYAL NEWS</span><p>Prince parties in unearthed pictures despite his claims</p></div><div><span>TIME TRAVEL</span><p>Theorists say they spotted a climate activist in an old photograph</p></div></div>';
    const text = '<p>The council approved the budget for next year on Monday evening after a long and heated debate in the town hall.</p>';
    const html = `<html><body><article>${text.repeat(3)}${box}${text.repeat(3)}</article></body></html>`;
    const body = extractFromHtml(html).paragraphs.join('\n');
    expect(body).toContain('The council approved the budget');
    expect(body).not.toMatch(/Most read|ROYAL NEWS|Prince parties|Theorists say/u);
  });
});
