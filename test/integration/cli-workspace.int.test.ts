/**
 * Issue 14, items 4, 6 and 8 through the real console bin (adapters/main.ts, piped stdin) against feeds and pages
 * on 127.0.0.1: the console is a workspace like any other (a default digest over its sources from the start;
 * the bundled samples only until the first own source, labelled, never mixed in afterwards), search by words,
 * and source validation (junk refused with the reason, tracking parameters stripped, duplicates named,
 * `/summarize` of a feed address).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli-runs.ts';
import { reply, startFixtureServer, type FixtureServer, type Handler } from '../fakes/http-fixtures.ts';

const page = (title: string, paragraphs: string[]): string => `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${title}</title></head>
<body><nav><a href="/">Start</a> <a href="/about">Über uns</a></nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>
<footer>© Testverlag</footer></body></html>`;

const STEEL = page('Stahlkocher leiden unter neuen Zöllen', [
  'Die Stahlwerke Rheinland AG hat im dritten Quartal einen Umsatz von 2,4 Mrd. Euro erzielt, 8 Prozent weniger als vor einem Jahr.',
  'Der Vorstand macht vor allem die neuen Strafzölle der USA verantwortlich, die seit dem Sommer auf europäischen Stahl erhoben werden.',
  'Analysten warnen, dass ein längerer Zollstreit die Auftragslage im kommenden Jahr weiter verschlechtern könnte.',
  'Das Unternehmen prüft deshalb Kurzarbeit an zwei Standorten und verschiebt eine geplante Investition von 300 Mio. Euro.',
  'Die Aktie verlor am Vormittag 4,2 Prozent und notierte damit auf dem tiefsten Stand seit drei Jahren.',
]);
const CHIPS = page('Chipfirma Signalwerk wächst kräftig', [
  'Die Signalwerk GmbH aus Dresden hat ihren Umsatz im Geschäftsjahr um 21 Prozent auf 640 Mio. Euro gesteigert.',
  'Treiber war die starke Nachfrage nach Sensoren für Industrieanlagen und für die Autoindustrie in Asien.',
  'Die Geschäftsführung erwartet für das kommende Jahr ein weiteres Wachstum von rund zehn Prozent.',
  'Ein Engpass bei Vorprodukten und steigende Energiekosten könnten die Marge allerdings belasten, heißt es im Bericht.',
  'Das Unternehmen will im Frühjahr 200 neue Stellen schaffen, vor allem in der Entwicklung und in der Fertigung.',
]);
const ABOUT = `<!doctype html><html><head><title>Über uns | Testverlag</title></head><body>
<nav><a href="/">Start</a> <a href="/impressum">Impressum</a> <a href="/kontakt">Kontakt</a></nav>
<main><h1>Über uns</h1><p>Der Testverlag wurde 1998 gegründet und sitzt in Köln.</p>
<p>Kontakt: info@testverlag.example, Telefon 0221 000000.</p></main><footer>© Testverlag</footer></body></html>`;

let server: FixtureServer;
let feedUrl: string;

beforeAll(async () => {
  const routes: Record<string, Handler> = {
    '/stahl': reply(STEEL, { 'content-type': 'text/html; charset=utf-8' }),
    '/chips': reply(CHIPS, { 'content-type': 'text/html; charset=utf-8' }),
    '/about': reply(ABOUT, { 'content-type': 'text/html; charset=utf-8' }),
    '/short.txt': reply('Hallo, Welt! :)', { 'content-type': 'text/plain' }),
  };
  server = await startFixtureServer(routes);
  feedUrl = server.url('/feed.xml');
  const item = (path: string, title: string, hour: string): string =>
    `<item><title>${title}</title><link>${server.url(path)}</link><guid>${path}</guid><pubDate>Mon, 07 Dec 2026 ${hour}:00:00 GMT</pubDate></item>`;
  routes['/feed.xml'] = reply(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Testfeed Wirtschaft</title>
    ${item('/stahl', 'Stahlkocher leiden unter neuen Zöllen', '10')}${item('/chips', 'Chipfirma Signalwerk wächst kräftig', '09')}</channel></rss>`,
  { 'content-type': 'application/rss+xml' });
});

afterAll(async () => {
  await server.close();
});

/** Each session is one console process (tsx start-up included: tens of seconds on a busy machine). */
const session = async (dataDir: string, lines: string[]): Promise<string> => {
  const r = await spawnCli([], { stdin: `${[...lines, '/quit'].join('\n')}\n`, env: { DATA_DIR: dataDir, SCHEDULE_GRACE_HOURS: '0', LOG_LEVEL: 'error' } });
  expect(r.code, r.stderr).toBe(0);
  // The console wraps long lines: compare with every run of white space as one space.
  return r.stdout.replace(/[\s•]+/gu, ' ');
};

