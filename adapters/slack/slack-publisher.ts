/**
 * The MessagePublisher for Slack: scheduled digests go to `slack:<channel id>`
 * with chat.postMessage, one call per rendered payload, in order. Slack
 * errors become the core's publish codes: a missing channel and missing
 * rights are permanent, everything else is transient (the core retries).
 * Slack has no idempotency key for chat.postMessage; the key is only logged.
 *
 * A message image (the key-figures chart) is uploaded with files.uploadV2
 * into the channel after the digest's last part, but never inside publish():
 * publish returns as soon as the message is posted, with an `onRecorded`
 * hook, and the delivery calls that hook once the ledger has recorded the
 * post. Only then does the upload start, in the background, bounded by an
 * overall timeout and cancelled by stop(). It is best-effort: a failure is
 * a warning and the digest still counts as posted, so neither a slow upload
 * nor a crash during it can post the digest twice or hold up later runs.
 */
import { webApi } from '@slack/bolt';
import { DigestError, idOn, type Logger, type Message, type MessagePublisher } from '../../src/index.ts';
import { renderBlocks, type SlackBlock } from './render-blocks.ts';

/** The chat.postMessage call the publisher needs (the Bolt client's method fits). */
export type SlackPostMessage = (args: {
  channel: string;
  text: string;
  blocks: SlackBlock[];
  unfurl_links: boolean;
  unfurl_media: boolean;
}) => Promise<{ ts?: string }>;

/**
 * The files.uploadV2 call the publisher needs for a chart. `signal` aborts when the upload is given up
 * (timeout or stop); the call should then cancel its requests.
 */
export type SlackUploadFile = (args: {
  channel_id: string;
  file: Buffer;
  filename: string;
  title: string;
  alt_text: string;
}, signal: AbortSignal) => Promise<unknown>;

/** A Slack publisher that owns background chart uploads. */
export interface SlackPublisher extends MessagePublisher {
  /** Cancels the chart uploads still running and resolves once every one has settled. */
  stop(): Promise<void>;
}

/** How long one chart upload may take in all (retries and rate-limit waits included), in ms. */
export const DEFAULT_CHART_UPLOAD_TIMEOUT_MS = 30_000;

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
  // Already decided (no installation known for the channel): kept as is.
  if (err instanceof DigestError && err.code.startsWith('publish/')) return err;
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

/** Rejects with the signal's reason once it aborts. */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => { reject(signal.reason); }, { once: true });
  });
}

interface UploadJob {
  upload: SlackUploadFile;
  channelId: string;
  message: Message;
  image: NonNullable<Message['image']>;
  idempotencyKey: string;
}

/** Uploads the message's image after the post; a failure (or timeout, or stop) is logged, never thrown. */
async function uploadImage(job: UploadJob, logger: Logger, stopSignal: AbortSignal, timeoutMs: number): Promise<void> {
  const { image, channelId, idempotencyKey } = job;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([stopSignal, deadline]);
  try {
    const args = { channel_id: channelId, file: Buffer.from(image.png), filename: image.filename, title: job.message.title, alt_text: image.alt };
    await Promise.race([job.upload(args, signal), whenAborted(signal)]);
    logger.info('slack chart uploaded', { channel: channelId, bytes: image.png.length, idempotencyKey });
  } catch (err) {
    const error = toPublishError(err, `slack:${channelId}`);
    const reason = deadline.aborted ? 'timeout' : stopSignal.aborted ? 'stopped' : 'error';
    logger.warn('slack chart upload failed; the digest was posted without it', { channel: channelId, code: error.code, reason, slackError: error.context?.['slackError'], err: err instanceof Error ? err.message : String(err), idempotencyKey });
  }
}

/**
 * Builds the Slack publisher on a chat.postMessage function and, for charts, a files.uploadV2 function
 * (needs the files:write scope). @param upload @defaultValue none (charts are not posted)
 * @param uploadTimeoutMs @defaultValue DEFAULT_CHART_UPLOAD_TIMEOUT_MS (30 s)
 */
export function createSlackPublisher(post: SlackPostMessage, logger: Logger, upload?: SlackUploadFile, uploadTimeoutMs = DEFAULT_CHART_UPLOAD_TIMEOUT_MS): SlackPublisher {
  const pending = new Set<Promise<void>>();
  const stopping = new AbortController();

  function startUpload(job: UploadJob): void {
    const task = uploadImage(job, logger, stopping.signal, uploadTimeoutMs).finally(() => pending.delete(task));
    pending.add(task);
  }

  /** The hook that starts the chart upload once the post is recorded, if there is a chart to upload. */
  function followUp(channelId: string, message: Message, idempotencyKey: string): { onRecorded?: () => void } {
    const image = message.image;
    if (image === undefined) return {};
    if (upload === undefined) {
      logger.debug('slack chart skipped: no upload function', { channel: channelId, idempotencyKey });
      return {};
    }
    let started = false;
    return {
      onRecorded: () => {
        if (started) return;
        started = true;
        startUpload({ upload, channelId, message, image, idempotencyKey });
      },
    };
  }

  return {
    async publish(channel, message: Message, idempotencyKey) {
      const id = idOn('slack', channel);
      if (id === null) throw new DigestError('publish/channel-missing', `not a Slack channel: ${channel}`, { context: { channel } });
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
      return { ref, ...followUp(id, message, idempotencyKey) };
    },
    async stop() {
      stopping.abort(new DigestError('publish/failed', 'the Slack adapter is stopping', { userFacing: false }));
      await Promise.allSettled([...pending]);
    },
  };
}
