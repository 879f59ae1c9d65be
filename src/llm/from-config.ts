/** The LLM summarizer the configuration asks for, or null when LLM_BASE_URL is unset (every summary extractive). */
import type { LlmConfig } from '../config.ts';
import type { Clock, Logger } from '../ports.ts';
import type { Store } from '../store/port.ts';
import { createOpenAiChatModel } from './chat-model.ts';
import { createLlmSummarizer, type LlmSummarizer } from './summarize-llm.ts';

export function createConfiguredLlm(config: LlmConfig | null, store: Store, clock: Clock, logger: Logger): LlmSummarizer | null {
  if (config === null || store.llm === undefined) return null;
  const model = createOpenAiChatModel({ baseUrl: config.baseUrl, model: config.model, apiKey: config.apiKey, timeoutMs: config.timeoutMs });
  return createLlmSummarizer({
    model, ledger: store.llm, clock, logger, dailyTokens: config.dailyTokens, maxInputTokens: config.maxInputTokens,
    maxOutputTokens: config.maxOutputTokens, concurrency: config.concurrency,
  });
}
