import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';

describe('LLM configuration', () => {
  it('given no LLM keys, then LLM summaries are off', () => {
    expect(loadConfig({}).llm).toBeNull();
  });

  it('given base URL and model, then the defaults apply and the key stays optional', () => {
    expect(loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'qwen2.5:7b' }).llm).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1', model: 'qwen2.5:7b', apiKey: null, dailyTokens: 200_000, maxInputTokens: 3000,
      maxOutputTokens: 400, timeoutMs: 30_000, concurrency: 2,
    });
  });

  it('given a base URL without a model, or a model without a URL, then loading fails naming the missing key', () => {
    expect(() => loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1' })).toThrow(/LLM_MODEL/u);
    expect(() => loadConfig({ LLM_MODEL: 'm' })).toThrow(/LLM_BASE_URL/u);
    expect(() => loadConfig({ LLM_BASE_URL: 'ftp://x', LLM_MODEL: 'm' })).toThrow(/LLM_BASE_URL/u);
  });
});
