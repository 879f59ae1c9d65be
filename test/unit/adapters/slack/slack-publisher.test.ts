/** The Slack publisher over a recording chat.postMessage: parts in order, the ref, error codes. */
import { describe, expect, it } from 'vitest';
import { createSlackPublisher, toPublishError, type SlackPostMessage } from '../../../../adapters/slack/slack-publisher.ts';
import { DigestError, silentLogger, type Message } from '../../../../src/index.ts';
import { longMessage } from '../../../fakes/slack/block-kit-checks.ts';

/** An error shaped like @slack/web-api's platform error (`ok: false` answers). */
function platformError(error: string): Error {
  return Object.assign(new Error(`An API error occurred: ${error}`), { code: 'slack_webapi_platform_error', data: { ok: false, error } });
}

const MESSAGE: Message = { title: 'T', sections: [{ lines: ['a'] }] };

describe('createSlackPublisher', () => {
  it('given a long message, then every part is posted in order to the channel id, unfurling off, and the ref is the first ts', async () => {
    const posts: Parameters<SlackPostMessage>[0][] = [];
    const publisher = createSlackPublisher((args) => {
      posts.push(args);
      return Promise.resolve({ ts: `1.${posts.length}` });
    }, silentLogger);
    expect(await publisher.publish('slack:C1', longMessage(), 'k')).toEqual({ ref: '1.1' });
    expect(posts.length).toBeGreaterThan(1);
    expect(posts.map((p) => [p.channel, p.unfurl_links, p.unfurl_media])).toEqual(posts.map(() => ['C1', false, false]));
    expect(posts.map((p) => p.text.endsWith(`/${posts.length})`))).toEqual(posts.map(() => true));
  });

  it('given a failure on the second part, then publish rejects with the mapped code after posting the first', async () => {
    let calls = 0;
    const publisher = createSlackPublisher(() => {
      calls += 1;
      return calls === 2 ? Promise.reject(platformError('not_in_channel')) : Promise.resolve({ ts: '1.1' });
    }, silentLogger);
    await expect(publisher.publish('slack:C1', longMessage(), 'k')).rejects.toMatchObject({ code: 'publish/forbidden' });
    expect(calls).toBe(2);
  });

  it('given a channel that is not slack:<id>, then publish/channel-missing without posting', async () => {
    let calls = 0;
    const publisher = createSlackPublisher(() => {
      calls += 1;
      return Promise.resolve({});
    }, silentLogger);
    for (const channel of ['slack:', 'C1', 'discord:1']) await expect(publisher.publish(channel, MESSAGE, 'k')).rejects.toMatchObject({ code: 'publish/channel-missing' });
    expect(calls).toBe(0);
  });
});

describe('toPublishError', () => {
  it.each([
    ['channel_not_found', 'publish/channel-missing'],
    ['not_in_channel', 'publish/forbidden'],
    ['missing_scope', 'publish/forbidden'],
    ['channel_is_archived', 'publish/forbidden'],
    ['restricted_action', 'publish/forbidden'],
    ['restricted_action_read_only_channel', 'publish/forbidden'],
    ['ratelimited', 'publish/failed'],
    ['internal_error', 'publish/failed'],
  ])('given Slack error %s, then %s', (slackError, code) => {
    const error = toPublishError(platformError(slackError), 'slack:C1');
    expect(error).toBeInstanceOf(DigestError);
    expect([error.code, error.context?.['slackError']]).toEqual([code, slackError]);
  });

  it('given a network or HTTP failure, then publish/failed keeping the cause', () => {
    const cause = Object.assign(new Error('socket hang up'), { code: 'slack_webapi_request_error' });
    const error = toPublishError(cause, 'slack:C1');
    expect([error.code, error.cause]).toEqual(['publish/failed', cause]);
  });
});
