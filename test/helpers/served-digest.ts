/**
 * A digest built the way a workspace builds it: articles served as RSS feeds on 127.0.0.1 (one feed per
 * source), added as sources to a real SQLite store, polled by the real poller (which fetches and digests each
 * article), then `buildDigest` over the workspace. Each feed item carries its outlet's own teaser, as real feeds do
 * (two items with the same title and no teaser count as one item already seen). Used by the layout tests and `bench/layout-payloads.ts`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDigest, type BuiltDigest } from '../../src/digests/build-digest.ts';
import { digestDefinitionSchema, type DigestDefinition } from '../../src/digests/definition.ts';
import { pollSource } from '../../src/polling/poll-source.ts';
import { silentLogger } from '../../src/ports.ts';
import { createHttpClient } from '../../src/sources/http/client.ts';
import { openSqliteStore } from '../../src/store/sqlite/open.ts';
import type { Message } from '../../src/messages/model.ts';
import { startDiscordHarness } from '../fakes/discord/harness.ts';
import { reply, startFixtureServer, type Handler } from '../fakes/http-fixtures.ts';
import { startSlackHarness } from '../integration/slack/harness.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const WORKSPACE = 'console:local';

/** One article as served: its bytes and content type, its feed title and publish time. */
export interface ServedArticle {
  slug: string;
  bytes: Uint8Array;
  contentType: string;
  title: string;
  published: string;
}

export interface ServedSource {
  name: string;
  articles: ServedArticle[];
}

function article(slug: string, file: string, contentType: string, title: string, published: string): ServedArticle {
  return { slug, bytes: readFileSync(file), contentType, title, published };
}

/** The six bundled realistic articles (digests/samples and test/fixtures/pages), spread over three sources. */
export function bundledSources(): ServedSource[] {
  const samples = join(ROOT, 'digests', 'samples');
  const pages = join(ROOT, 'test', 'fixtures', 'pages');
  const html = 'text/html; charset=utf-8';
  return [
    { name: 'Marktkompass', articles: [
      article('halbleiter', join(samples, 'de-halbleiter.html'), 'text/html; charset=windows-1252', 'Nordlicht Halbleiter senkt Prognose', '2026-11-20T05:50:00Z'),
      article('energie', join(samples, 'de-energie-scraped.txt'), 'text/plain; charset=utf-8', 'Energie', '2026-11-20T04:10:00Z'),
    ] },
    { name: 'The Ledger Daily', articles: [
      article('harbor', join(samples, 'en-harbor-foods.html'), html, 'Harbor Foods raises outlook', '2026-11-20T05:40:00Z'),
      article('jsonld', join(pages, 'jsonld-article-body', 'source.html'), html, 'Article', '2026-11-20T03:00:00Z'),
    ] },
    { name: 'Wire', articles: [
      article('gallery', join(pages, 'gallery-article', 'source.html'), html, 'Gallery', '2026-11-20T05:30:00Z'),
      article('ticker', join(pages, 'live-ticker', 'source.html'), html, 'Live', '2026-11-20T02:00:00Z'),
    ] },
  ];
}

/**
 * Two more realistic articles from ../shared (the seed article and the first CNN/DailyMail sample), as a fourth
 * source; null when ../shared is absent.
 */
export function sharedSource(): ServedSource | null {
  const seeds = join(ROOT, '..', 'shared', 'seeds');
  const cnndm = join(ROOT, '..', 'shared', 'eval', 'summaries', 'cnndm-sample.jsonl');
  if (!existsSync(seeds) || !existsSync(cnndm)) return null;
  const seedFile = join(seeds, '000_47567c14e37cb6e9.txt');
  if (!existsSync(seedFile)) return null;
  const firstLine = readFileSync(cnndm, 'utf8').split('\n')[0] ?? '{}';
  const record = JSON.parse(firstLine) as { article?: string; text?: string; source?: string };
  const text = record.article ?? record.text ?? record.source ?? '';
  if (text === '') return null;
  return { name: 'Shared', articles: [
    article('seed', seedFile, 'text/plain; charset=utf-8', 'Seed', '2026-11-20T05:20:00Z'),
    { slug: 'cnndm', bytes: Buffer.from(text), contentType: 'text/plain; charset=utf-8', title: 'CNN', published: '2026-11-20T01:00:00Z' },
  ] };
}

