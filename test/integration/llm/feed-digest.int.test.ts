/**
 * A `summary: llm` definition over a feed served on 127.0.0.1: the feed's German article is polled and
 * digested on a worker thread (bytes gone afterwards), and the built digest still gets the model-written,
 * grounded English summary, from the sentence split kept in the digest cache. The fake OpenAI-compatible
 * server is scripted per request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import type { ArticleDigester } from '../../../src/digesting/article-digester.ts';
import { createWorkerPoolDigester } from '../../../src/digesting/worker-pool.ts';
import { buildDigest, type BuildDigestDeps } from '../../../src/digests/build-digest.ts';
import { digestDefinitionSchema, type DigestDefinition } from '../../../src/digests/definition.ts';
import { createConfiguredLlm } from '../../../src/llm/from-config.ts';
import type { LlmSummarizer } from '../../../src/llm/summarize-llm.ts';
import { pollSource } from '../../../src/polling/poll-source.ts';
import { silentLogger } from '../../../src/ports.ts';
import { createHttpClient } from '../../../src/sources/http/client.ts';
import type { Store } from '../../../src/store/port.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';
import { completion, startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai/fake-openai.ts';
import { reply, startFixtureServer, type FixtureServer, type Handler } from '../../fakes/http-fixtures.ts';
import { FAITHFUL, GERMAN_ARTICLE, withSentence } from './article.ts';

const MARK = '(model-written summary, every number and name checked against the article)';
const clock = { now: () => new Date('2026-12-07T10:00:00Z') };

/** GERMAN_ARTICLE as an article page: its first line the title, each further block a paragraph. */
function germanPage(): string {
  const [title = '', ...blocks] = GERMAN_ARTICLE.split('\n\n');
  const paragraphs = blocks.map((b) => `<p>${b}</p>`).join('');
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs}</article></body></html>`;
}

let server: FixtureServer;
beforeAll(async () => {
  const routes: Record<string, Handler> = {};
  server = await startFixtureServer(routes);
  routes['/siemens'] = reply(germanPage(), { 'content-type': 'text/html; charset=utf-8' });
  routes['/harbor'] = reply(`<!doctype html><html lang="en"><head><title>Harbor Foods opens a plant</title></head><body><article><h1>Harbor Foods opens a plant</h1>
    <p>Harbor Foods opened a new bakery plant in Leeds on Monday. The plant will employ 240 people and cost 85 million pounds. The company said demand for frozen bread kept growing.</p></article></body></html>`,
  { 'content-type': 'text/html; charset=utf-8' });
  routes['/two.xml'] = reply(`<?xml version="1.0"?><rss version="2.0"><channel><title>Mixed</title>
    <item><title>Siemens hebt Prognose an</title><link>${server.url('/siemens')}</link><guid>s1</guid></item>
    <item><title>Harbor Foods opens a plant</title><link>${server.url('/harbor')}</link><guid>h1</guid></item></channel></rss>`,
  { 'content-type': 'application/rss+xml' });
  routes['/feed.xml'] = reply(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wirtschaft</title>
    <item><title>Siemens hebt Prognose an</title><link>${server.url('/siemens')}</link><guid>s1</guid></item></channel></rss>`,
  { 'content-type': 'application/rss+xml' });
});
afterAll(() => server.close());

