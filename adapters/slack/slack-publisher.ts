/**
 * The MessagePublisher for Slack: scheduled digests go to `slack:<channel id>`
 * with chat.postMessage, one call per rendered payload, in order. Slack
 * errors become the core's publish codes: a missing channel and missing
 * rights are permanent, everything else is transient (the core retries).
 * Slack has no idempotency key for chat.postMessage; the key is only logged.
 */
import { webApi } from '@slack/bolt';
import { DigestError, type Logger, type Message, type MessagePublisher } from '../../src/index.ts';
import { renderBlocks, type SlackBlock } from './render-blocks.ts';

/** The chat.postMessage call the publisher needs (the Bolt client's method fits). */
export type SlackPostMessage = (args: {
  channel: string;
  text: string;
  blocks: SlackBlock[];
  unfurl_links: boolean;
  unfurl_media: boolean;
}) => Promise<{ ts?: string }>;

const FORBIDDEN = new Set(['not_in_channel', 'missing_scope', 'channel_is_archived', 'is_archived']);

/** The Slack `error` string of a Web API platform error, if it is one. */
function slackErrorOf(err: unknown): string | null {
  if (!(err instanceof Error) || (err as { code?: unknown }).code !== webApi.ErrorCode.PlatformError) return null;
  const data = (err as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : null;
}

/**
 * Maps an error from chat.postMessage to the core's publish codes:
 * channel_not_found → `publish/channel-missing`; not_in_channel, missing_scope,
 * channel_is_archived, restricted_action* → `publish/forbidden`; the rest
 * (rate limits after retries, network, HTTP 5xx) → `publish/failed`.
 */
export function toPublishError(err: unknown, channel: string): DigestError {
  const slackError = slackErrorOf(err);
  const context = { channel, slackError };
  if (slackError === 'channel_not_found') {
    return new DigestError('publish/channel-missing', `Slack channel ${channel} was not found`, { cause: err, context });
  }
  if (slackError !== null && (FORBIDDEN.has(slackError) || slackError.startsWith('restricted_action'))) {
    return new DigestError('publish/forbidden', `the bot may not post to Slack channel ${channel} (${slackError})`, { cause: err, context });
  }
  return new DigestError('publish/failed', `posting to Slack channel ${channel} failed`, { cause: err, context, userFacing: false });
}

/** Builds the Slack publisher on a chat.postMessage function. */
export function createSlackPublisher(post: SlackPostMessage, logger: Logger): MessagePublisher {
  return {
    async publish(channel, message: Message, idempotencyKey) {
      if (!channel.startsWith('slack:') || channel.length <= 'slack:'.length) {
        throw new DigestError('publish/channel-missing', `not a Slack channel: ${channel}`, { context: { channel } });
      }
      const id = channel.slice('slack:'.length);
      let ref: string | null = null;
      const payloads = renderBlocks(message);
      for (const [index, payload] of payloads.entries()) {
        try {
          const result = await post({ channel: id, text: payload.text, blocks: payload.blocks, unfurl_links: false, unfurl_media: false });
          ref ??= result.ts ?? null;
        } catch (err) {
          const error = toPublishError(err, channel);
          logger.warn('slack publish failed', { channel, code: error.code, slackError: error.context?.['slackError'], part: index + 1, parts: payloads.length, idempotencyKey });
          throw error;
        }
      }
      logger.info('slack message published', { channel, parts: payloads.length, ref, idempotencyKey });
      return { ref };
    },
  };
}
