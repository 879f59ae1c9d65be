/**
 * The Slack publisher through the real Web API client against the fake:
 * chat.postMessage bodies, 429 with Retry-After, and error mapping.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DigestError, silentLogger, type Message } from '../../../src/index.ts';
import { startSlackAdapter } from '../../../adapters/slack/start-slack.ts';
import { createFakeChatCore } from '../../fakes/fake-chat-core.ts';
import { limitViolations, longMessage } from '../../fakes/slack/block-kit-checks.ts';
import { startFakeSlackApi } from '../../fakes/slack/fake-slack-api.ts';
import { startSlackHarness, type SlackHarness } from './harness.ts';

let h: SlackHarness | null = null;

afterEach(async () => {
  await h?.close();
  h = null;
});

const DIGEST: Message = {
  title: 'Morning markets',
  subtitle: 'Thu 2 May · 2 sources',
  sections: [
    { heading: 'ACME Corp', lines: ['Revenue rose 12% to €4.2bn', 'Margins <shrink> & costs rise'], links: [{ label: 'Q1 report | PDF', url: 'https://example.org/q1?lang=en&v=2' }] },
    { heading: 'Globex', lines: ['Guidance unchanged'] },
  ],
  footer: 'Sources: 2 healthy',
};

async function publishError(promise: Promise<unknown>): Promise<DigestError> {
  const err: unknown = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DigestError);
  return err as DigestError;
}

describe('Slack publisher', () => {
  it('given a digest for a channel, then its blocks arrive via chat.postMessage and the ref is the message ts', async () => {
    h = await startSlackHarness();
    const { ref } = await h.adapter.publisher.publish('slack:C0777', DIGEST, 'morning|2024-05-02T05:30:00Z|slack:C0777');
    expect(h.api.posted).toHaveLength(1);
    const [post] = h.api.posted;
    expect(ref).toBe(post?.ts);
    expect(post?.channel).toBe('C0777');
    expect(post?.params['thread_ts']).toBeUndefined();
    expect(post?.text).toBe('Morning markets — Thu 2 May · 2 sources');
    expect(post?.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Morning markets', emoji: true } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Thu 2 May · 2 sources' }] },
      { type: 'section', text: { type: 'mrkdwn', text: '*ACME Corp*\n• Revenue rose 12% to €4.2bn\n• Margins &lt;shrink&gt; &amp; costs rise\n• <https://example.org/q1?lang=en&amp;v=2|Q1 report ∣ PDF>' } },
      { type: 'divider' },
      { type: 'section', text: { type: 'mrkdwn', text: '*Globex*\n• Guidance unchanged' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Sources: 2 healthy' }] },
    ]);
    expect(h.api.callsOf('chat.postMessage')[0]?.token).toBe('xoxb-test-token');
  });

  it('given a digest longer than every limit, then it is posted as several messages within the limits and the ref is the first', async () => {
    h = await startSlackHarness();
    const { ref } = await h.adapter.publisher.publish('slack:C0777', longMessage(), 'k');
    expect(h.api.posted.length).toBeGreaterThan(1);
    for (const post of h.api.posted) expect(limitViolations(post)).toEqual([]);
    expect(ref).toBe(h.api.posted[0]?.ts);
  });

  it('given a 429 with Retry-After on the first try, then the post is retried after the wait and arrives once', async () => {
    h = await startSlackHarness({ retry: { retries: 2, minTimeout: 0, maxTimeout: 0 } });
    h.api.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const { ref } = await h.adapter.publisher.publish('slack:C0777', DIGEST, 'k');
    const attempts = h.api.callsOf('chat.postMessage');
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(h.api.posted).toHaveLength(1);
    expect(ref).toBe(h.api.posted[0]?.ts);
  });

  it('given Slack errors, then channel_not_found is publish/channel-missing, missing rights publish/forbidden, others publish/failed', async () => {
    h = await startSlackHarness();
    const cases: [string, string][] = [
      ['channel_not_found', 'publish/channel-missing'],
      ['not_in_channel', 'publish/forbidden'],
      ['missing_scope', 'publish/forbidden'],
      ['channel_is_archived', 'publish/forbidden'],
      ['restricted_action', 'publish/forbidden'],
      ['internal_error', 'publish/failed'],
    ];
    for (const [slackError, code] of cases) {
      h.api.failNext('chat.postMessage', { error: slackError });
      const error = await publishError(h.adapter.publisher.publish('slack:C0404', DIGEST, 'k'));
      expect([slackError, error.code]).toEqual([slackError, code]);
    }
    h.api.failNext('chat.postMessage', { status: 503 });
    expect((await publishError(h.adapter.publisher.publish('slack:C0404', DIGEST, 'k'))).code).toBe('publish/failed');
    expect(h.api.posted).toEqual([]);
    expect(h.logger.lines.filter((l) => l.msg === 'slack publish failed')).toHaveLength(cases.length + 1);
  });

  it('given a channel of another platform, then publish/channel-missing and nothing is posted', async () => {
    h = await startSlackHarness();
    expect((await publishError(h.adapter.publisher.publish('discord:123', DIGEST, 'k'))).code).toBe('publish/channel-missing');
    expect(h.api.callsOf('chat.postMessage')).toEqual([]);
  });

  it('given a bot token Slack rejects, then the adapter does not start and says why', async () => {
    const api = await startFakeSlackApi({ botToken: 'xoxb-other' });
    try {
      const started = startSlackAdapter({
        config: { botToken: 'xoxb-test-token', mode: 'http', signingSecret: 's', appToken: null, port: 0, host: '127.0.0.1', apiUrl: api.apiUrl },
        core: createFakeChatCore(), logger: silentLogger, adminUserIds: [], retry: { retries: 0 },
      });
      const error = await publishError(started);
      expect(error.code).toBe('config/invalid');
      expect(api.callsOf('auth.test')).toHaveLength(1);
    } finally {
      await api.close();
    }
  });
});
