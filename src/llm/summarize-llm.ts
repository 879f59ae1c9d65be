/**
 * The LLM summary, end to end: cache → budget → breaker → model → parse →
 * language check → grounding of every sentence (src/engine/ground) → drop
 * the failing sentences → if less than half the word budget is left, the
 * extractive summary instead. Never throws for a provider failure: the
 * outcome says which summary was used and why.
 */
import { createHash } from 'node:crypto';
import { groundSentence, prepareSource, type GroundedSentence } from '../engine/ground/index.ts';
import { rulesOf } from '../engine/ground/ground-text.ts';
import { detectLanguage } from '../engine/language.ts';
import type { RuleLanguage } from '../engine/types.ts';
import { toDigestError } from '../errors.ts';
import type { Clock, Logger } from '../ports.ts';
import type { LlmLedger } from '../store/port.ts';
import { estimateTokens, type ChatModel } from './chat-model.ts';
import { CircuitBreaker, ConcurrencyLimit, TokenBudget, type BreakerOptions } from './guard.ts';
import { PROMPT_VERSION, parseOutput, plainText, summaryPrompt, type LlmOutput } from './prompt.ts';

/** Output language of a summary: German, English, or the article's own. */
export type SummaryLanguage = 'de' | 'en' | 'article';

export interface LlmSummarizerOptions {
  model: ChatModel;
  ledger: LlmLedger;
  clock: Clock;
  logger: Logger;
  /** Tokens each workspace may spend per UTC day. */
  dailyTokens: number;
  /** Article text sent at most, in tokens (estimated). */
  maxInputTokens: number;
  /** Longest answer asked for, in tokens. */
  maxOutputTokens: number;
  /** Model calls at once. @defaultValue 2 */
  concurrency?: number;
  /** Words a summary should have; less than half of it left after grounding means the extractive summary. @defaultValue 50 */
  words?: number;
  breaker?: BreakerOptions;
}

/**
 * The article as the model and the check need it: title, detected language, the language rules it is read
 * with, and the engine's sentence split (a sentence's id is its position). An analysed article is one; so is
 * the split kept in the digest cache.
 */
export interface LlmArticle {
  title: string | null;
  language: string;
  rules: RuleLanguage;
  sentences: readonly { text: string }[];
}

export interface LlmSummaryRequest {
  workspaceId: string;
  /** Hash of the article's content (the digest cache's key). */
  contentHash: string;
  article: LlmArticle;
  /** The engine's extractive summary, used when the model's is not used. */
  extractive: readonly string[];
  language: SummaryLanguage;
}

/** The summary to post and how it came about. */
export interface LlmSummary {
  /** `llm`: written by the model and grounded; `extractive`: the article's own sentences. */
  kind: 'llm' | 'extractive';
  language: string;
  /** Plain text, mentions defused. */
  sentences: string[];
  /** Every model sentence with its grounding result (empty when the model was not asked or failed). */
  grounding: GroundedSentence[];
  /** Why the extractive summary was used. */
  reason?: string;
  /** Whether the answer came from the cache (no tokens spent). */
  cached: boolean;
}

export interface LlmSummarizer {
  summarize(request: LlmSummaryRequest): Promise<LlmSummary>;
  /** The workspace's token use today, for the health line. */
  usageLine(workspaceId: string): Promise<string>;
}

const wordCount = (sentences: readonly string[]): number => sentences.join(' ').split(/\s+/u).filter((w) => w !== '').length;

/** The language a summary is written in. */
export function targetLanguage(language: SummaryLanguage, article: Pick<LlmArticle, 'rules'>): RuleLanguage {
  return language === 'article' ? article.rules : language;
}

/** Creates the summarizer with its breaker, limit and budget. */
export function createLlmSummarizer(options: LlmSummarizerOptions): LlmSummarizer {
  const breaker = new CircuitBreaker(options.clock, options.breaker);
  const limit = new ConcurrencyLimit(options.concurrency ?? 2);
  const budget = new TokenBudget(options.ledger, options.clock, options.dailyTokens);
  const words = options.words ?? 50;

  async function answer(request: LlmSummaryRequest, language: RuleLanguage): Promise<{ output: LlmOutput; cached: boolean }> {
    const key = createHash('sha256').update([request.contentHash, options.model.model, PROMPT_VERSION, language].join('\n')).digest('hex');
    const hit = await options.ledger.cacheGet(key);
    if (hit !== null) return { output: parseOutput(hit), cached: true };
    const messages = summaryPrompt(request.article.title, request.article.sentences, language, words, options.maxInputTokens);
    await budget.reserve(request.workspaceId, estimateTokens(messages.map((m) => m.content).join('\n')) + options.maxOutputTokens);
    const reply = await limit.run(() => breaker.run(() => options.model.complete(messages, options.maxOutputTokens)));
    await budget.record(request.workspaceId, reply.tokens);
    const output = parseOutput(reply.text);
    await options.ledger.cachePut(key, JSON.stringify(output), options.clock.now().toISOString());
    return { output, cached: false };
  }

  return {
    usageLine: (workspaceId) => budget.line(workspaceId),
    async summarize(request) {
      const language = targetLanguage(request.language, request.article);
      const fallback = (reason: string, grounding: GroundedSentence[] = [], cached = false): LlmSummary => ({
        kind: 'extractive', language: request.article.language, sentences: [...request.extractive], grounding, reason, cached,
      });
      let got: { output: LlmOutput; cached: boolean };
      try {
        got = await answer(request, language);
      } catch (err) {
        const e = toDigestError(err);
        options.logger.warn('llm summary failed; extractive summary used', { code: e.code, workspaceId: request.workspaceId });
        return fallback(e.code);
      }
      const texts = got.output.sentences.map((s) => s.text);
      const detected = detectLanguage(texts.join(' ')).language;
      if ((detected !== 'und' && detected !== language) || rulesOf(texts.join(' '), language) !== language) {
        return fallback('llm/wrong-language', [], got.cached);
      }
      const prepared = prepareSource(request.article);
      const grounding = got.output.sentences.map((s) => groundSentence(prepared, s, language));
      const kept = grounding.filter((g) => g.supported).map((g) => plainText(g.text)).filter((t) => t !== '');
      // Less than half the word budget survived the check: the article's own sentences instead.
      if (wordCount(kept) < words / 2) return fallback('llm/ungrounded', grounding, got.cached);
      return { kind: 'llm', language, sentences: kept, grounding, cached: got.cached };
    },
  };
}
