import { describe, expect, it } from 'vitest';
import { createOpenAiChatModel, retryAfterMs } from '../../../src/llm/chat-model.ts';

const ok = (content: string): Response => new Response(JSON.stringify({ choices: [{ message: { content } }], usage: { total_tokens: 42 } }), { status: 200 });

describe('retryAfterMs', () => {
  it('given seconds, an HTTP date or nothing, then the wait in ms or null', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    expect(retryAfterMs('2', now)).toBe(2000);
    expect(retryAfterMs('Mon, 07 Dec 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
  });
});

describe('createOpenAiChatModel', () => {
  it('given a 400, then it fails at once as llm/http-status without retrying', async () => {
    let calls = 0;
    const model = createOpenAiChatModel({ baseUrl: 'http://x/v1', model: 'm', fetch: async () => { calls++; return new Response('{}', { status: 400 }); }, sleep: async () => {} });
    await expect(model.complete([{ role: 'user', content: 'hi' }], 10)).rejects.toMatchObject({ code: 'llm/http-status' });
    expect(calls).toBe(1);
  });

  it('given 502 three times with two retries, then it waits 500 and 1000 ms and fails as llm/http-status', async () => {
    const waits: number[] = [];
    const model = createOpenAiChatModel({
      baseUrl: 'http://x/v1/', model: 'm', fetch: async () => new Response('bad gateway', { status: 502 }), sleep: async (ms) => { waits.push(ms); },
    });
    await expect(model.complete([{ role: 'user', content: 'hi' }], 10)).rejects.toMatchObject({ code: 'llm/http-status' });
    expect(waits).toEqual([500, 1000]);
  });

  it('given a Retry-After longer than the cap, then the wait is capped', async () => {
    const waits: number[] = [];
    let calls = 0;
    const model = createOpenAiChatModel({
      baseUrl: 'http://x/v1', model: 'm', maxRetryAfterMs: 5000, sleep: async (ms) => { waits.push(ms); },
      fetch: async () => (calls++ === 0 ? new Response('', { status: 429, headers: { 'retry-after': '3600' } }) : ok('{}')),
    });
    await expect(model.complete([{ role: 'user', content: 'hi' }], 10)).resolves.toEqual({ text: '{}', tokens: 42 });
    expect(waits).toEqual([5000]);
  });

  it('given a body without choices, then it fails as llm/invalid-output', async () => {
    const model = createOpenAiChatModel({ baseUrl: 'http://x/v1', model: 'm', fetch: async () => new Response('{"error":"x"}', { status: 200 }) });
    await expect(model.complete([{ role: 'user', content: 'hi' }], 10)).rejects.toMatchObject({ code: 'llm/invalid-output' });
  });
});
