/**
 * The `ChatModel` port and its one implementation: plain fetch to an
 * OpenAI-compatible `POST {baseUrl}/chat/completions` (Ollama, vLLM,
 * llama.cpp server, hosted providers). Each attempt has a timeout; 429 and
 * 5xx answers and network failures are retried with exponential backoff,
 * waiting what `Retry-After` asks when the server says (capped).
 */
import { z } from 'zod';
import { DigestError } from '../errors.ts';

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export interface ChatReply {
  text: string;
  /** Tokens the provider counted for prompt and answer (estimated when it does not say). */
  tokens: number;
}

/** A chat-completion model behind any provider. */
export interface ChatModel {
  /** The model name, part of the cache key. */
  readonly model: string;
  complete(messages: readonly ChatMessage[], maxTokens: number): Promise<ChatReply>;
}

export interface OpenAiChatOptions {
  /** Base URL including the API version, e.g. `http://127.0.0.1:11434/v1`. */
  baseUrl: string;
  model: string;
  /** Sent as a Bearer token when set. @defaultValue none */
  apiKey?: string | null;
  /** Time allowed for one attempt, in ms. @defaultValue 30000 */
  timeoutMs?: number;
  /** Further attempts after a 429, a 5xx, a timeout or a network failure. @defaultValue 2 */
  retries?: number;
  /** First backoff, doubled per attempt, in ms. @defaultValue 500 */
  backoffMs?: number;
  /** Longest wait honoured from `Retry-After`, in ms. @defaultValue 30000 */
  maxRetryAfterMs?: number;
  /** Injected for tests. @defaultValue globalThis.fetch */
  fetch?: typeof fetch;
  /** Injected for tests. @defaultValue setTimeout */
  sleep?: (ms: number) => Promise<void>;
}

const replySchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
  usage: z.object({ total_tokens: z.number().int().nonnegative() }).partial().optional(),
});

/** Rough token count (four characters a token) for providers that report no usage. */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date), or null. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

class Retryable extends Error {
  constructor(readonly error: DigestError, readonly waitMs: number | null) {
    super(error.message);
  }
}

async function attempt(o: Required<Omit<OpenAiChatOptions, 'apiKey'>> & { apiKey: string | null }, body: string): Promise<ChatReply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (o.apiKey !== null) headers['authorization'] = `Bearer ${o.apiKey}`;
  let res: Response;
  try {
    res = await o.fetch(`${o.baseUrl.replace(/\/+$/u, '')}/chat/completions`, { method: 'POST', headers, body, signal: AbortSignal.timeout(o.timeoutMs) });
  } catch (err) {
    const timeout = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    throw new Retryable(new DigestError(timeout ? 'llm/timeout' : 'llm/network', timeout ? 'the model did not answer in time' : 'the model server is unreachable', { cause: err }), null);
  }
  if (res.status === 429 || res.status >= 500) {
    await res.body?.cancel();
    const error = new DigestError(res.status === 429 ? 'llm/rate-limited' : 'llm/http-status', `the model server answered ${String(res.status)}`, { context: { status: res.status } });
    throw new Retryable(error, retryAfterMs(res.headers.get('retry-after'), Date.now()));
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new DigestError('llm/http-status', `the model server answered ${String(res.status)}`, { context: { status: res.status } });
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch (err) {
    throw new DigestError('llm/invalid-output', 'the model server sent no JSON', { cause: err });
  }
  const parsed = replySchema.safeParse(json);
  if (!parsed.success) throw new DigestError('llm/invalid-output', 'the model server sent no chat completion', { cause: parsed.error });
  const text = parsed.data.choices[0]?.message.content ?? '';
  return { text, tokens: parsed.data.usage?.total_tokens ?? estimateTokens(body) + estimateTokens(text) };
}

/** An OpenAI-compatible chat model over fetch. */
export function createOpenAiChatModel(options: OpenAiChatOptions): ChatModel {
  const o = {
    baseUrl: options.baseUrl, model: options.model, apiKey: options.apiKey ?? null, timeoutMs: options.timeoutMs ?? 30_000,
    retries: options.retries ?? 2, backoffMs: options.backoffMs ?? 500, maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
    fetch: options.fetch ?? globalThis.fetch, sleep: options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
  };
  return {
    model: o.model,
    async complete(messages, maxTokens) {
      const body = JSON.stringify({ model: o.model, messages, max_tokens: maxTokens, temperature: 0, response_format: { type: 'json_object' } });
      for (let i = 0; ; i++) {
        try {
          return await attempt(o, body);
        } catch (err) {
          if (!(err instanceof Retryable)) throw err;
          if (i >= o.retries) throw err.error;
          const wait = err.waitMs === null ? o.backoffMs * 2 ** i : Math.min(err.waitMs, o.maxRetryAfterMs);
          await o.sleep(wait);
        }
      }
    },
  };
}
