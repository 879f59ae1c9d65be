import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../adapters/cli/run-cli.ts';
import { loadConfig } from '../../../src/config.ts';
import { buildDigest } from '../../../src/digests/build-digest.ts';
import { digestDefinitionSchema } from '../../../src/digests/definition.ts';
import { createConfiguredLlm } from '../../../src/llm/from-config.ts';
import { silentLogger } from '../../../src/ports.ts';
import { readFolderSource } from '../../../src/sources/folder.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open.ts';
import { completion, startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai/fake-openai.ts';
import { FAITHFUL, GERMAN_ARTICLE, withSentence } from './article.ts';

const clock = { now: () => new Date('2026-12-07T10:00:00Z') };
let fake: FakeOpenAi;
let dir: string;

beforeEach(async () => {
  fake = await startFakeOpenAi();
  dir = await mkdtemp(join(tmpdir(), 'digestbot-llm-'));
  await writeFile(join(dir, 'siemens.txt'), GERMAN_ARTICLE);
});
afterEach(async () => {
  await fake.close();
});

const env = (): Record<string, string> => ({ LLM_BASE_URL: fake.baseUrl, LLM_MODEL: 'fake-model', LLM_DAILY_TOKENS: '50000' });

describe('a digest definition with summary: llm', () => {
  it('given an English summary of a German article, then the entry is marked model-written, the bad sentence dropped and the footer counts tokens', async () => {
    fake.script(completion(withSentence(1, 'Profit rose 34 percent to 2.6 billion euros.'), 777));
    const store = openSqliteStore(':memory:');
    const llm = createConfiguredLlm(loadConfig(env()).llm, store, clock, silentLogger);
    if (llm === null) throw new Error('LLM configured');
    const def = digestDefinitionSchema.parse({
      name: 'tech', title: 'Tech digest', language: 'en', summary: 'llm', summaryLanguage: 'en',
      sources: [{ type: 'folder', name: 'Handelsblatt', path: dir }],
    });
    const { message } = await buildDigest({
      store, clock, logger: silentLogger, engineVersion: 't', llm, readFolder: (source) => readFolderSource(source.path),
    }, def);
    const lines = message.sections[0]?.lines ?? [];
    expect(lines[0]).toBe('(model-written summary, every number and name checked against the article)');
    expect(lines).toContain(FAITHFUL[0]?.text);
    expect(lines.join(' ')).not.toContain('34 percent');
    expect(message.footer).toContain('LLM: 777 of 50,000 tokens today');
  });

  it('given a folder article cached while no LLM was configured (no sentence split kept), then its bytes are split again and the model summary is posted', async () => {
    fake.script(completion({ sentences: FAITHFUL }));
    const store = openSqliteStore(':memory:');
    const def = digestDefinitionSchema.parse({
      name: 'tech', title: 'Tech', language: 'en', summary: 'llm', summaryLanguage: 'en', sources: [{ type: 'folder', name: 'HB', path: dir }],
    });
    const base = { store, clock, logger: silentLogger, engineVersion: 't', readFolder: (s: { path: string }) => readFolderSource(s.path) };
    await buildDigest(base, def); // no LLM: digested and cached as the digest alone
    const hash = createHash('sha256').update(GERMAN_ARTICLE).digest('hex');
    const entry = JSON.parse((await store.digestCache.get(hash, 't')) ?? 'null') as Record<string, unknown>;
    expect(entry).toHaveProperty('summary');
    expect(entry).not.toHaveProperty('articleText');
    const llm = createConfiguredLlm(loadConfig(env()).llm, store, clock, silentLogger);
    if (llm === null) throw new Error('LLM configured');
    const { message } = await buildDigest({ ...base, llm }, def);
    expect(message.sections[0]?.lines[0]).toBe('(model-written summary, every number and name checked against the article)');
    expect(message.sections[0]?.lines).toContain(FAITHFUL[2]?.text);
    expect(fake.requests).toHaveLength(1);
  });

  it('given no LLM configured, then the same definition posts the extractive summary unmarked', async () => {
    const store = openSqliteStore(':memory:');
    const def = digestDefinitionSchema.parse({ name: 'tech', title: 'Tech', summary: 'llm', sources: [{ type: 'folder', name: 'HB', path: dir }] });
    const { message } = await buildDigest({ store, clock, logger: silentLogger, engineVersion: 't', readFolder: (s) => readFolderSource(s.path) }, def);
    expect(message.sections[0]?.lines[0]).toMatch(/^Der /u);
    expect(message.footer ?? '').not.toContain('LLM');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('digestbot digest --lang en --json', () => {
  it('given the fake server, then the JSON carries the model summary and each sentence\'s grounding result', async () => {
    fake.script(completion(withSentence(3, 'The forecast for the full year was lowered.')));
    const config = loadConfig({ ...env(), DATA_DIR: join(dir, 'data') });
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (d: Buffer) => { out += d.toString(); });
    const code = await runCli(['digest', join(dir, 'siemens.txt'), '--lang', 'en', '--json'], { stdin: new PassThrough(), stdout, stderr: new PassThrough(), cwd: dir }, {
      projectRoot: dir, fetch: config.fetch, store: config.store, llm: config.llm,
      startBot: () => Promise.reject(new Error('no bot')), discordCli: () => Promise.reject(new Error('no discord')),
    });
    expect(code).toBe(0);
    const json = JSON.parse(out) as { summaryKind: string; summary: string[]; summaryGrounding: { supported: boolean; problems: { kind: string }[] }[] };
    expect(json.summaryKind).toBe('llm');
    expect(json.summaryGrounding.map((g) => g.supported)).toEqual([true, true, true, false]);
    expect(json.summaryGrounding[3]?.problems[0]?.kind).toBe('negation');
    expect(json.summary).toHaveLength(3);
  });
});
