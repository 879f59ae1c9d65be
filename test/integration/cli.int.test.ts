import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestSchema } from '../../src/engine/schema.ts';
import { spawnCli } from '../helpers/cli-runs.ts';
import { reply, startFixtureServer, type FixtureServer, type Handler } from '../fakes/http-fixtures.ts';

interface Run { code: number | null; stdout: string; stderr: string }

const run = (args: string[], stdin = '', env: Record<string, string> = {}): Promise<Run> => spawnCli(args, { stdin, env });

function expectOneLineError(r: Run, pattern: RegExp): void {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /u);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /u);
}

const ARTICLE_TEXT = [
  'Der Umsatz der Beispiel AG stieg im dritten Quartal um 12 Prozent auf 1,5 Mrd. Euro.',
  'Das Unternehmen rechnet für das Gesamtjahr mit einem weiteren Wachstum.',
  'Analysten sehen jedoch Risiken durch neue Zölle in den USA.',
  'Die Aktie gewann am Morgen 3,1 Prozent.',
].join(' ');

let dir: string;
let server: FixtureServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'digestbot-cli-'));
  await writeFile(join(dir, 'article.txt'), ARTICLE_TEXT);
  await writeFile(join(dir, 'empty.html'), '   \n');
  await writeFile(join(dir, 'binary.bin'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x00, 0xff]));
  const html1252 = Buffer.from(`<html><head><meta charset="windows-1252"><title>Gr\xfc\xdfe</title></head><body><article>
    <p>Die M\xfcller GmbH erh\xf6ht die Preise f\xfcr \xd6l um 5 Prozent, weil die Kosten gestiegen sind.</p>
    <p>Die Gesch\xe4ftsf\xfchrung erwartet daher einen R\xfcckgang der Nachfrage im n\xe4chsten Jahr.</p>
    <p>Gro\xdfe Kunden wollen die h\xf6heren Preise nicht zahlen und drohen mit einem Wechsel.</p></article></body></html>`, 'latin1');
  const routes: Record<string, Handler> = {
    '/artikel': reply(html1252, { 'content-type': 'text/html' }),
    '/missing': reply('nope', {}, 404),
  };
  server = await startFixtureServer(routes);
  const items = [1, 2, 3, 4, 5].map((n) => `<item><title>Meldung ${String(n)}</title><link>${server.url('/artikel')}?n=${String(n)}</link>
    <guid>m${String(n)}</guid><pubDate>Tue, 24 Nov 2026 0${String(n)}:00:00 GMT</pubDate></item>`).join('');
  routes['/feed.xml'] = reply(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Testfeed Wirtschaft</title>${items}</channel></rss>`,
    { 'content-type': 'application/rss+xml' });
});

afterAll(async () => {
  await server.close();
});

describe('digestbot digest', () => {
  it('given a text file with --json, then one JSON object matching the Digest schema is printed', async () => {
    const r = await run(['digest', join(dir, 'article.txt'), '--json']);
    expect(r.code).toBe(0);
    const digest = digestSchema.parse(JSON.parse(r.stdout));
    expect(digest.language).toBe('de');
    expect(digest.summary.length).toBeGreaterThan(0);
    for (const s of digest.summary) expect(ARTICLE_TEXT).toContain(s);
  });

  it('given text on stdin ("-"), then it is digested like a file', async () => {
    const r = await run(['digest', '-', '--json'], ARTICLE_TEXT);
    expect(r.code).toBe(0);
    expect(digestSchema.parse(JSON.parse(r.stdout)).summary.length).toBeGreaterThan(0);
  });

  it('given no --json, then a readable digest is printed', async () => {
    const r = await run(['digest', join(dir, 'article.txt')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Zusammenfassung');
    expect(r.stdout).toContain('Kennzahlen');
  });

  it('given a URL of a windows-1252 page without a charset header, then the umlauts come out right', async () => {
    const r = await run(['digest', server.url('/artikel'), '--with-text']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { text: string; url: string };
    expect(out.text).toContain('Die Müller GmbH erhöht die Preise für Öl');
    expect(out.text).not.toContain('\uFFFD');
    expect(out.url).toBe(server.url('/artikel'));
  });

  it('given a missing file, then one error line and exit 1', async () => {
    expectOneLineError(await run(['digest', join(dir, 'nope.html')]), /no such file/u);
  });

  it('given a binary file, then one error line and exit 1', async () => {
    expectOneLineError(await run(['digest', join(dir, 'binary.bin')]), /binary/u);
  });

  it('given an empty page, then one error line and exit 1', async () => {
    expectOneLineError(await run(['digest', join(dir, 'empty.html')]), /empty/u);
  });

  it('given a URL that answers 404, then one error line and exit 1', async () => {
    expectOneLineError(await run(['digest', server.url('/missing')]), /HTTP 404/u);
  });

  it('given an unreachable URL, then one error line and exit 1', async () => {
    const closed = await startFixtureServer({});
    const url = closed.url('/x');
    await closed.close();
    expectOneLineError(await run(['digest', url]), /cannot reach/u);
  });

  it('given a loopback URL and no allowlist, then the fetch is refused as a private address', async () => {
    expectOneLineError(await run(['digest', server.url('/artikel')], '', { FETCH_ALLOW_PRIVATE_HOSTS: '' }), /private|loopback|not allowed|blocked/iu);
  });

  it('given bad usage, then usage text and exit 2', async () => {
    const r = await run(['digest']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage:');
  });
});

describe('digestbot digest --jsonl', () => {
  it('given mixed good and bad lines, then one output line per input, in order, errors as values', async () => {
    const lines = [
      JSON.stringify({ id: 'a', text: ARTICLE_TEXT }),
      'not json',
      JSON.stringify({ id: 'b', html: '<html><body><article><p>The company said revenue rose 5% to $2bn in the quarter, beating forecasts.</p><p>Its shares climbed 3% after the report was published on Tuesday.</p></article></body></html>' }),
      JSON.stringify({ id: 'c' }),
      JSON.stringify({ id: 'd', url: server.url('/missing') }),
      JSON.stringify({ id: 'e', url: server.url('/artikel') }),
      '',
    ].join('\n');
    const r = await run(['digest', '--jsonl', '--with-text'], lines);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o['id'])).toEqual(['a', '', 'b', 'c', 'd', 'e']);
    expect(out[0]?.['error']).toBeUndefined();
    expect(digestSchema.safeParse(out[0]).success).toBe(true);
    expect(typeof out[0]?.['text']).toBe('string');
    expect(out[1]?.['error']).toMatch(/line 2: not valid JSON/u);
    expect(out[2]?.['language']).toBe('en');
    expect(out[3]?.['error']).toMatch(/one of text, html or url/u);
    expect(out[4]?.['error']).toMatch(/HTTP 404/u);
    expect(String(out[5]?.['text'])).toContain('Müller');
    expect(r.stderr).toContain('3 line(s) failed');
  });
});

describe('digestbot samples (the one-shot sample run)', () => {
  it('given the bundled digests, then every sample article is digested', async () => {
    const r = await run(['samples']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Beispielartikel: 3 article\(s\)/u);
    expect(r.stderr).toBe('');
  });
});

describe('npm start (the bot in console mode)', () => {
  it('given commands typed at the prompt, then the digest, the command list and specific refusals are printed, and the store file exists', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'digestbot-console-'));
    const r = await run([], '/help\n/digest nope\n/frobnicate\n/digest morning-markets\n/quit\n', { DATA_DIR: dataDir, SCHEDULE_GRACE_HOURS: '0' });
    expect(r.code).toBe(0);
    // Shown once at start and once for /digest morning-markets.
    expect(r.stdout.match(/▸ Nordlicht Halbleiter senkt Prognose trotz Rekordumsatz/gu)).toHaveLength(2);
    expect(r.stdout).toContain('/digest [digest] — The latest digest, built now');
    expect(r.stdout).toContain('/sources add <url> [name…] — Add a feed or page (shows what it yields before saving)');
    expect(r.stdout).toContain('there is no digest called "nope" here (known: morning-markets, news)');
    expect(r.stdout).toContain('There is no /frobnicate');
    expect(r.stdout).toMatch(/schedules: morning-markets: 30 7 \* \* 1-5 \(Europe\/Berlin\)/u);
    expect(r.stdout).not.toContain('\uFFFD');
    expect(existsSync(join(dataDir, 'digestbot.sqlite'))).toBe(true);
  });

  it('given source, schedule and query commands at the prompt, then each answers from the real store and the loopback feed', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'digestbot-console-'));
    const lines = [
      `/sources add ${server.url('/feed.xml')} Test Feed`,
      '/sources list',
      `/sources add ${server.url('/missing')}`,
      '/schedule set morning-markets 0 8 * * * Europe/Berlin',
      '/schedule show',
      '/risks Preise',
      `/summarize ${server.url('/artikel')}`,
      '/sources remove Test Feed',
      '/quit',
    ];
    const r = await run([], `${lines.join('\n')}\n`, { DATA_DIR: dataDir, SCHEDULE_GRACE_HOURS: '0' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Added “Test Feed”');
    expect(r.stdout).toMatch(/RSS feed, 5 item\(s\)/u);
    expect(r.stdout).toContain('The newest 3 will be in the next digest; 2 older one(s) were marked as already seen.');
    expect(r.stdout).toMatch(/Test Feed \(#\d+, rss\)[\s\S]*✓ ok · last fetched/u);
    expect(r.stdout).toMatch(/sources add failed[\s\S]*HTTP 404/u);
    expect(r.stdout).toMatch(/morning-markets: 0 8 \* \* \* \(Europe\/Berlin\) → console:main/u);
    expect(r.stdout).toMatch(/Risks[\s\S]*Meldung|Risks[\s\S]*Grüße/u);
    expect(r.stdout).toMatch(/▸ Summary|Zusammenfassung/u);
    expect(r.stdout).toContain('Müller GmbH');
    expect(r.stdout).toContain('Removed “Test Feed”');
    expect(r.stdout).not.toContain('\uFFFD');
  });

  it('given mistakes typed at the prompt, then each gets a human reply; too-frequent schedules are refused and a good one is previewed in words', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'digestbot-console-'));
    const lines = [
      '/schedule set news "*/1 * * * * *" UTC',
      '/schedule set news */5 * * * * UTC',
      '/schedule set news "30 7 * * 1-5" UTC',
      '/figures',
      '/sumarize https://example.org/a',
      'sources list',
      `/summarize ${server.url('/artikel')}`,
      '/quit',
    ];
    // No private hosts allowed: the loopback fixture server is refused.
    const r = await run([], `${lines.join('\n')}\n`, { DATA_DIR: dataDir, SCHEDULE_GRACE_HOURS: '0', FETCH_ALLOW_PRIVATE_HOSTS: '' });
    expect(r.code).toBe(0);
    // Replies are wrapped at 80 columns: compare with the line breaks taken out.
    const out = r.stdout.replace(/\s+/gu, ' ');
    expect(out).toContain('"*/1 * * * * *" has a seconds field (6 fields)');
    expect(out).toContain('"*/5 * * * *" posts every 5 minutes');
    expect(out).toContain('digests set from chat must be at least 15 minutes apart (MIN_SCHEDULE_MINUTES)');
    expect(out).toContain('Scheduled “news”');
    expect(out).toContain('weekdays at 07:30 (UTC)');
    expect(out).toMatch(/Next: \w{3} \d{1,2} \w{3}, 07:30 · \w{3} \d{1,2} \w{3}, 07:30/u);
    expect(out).toContain('/figures needs a word to search for, e.g. /figures Siemens.');
    expect(out).not.toContain('Too small');
    expect(out).toContain('There is no /sumarize. Did you mean /summarize?');
    expect(out).toContain('No sources yet: /sources add <url>');
    expect(out).toMatch(/refusing to fetch 127\.0\.0\.1:\d+: it points to a loopback address \(to allow it, add 127\.0\.0\.1 to the FETCH_ALLOW_PRIVATE_HOSTS setting\)/u);
  });
});