let fake: FakeOpenAi;
let dir: string;
let store: Store;
let digester: ArticleDigester;
beforeEach(async () => {
  fake = await startFakeOpenAi();
  dir = mkdtempSync(join(tmpdir(), 'digestbot-llmfeed-'));
  store = openSqliteStore(join(dir, 'bot.sqlite'));
  digester = createWorkerPoolDigester({ workers: 1 });
});
afterEach(async () => {
  await digester.close();
  await fake.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const definition = (feed = '/feed.xml', extra: Record<string, unknown> = {}): DigestDefinition => digestDefinitionSchema.parse({
  name: 'wirtschaft', title: 'Business digest', language: 'en', summary: 'llm', summaryLanguage: 'en',
  sources: [{ type: 'url', name: 'Wirtschaft', url: server.url(feed) }], ...extra,
});

function llm(): LlmSummarizer {
  const configured = createConfiguredLlm(loadConfig({ LLM_BASE_URL: fake.baseUrl, LLM_MODEL: 'fake-model', LLM_DAILY_TOKENS: '50000' }).llm, store, clock, silentLogger);
  if (configured === null) throw new Error('the LLM should be configured');
  return configured;
}

/** Build deps whose refresh polls the feed through the real poller, digesting on the worker pool. */
function deps(model?: LlmSummarizer): BuildDigestDeps {
  const http = createHttpClient({ allowPrivateHosts: ['127.0.0.1'] });
  const policy = { pollIntervalMs: 900_000, pauseAfterFailures: 5, newSourceItems: 3 };
  return {
    store, clock, logger: silentLogger, engineVersion: 'test-llmfeed', digester,
    readFolder: () => Promise.resolve([]),
    async refresh(sources) {
      for (const s of sources) await pollSource({ store, http, clock, logger: silentLogger, engineVersion: 'test-llmfeed', policy, digester, keepArticleText: model !== undefined }, s);
    },
    ...(model === undefined ? {} : { llm: model }),
  };
}

const firstLines = async (d: BuildDigestDeps): Promise<string[]> => (await buildDigest(d, definition())).message.sections[0]?.lines ?? [];

describe('a summary: llm definition over a feed article', () => {
  it('given a German feed article and an English summary with a changed number, then the entry is model-written, grounded, without the bad sentence', async () => {
    fake.script(completion(withSentence(1, 'Profit rose 34 percent to 2.6 billion euros.'), 777));
    const built = await buildDigest(deps(llm()), definition());
    const lines = built.message.sections[0]?.lines ?? [];
    expect(lines[0]).toBe(MARK);
    expect(lines).toContain(FAITHFUL[0]?.text);
    expect(lines).toContain(FAITHFUL[3]?.text);
    expect(lines.join(' ')).not.toContain('34 percent');
    expect(built.message.footer).toContain('LLM: 777 of 50,000 tokens today');
    // The model saw the sentence split made on the worker thread, fenced and numbered as the grounding reads it.
    expect(fake.requests).toHaveLength(1);
    const prompt = fake.requests[0]?.body.messages.map((m) => m.content).join('\n') ?? '';
    expect(prompt).toContain('[1] Der Gewinn stieg um 43 Prozent auf 2,6 Milliarden Euro.');
    expect(prompt).toContain('in English');
  }, 30_000);

  it('given the same article built again, then the cached answer is used and no request is made', async () => {
    fake.script(completion({ sentences: FAITHFUL }));
    const model = llm();
    expect((await firstLines(deps(model)))[0]).toBe(MARK);
    const again = await firstLines(deps(model));
    expect(again[0]).toBe(MARK);
    expect(again).toContain(FAITHFUL[1]?.text);
    expect(fake.requests).toHaveLength(1);
  }, 30_000);

  it('given an article digested while no LLM was configured (cached without its sentence split), then its extractive summary is posted unmarked and nothing is sent', async () => {
    await firstLines(deps()); // polls and digests without an LLM: the cache entry is the digest alone
    const [hash] = await cacheKeys();
    const entry = JSON.parse((await store.digestCache.get(hash ?? '', 'test-llmfeed')) ?? '{}') as Record<string, unknown>;
    expect(entry).toHaveProperty('summary');
    expect(entry).not.toHaveProperty('articleText');
    const lines = await firstLines(deps(llm()));
    expect(lines[0]).toMatch(/^Der /u);
    expect(lines).not.toContain(MARK);
    expect(fake.requests).toHaveLength(0);
  }, 30_000);

  it('given two feed articles and room for one entry, then only the posted one is sent to the model', async () => {
    fake.script(completion({ sentences: FAITHFUL }));
    const built = await buildDigest(deps(llm()), definition('/two.xml', { maxArticles: 1 }));
    expect(built.entries).toBe(1);
    const more = built.message.sections.flatMap((sec) => [...sec.lines, ...(sec.links ?? []).map((l) => l.label)]);
    expect(more).toContain('and 1 more from Wirtschaft');
    expect(fake.requests).toHaveLength(1);
  }, 30_000);

  it('given no LLM configured, then the same definition posts the extractive German summary unmarked', async () => {
    const built = await buildDigest(deps(), definition());
    expect(built.message.sections[0]?.lines[0]).toMatch(/^Der /u);
    expect(built.message.footer ?? '').not.toContain('LLM');
    expect(fake.requests).toHaveLength(0);
  }, 30_000);
});

/** The digest cache keys of the stored articles. */
async function cacheKeys(): Promise<string[]> {
  const articles = await store.articles.recent('console:local', '2000-01-01T00:00:00Z', 10);
  return articles.map((a) => a.digestHash).filter((h): h is string => h !== null);
}