/** A plain article page with the given title and paragraphs (for merge and fairness tests). */
export function page(title: string, paragraphs: readonly string[]): Uint8Array {
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  return Buffer.from(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><article><h1>${title}</h1>\n${body}</article></body></html>`);
}

const escapeXml = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');

export interface ServedDigest {
  built: BuiltDigest;
  /** Article URL by slug. */
  urls: Map<string, string>;
  /** Feed URL by source name. */
  feeds: Map<string, string>;
  close(): Promise<void>;
}

/** Serves the sources, adds and polls them, and builds the workspace digest (definition overrides in `extra`). */
export async function servedDigest(sources: readonly ServedSource[], extra: Partial<DigestDefinition> = {}): Promise<ServedDigest> {
  const routes: Record<string, Handler> = {};
  const server = await startFixtureServer(routes);
  const dir = mkdtempSync(join(tmpdir(), 'digestbot-layout-'));
  const store = openSqliteStore(join(dir, 'bot.sqlite'));
  const urls = new Map<string, string>();
  const feeds = new Map<string, string>();
  try {
    const now = new Date('2026-11-20T06:30:00Z');
    const clock = { now: () => now };
    const http = createHttpClient({ allowPrivateHosts: ['127.0.0.1'] });
    const policy = { pollIntervalMs: 900_000, pauseAfterFailures: 5, newSourceItems: 100, maxDigestsPerPoll: 100 };
    for (const [i, source] of sources.entries()) {
      const items = source.articles.map((a) => {
        const url = server.url(`/a/${a.slug}`);
        urls.set(a.slug, url);
        routes[`/a/${a.slug}`] = reply(a.bytes, { 'content-type': a.contentType });
        return `<item><title>${escapeXml(a.title)}</title><link>${url}</link><guid>${a.slug}</guid><description>${escapeXml(`${source.name}: ${a.title}`)}</description><pubDate>${new Date(a.published).toUTCString()}</pubDate></item>`;
      });
      routes[`/feed/${String(i)}.xml`] = reply(`<?xml version="1.0"?><rss version="2.0"><channel><title>${escapeXml(source.name)}</title>${items.join('')}</channel></rss>`,
        { 'content-type': 'application/rss+xml' });
      const url = server.url(`/feed/${String(i)}.xml`);
      feeds.set(source.name, url);
      const record = await store.sources.add({ workspaceId: WORKSPACE, name: source.name, url, type: 'rss', addedBy: 'console:test' }, now.toISOString());
      await pollSource({ store, http, clock, logger: silentLogger, engineVersion: 'layout-1', policy }, record);
    }
    const def = digestDefinitionSchema.parse({
      name: 'morning', title: 'Morning digest', language: 'en', sources: [{ type: 'workspace' }], ...extra,
    });
    const built = await buildDigest({ store, clock, logger: silentLogger, engineVersion: 'layout-1', readFolder: () => Promise.resolve([]) }, def);
    return {
      built, urls, feeds,
      async close() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
        await server.close();
      },
    };
  } catch (err) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    await server.close();
    throw err;
  }
}

/** What the fakes captured when a message was published through the real Discord and Slack publishers. */
export interface CapturedPosts {
  /** The body of each Discord message posted (embeds…), in order. */
  discord: Record<string, unknown>[];
  /** Each Slack chat.postMessage, in order: its fallback text and blocks. */
  slack: { text: string; blocks: unknown[] }[];
}

/** Publishes `message` to one Discord and one Slack channel through the real publishers against the local fakes. */
export async function publishToFakes(message: Message): Promise<CapturedPosts> {
  const discord = await startDiscordHarness();
  try {
    await discord.adapter.publisher.publish(`discord:${discord.channelIds[0] ?? ''}`, message, 'layout|1');
  } finally {
    await discord.close();
  }
  const slack = await startSlackHarness();
  try {
    await slack.adapter.publisher.publish('slack:C0LAYOUT', message, 'layout|1');
  } finally {
    await slack.close();
  }
  return {
    discord: discord.fake.messages.map((m) => m.body),
    slack: slack.api.posted.map((p) => ({ text: p.text, blocks: p.blocks })),
  };
}

/** Characters a Discord message counts against its 6,000 limit: titles, descriptions, field names and values, footers, authors. */
export function discordChars(body: Record<string, unknown>): number {
  const embeds = (body['embeds'] ?? []) as { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string }; author?: { name: string } }[];
  let n = 0;
  for (const e of embeds) {
    n += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
    for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  }
  return n;
}

/** Characters of a Slack post's visible text: every block's text (header, sections, context elements). */
export function slackChars(post: { blocks: unknown[] }): number {
  let n = 0;
  for (const block of post.blocks as { text?: { text?: string }; elements?: { text?: string }[] }[]) {
    n += block.text?.text?.length ?? 0;
    for (const e of block.elements ?? []) n += e.text?.length ?? 0;
  }
  return n;
}
