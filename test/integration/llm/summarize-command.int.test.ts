import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandServices } from '../../../src/commands/services.ts';
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
