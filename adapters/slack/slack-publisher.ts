/**
 * The MessagePublisher for Slack: scheduled digests go to `slack:<channel id>`
 * with chat.postMessage, one call per rendered payload, in order. Slack
 * errors become the core's publish codes: a missing channel and missing
 * rights are permanent, everything else is transient (the core retries).
 * Slack has no idempotency key for chat.postMessage; the key is only logged.
 *
 * A message image (the key-figures chart) is uploaded with files.uploadV2
 * into the channel right after the digest's last part. The upload is
 * best-effort: when it fails the digest still counts as posted (a warning is
 * logged), so a retry never posts the digest twice.
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

/** The files.uploadV2 call the publisher needs for a chart (the Bolt client's method fits). */
export type SlackUploadFile = (args: {
  channel_id: string;
  file: Buffer;
  filename: string;
  title: string;
  alt_text: string;
}) => Promise<unknown>;

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

/** Uploads the message's image after the post; a failure is logged, never thrown (the digest is already posted). */
async function uploadImage(upload: SlackUploadFile | undefined, channelId: string, message: Message, logger: Logger, idempotencyKey: string): Promise<void> {
  const image = message.image;
  if (image === undefined) return;
  if (upload === undefined) {
    logger.debug('slack chart skipped: no upload function', { channel: channelId, idempotencyKey });
    return;
  }
  try {
    await upload({ channel_id: channelId, file: Buffer.from(image.png), filename: image.filename, title: message.title, alt_text: image.alt });
    logger.info('slack chart uploaded', { channel: channelId, bytes: image.png.length, idempotencyKey });
  } catch (err) {
    const error = toPublishError(err, `slack:${channelId}`);
    logger.warn('slack chart upload failed; the digest was posted without it', { channel: channelId, code: error.code, slackError: error.context?.['slackError'], err: err instanceof Error ? err.message : String(err), idempotencyKey });
  }
}

/**
 * Builds the Slack publisher on a chat.postMessage function and, for charts, a files.uploadV2 function
 * (needs the files:write scope). @param upload @defaultValue none (charts are not posted)
 */
export function createSlackPublisher(post: SlackPostMessage, logger: Logger, upload?: SlackUploadFile): MessagePublisher {
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
      await uploadImage(upload, id, message, logger, idempotencyKey);
      return { ref };
    },
  };
}
