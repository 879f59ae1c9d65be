import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandServices } from '../../../src/commands/services.ts';
import { sourcesListCommand } from '../../../src/commands/sources.ts';
import { summarizeCommand } from '../../../src/commands/summarize.ts';
import { digestDefinitionSchema } from '../../../src/digests/definition.ts';
import { createOpenAiChatModel } from '../../../src/llm/chat-model.ts';
import { createLlmSummarizer } from '../../../src/llm/summarize-llm.ts';
import { silentLogger } from '../../../src/ports.ts';
import { createHttpClient } from '../../../src/sources/http/client.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';
import { reply, startFixtureServer, type FixtureServer } from '../../fakes/http-fixtures.ts';
import { completion, startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai/fake-openai.ts';
import { FAITHFUL, GERMAN_ARTICLE } from './article.ts';

const clock = { now: () => new Date('2026-12-07T10:00:00Z') };
const ctx = { workspaceId: 'slack:T1', userId: 'slack:U1', isAdmin: false, channelId: null };
let fake: FakeOpenAi;
let pages: FixtureServer;

function services(definitions: unknown[] = []): CommandServices {
  const store = openSqliteStore(':memory:');
  if (store.llm === undefined) throw new Error('ledger');
  const model = createOpenAiChatModel({ baseUrl: fake.baseUrl, model: 'fake-model' });
  const llm = createLlmSummarizer({ model, ledger: store.llm, clock, logger: silentLogger, dailyTokens: 10_000, maxInputTokens: 1000, maxOutputTokens: 200 });
  const list = definitions.map((d) => ({ def: digestDefinitionSchema.parse(d), dir: null }));
  return {
    store, clock, logger: silentLogger, engineVersion: 't', llm, http: createHttpClient({ allowPrivateHosts: ['127.0.0.1'] }),
    definitions: { list: () => list } as unknown as CommandServices['definitions'],
  } as unknown as CommandServices;
}

beforeEach(async () => {
  fake = await startFakeOpenAi();
  pages = await startFixtureServer({ '/siemens': reply(GERMAN_ARTICLE, { 'content-type': 'text/plain; charset=utf-8' }) });
});
afterEach(async () => {
  await fake.close();
  await pages.close();
});

describe('/summarize with an LLM configured', () => {
  it('given "en", then the English model summary is posted under a heading that marks it model-written', async () => {
    fake.script(completion({ sentences: FAITHFUL }));
    const message = await summarizeCommand.run(services(), ctx, [pages.url('/siemens'), 'en']);
    expect(message.sections[0]?.heading).toBe('Summary (model-written, checked against the article)');
    expect(message.sections[0]?.lines).toEqual(FAITHFUL.map((s) => s.text));
    expect(fake.requests[0]?.body.messages[0]?.content).toContain('in English');
  });

  it('given no language word, then the workspace default from its model-summary definition applies', async () => {
    fake.script(completion({ sentences: FAITHFUL }));
    const def = { name: 'd', title: 'D', workspace: 'slack:T1', summary: 'llm', summaryLanguage: 'en', sources: [{ type: 'workspace' }] };
    await summarizeCommand.run(services([def]), ctx, [pages.url('/siemens'), undefined]);
    expect(fake.requests[0]?.body.messages[0]?.content).toContain('in English');
  });

  it('given the provider fails, then the extractive summary is posted unmarked', async () => {
    fake.script({ status: 400, body: {} });
    const message = await summarizeCommand.run(services(), ctx, [pages.url('/siemens'), 'en']);
    expect(message.sections[0]?.heading).toBe('Zusammenfassung');
    expect(message.sections[0]?.lines[0]).toMatch(/^Der /u);
  });
});

describe('/sources list and the token budget', () => {
  const usage = async (svc: CommandServices): Promise<string[] | undefined> =>
    (await sourcesListCommand.run(svc, { ...ctx, isAdmin: true }, [])).sections.find((s) => s.heading === 'Usage')?.lines;

  it('given a model summary that cost 321 tokens, then the list shows them against the daily budget', async () => {
    const svc = services();
    expect(await usage(svc)).toEqual(['LLM: 0 of 10,000 tokens today']);
    fake.script(completion({ sentences: FAITHFUL }, 321));
    await summarizeCommand.run(svc, ctx, [pages.url('/siemens'), 'en']);
    expect(await usage(svc)).toEqual(['LLM: 321 of 10,000 tokens today']);
  });

  it('given another workspace spent tokens, then this workspace\'s line does not count them', async () => {
    const svc = services();
    fake.script(completion({ sentences: FAITHFUL }, 500));
    await summarizeCommand.run(svc, { ...ctx, workspaceId: 'slack:T2' }, [pages.url('/siemens'), 'en']);
    expect(await usage(svc)).toEqual(['LLM: 0 of 10,000 tokens today']);
  });

  it('given no LLM configured, then the list has no usage section', async () => {
    const svc = { ...services(), llm: undefined } as unknown as CommandServices;
    expect(await usage(svc)).toBeUndefined();
  });
});
