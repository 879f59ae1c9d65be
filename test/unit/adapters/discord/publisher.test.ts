import { DiscordAPIError, HTTPError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { messageNonce, publishError } from '../../../../adapters/discord/publisher.ts';

describe('publisher helpers', () => {
  it('given an idempotency key and part index, then the nonce is stable, at most 25 characters and differs per part and key', () => {
    const key = 'morning-markets|2025-03-01T07:30:00.000Z|discord:1234567890123456789';
    expect(messageNonce(key, 0)).toBe(messageNonce(key, 0));
    expect(messageNonce(key, 0)).not.toBe(messageNonce(key, 1));
    expect(messageNonce(key, 0)).not.toBe(messageNonce(`${key}x`, 0));
    for (const i of [0, 9, 10, 99, 1000]) expect(messageNonce(key, i).length).toBeLessThanOrEqual(25);
  });

  it('given Discord errors, then 10003/404 are channel-missing, 50001/50013/403 forbidden, anything else failed', () => {
    const apiError = (code: number, status: number) => new DiscordAPIError({ code, message: 'x' }, code, status, 'POST', '/x', { body: {} });
    expect(publishError(apiError(10003, 404), {}).code).toBe('publish/channel-missing');
    expect(publishError(apiError(0, 404), {}).code).toBe('publish/channel-missing');
    expect(publishError(apiError(50001, 403), {}).code).toBe('publish/forbidden');
    expect(publishError(apiError(50013, 403), {}).code).toBe('publish/forbidden');
    expect(publishError(apiError(50035, 400), {}).code).toBe('publish/failed');
    expect(publishError(new HTTPError(502, 'Bad Gateway', 'POST', '/x', { body: {} }), {}).code).toBe('publish/failed');
    expect(publishError(new Error('socket hang up'), {}).code).toBe('publish/failed');
  });
});