describe('console workspace (issue 14 items 4, 6, 8)', () => {
  it('given a fresh console, then the samples are labelled, the default digest exists, junk is refused; after the first source the samples are gone everywhere', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'digestbot-workspace-'));
    const fresh = await session(dataDir, [
      '/digest', '/digest news', '/figures Nordlicht',
      `/sources add ${server.url('/about')}`, `/sources add ${server.url('/short.txt')}`,
    ]);
    expect(fresh).toContain('Beispielartikel, keine echten Nachrichten');
    expect(fresh).toMatch(/▸ Nordlicht Halbleiter senkt Prognose/u);
    expect(fresh).toContain('News digest');
    expect(fresh).toContain('No new articles in this period.');
    expect(fresh).toMatch(/Nordlicht Halbleiter senkt Prognose trotz Rekordumsatz \(Beispiel\)/u);
    expect(fresh).toMatch(/about: it is neither a feed nor a page with article links, and it has no article text \(\d+ word\(s\); an article has at least 80\)/u);
    expect(fresh).toMatch(/short\.txt: it is neither a feed nor a page with article links, and it has no article text \(2 word\(s\)/u);

    const second = await session(dataDir, [
      `/sources add ${feedUrl}?utm_source=newsletter&utm_medium=email Wirtschaft`,
      `/sources add ${feedUrl}`,
      `/sources add ${feedUrl}?fbclid=IwAR0abc#top`,
      '/sources list', '/digest', '/digest news', '/figures Nordlicht', '/risks Zoll', '/risks Signa', '/digest morning-markets',
    ]);
    // At this session's start the workspace had no source yet, so the samples were shown; what follows the prompt counts.
    const owned = second.slice(second.indexOf('digestbot console ·'));
    expect(owned).toContain('Added “Wirtschaft”');
    expect(owned.match(new RegExp(`already added as “Wirtschaft” \\(${feedUrl.replace(/[.?]/gu, '\\$&')}\\)`, 'gu'))).toHaveLength(2);
    expect(owned).toMatch(new RegExp(`Wirtschaft \\(#\\d+, rss\\) ${feedUrl.replace(/[.?]/gu, '\\$&')} ✓`, 'u'));
    expect(owned).not.toContain('utm_source');
    // The default digest comes first and holds the feed's articles; the samples are nowhere.
    expect(owned.match(/▸ Stahlkocher leiden unter neuen Zöllen/gu)?.length).toBeGreaterThanOrEqual(3);
    expect(owned).not.toContain('Nordlicht Halbleiter');
    expect(owned).not.toContain('Beispiel');
    expect(owned).toContain('Nothing found for "Nordlicht"');
    expect(owned).toMatch(/Risks "Zoll" · 1 article\(s\)[^▸]*▸ Stahlkocher leiden unter neuen Zöllen/u);
    // "Signa" is no prefix of "Signalwerk" (a name in one word, not a compound of Signa).
    expect(owned).toContain('Nothing found for "Signa"');
    expect(owned).toContain('there is no digest called "morning-markets" here (known: news)');
  }, 180_000);

  it('given /summarize of a feed address, then the newest item is summarized with how to follow the feed', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'digestbot-workspace-'));
    const out = await session(dataDir, [`/summarize ${feedUrl}`]);
    expect(out).toContain(`Newest item of the feed “Testfeed Wirtschaft”. To follow the feed: /sources add ${feedUrl}`);
    expect(out).toContain('Stahlkocher leiden unter neuen Zöllen');
    expect(out).toMatch(/Stahlwerke Rheinland AG/u);
  }, 90_000);
});
