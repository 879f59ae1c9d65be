import { afterEach, describe, expect, it } from 'vitest';
import { DigestError, type Message } from '../../../src/index.ts';
import { embedLimitViolations, longMessage } from '../../fakes/discord/embed-limits.ts';
import { discordFailures, snowflake } from '../../fakes/discord/fake-discord.ts';
import { startDiscordHarness, type DiscordHarness } from '../../fakes/discord/harness.ts';

const DIGEST: Message = {
  title: 'Morning markets', subtitle: '1 March 2025 · 2 articles',
  sections: [{ heading: 'Rates steady', lines: ['The central bank kept rates at 4%.'], links: [{ label: 'Reuters', url: 'https://example.org/r/1' }] }],
  footer: 'All sources healthy',
};

interface PostBody {
  nonce?: string;
  enforce_nonce?: boolean;
  embeds?: { title?: string }[];
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    return err instanceof DigestError ? err.code : `not a DigestError: ${String(err)}`;
  }
  return 'resolved';
}

describe('Discord publisher against the fake REST API', () => {
  let h: DiscordHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('given 20 channels and 429s with retry-after on some posts, then every channel gets the digest exactly once, with nonces', async () => {
    h = await startDiscordHarness({ channels: 20 });
    const limited = h.channelIds.filter((_, i) => i % 4 === 1);
    for (const id of limited) h.fake.failNext(`/channels/${id}/messages`, discordFailures.rateLimited(0.05), { method: 'POST' });
    h.fake.failNext(`/channels/${limited[0]}/messages`, discordFailures.rateLimited(0.05), { method: 'POST' });
    const { publisher } = h.adapter;
    const results = await Promise.all(h.channelIds.map((id) => publisher.publish(`discord:${id}`, DIGEST, `morning|2025-03-01T07:00Z|discord:${id}`)));

    const perChannel = new Map<string, number>();
    for (const m of h.fake.messages) perChannel.set(m.channelId, (perChannel.get(m.channelId) ?? 0) + 1);
    expect(Object.fromEntries(perChannel)).toEqual(Object.fromEntries(h.channelIds.map((id) => [id, 1])));
    expect(results.map((r) => r.ref)).toEqual(h.channelIds.map((id) => h?.fake.messages.find((m) => m.channelId === id)?.id));

    const posts = h.fake.calls.filter((c) => c.method === 'POST' && c.path.startsWith('/channels/'));
    expect(posts.filter((c) => c.status === 429)).toHaveLength(limited.length + 1);
    for (const post of posts) {
      const b = post.body as PostBody;
      expect(b.nonce?.length).toBeGreaterThan(0);
      expect(b.nonce?.length).toBeLessThanOrEqual(25);
      expect(b.enforce_nonce).toBe(true);
      expect(post.headers['authorization']).toBe('Bot test-token');
    }
    for (const id of limited) {
      const tries = posts.filter((c) => c.path === `/channels/${id}/messages`);
      expect(new Set(tries.map((c) => (c.body as PostBody).nonce)).size).toBe(1);
      const [first, second] = tries;
      expect((second?.time ?? 0) - (first?.time ?? 0)).toBeGreaterThanOrEqual(45);
    }
    expect(new Set(h.fake.messages.map((m) => m.nonce)).size).toBe(20);
  });

  it('given the same run published again after a crash, then the nonce makes Discord keep one message', async () => {
    h = await startDiscordHarness();
    const channel = `discord:${h.channelIds[0]}`;
    const first = await h.adapter.publisher.publish(channel, DIGEST, 'morning|2025-03-01T07:00Z');
    const again = await h.adapter.publisher.publish(channel, DIGEST, 'morning|2025-03-01T07:00Z');
    expect(again.ref).toBe(first.ref);
    expect(h.fake.messages).toHaveLength(1);
    await h.adapter.publisher.publish(channel, DIGEST, 'morning|2025-03-02T07:00Z');
    expect(h.fake.messages).toHaveLength(2);
  });

  it('given a digest longer than every limit, then it is posted as several messages in order, each within the limits', async () => {
    h = await startDiscordHarness();
    const { ref } = await h.adapter.publisher.publish(`discord:${h.channelIds[0]}`, longMessage(), 'long|1');
    expect(h.fake.messages.length).toBeGreaterThanOrEqual(3);
    expect(ref).toBe(h.fake.messages[0]?.id);
    for (const m of h.fake.messages) expect(embedLimitViolations(m.body as { embeds?: [] })).toEqual([]);
    expect(new Set(h.fake.messages.map((m) => m.nonce)).size).toBe(h.fake.messages.length);
    expect((h.fake.messages[0]?.body as PostBody).embeds?.[0]?.title?.startsWith('L')).toBe(true);
  });

  it('given an unknown channel, then publish fails with publish/channel-missing', async () => {
    h = await startDiscordHarness();
    expect(await codeOf(h.adapter.publisher.publish(`discord:${snowflake()}`, DIGEST, 'k'))).toBe('publish/channel-missing');
    expect(await codeOf(h.adapter.publisher.publish('slack:C123', DIGEST, 'k'))).toBe('publish/channel-missing');
  });

  it('given a channel the bot may not post in, then publish fails with publish/forbidden', async () => {
    const locked = snowflake();
    h = await startDiscordHarness({ extraChannels: [{ id: locked, canSend: false }] });
    expect(await codeOf(h.adapter.publisher.publish(`discord:${locked}`, DIGEST, 'k'))).toBe('publish/forbidden');
    h.fake.failNext(`/channels/${h.channelIds[0]}/messages`, discordFailures.missingAccess());
    expect(await codeOf(h.adapter.publisher.publish(`discord:${h.channelIds[0]}`, DIGEST, 'k'))).toBe('publish/forbidden');
    expect(h.fake.messages).toHaveLength(0);
  });

  it('given Discord keeps failing with 500, then publish fails with the transient publish/failed after the retries', async () => {
    h = await startDiscordHarness();
    const path = `/channels/${h.channelIds[0]}/messages`;
    h.fake.failNext(path, discordFailures.serverError(), { times: 10 });
    expect(await codeOf(h.adapter.publisher.publish(`discord:${h.channelIds[0]}`, DIGEST, 'k'))).toBe('publish/failed');
    expect(h.fake.calls.filter((c) => c.path === path).length).toBeGreaterThan(1);
    expect(h.logs.some((l) => l.level === 'warn' && l.meta?.['code'] === 'publish/failed')).toBe(true);
  });
});
