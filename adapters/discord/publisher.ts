/**
 * Scheduled posts to Discord channels over REST. Each rendered part carries a
 * nonce derived from the idempotency key and its index, with `enforce_nonce`,
 * so Discord drops a repeat of a part that was already posted. 429s are left
 * to discord.js's REST queue (it waits `retry-after` and retries). A message
 * image (the key-figures chart) is uploaded with the first part as a file
 * attachment (multipart/form-data) that the first embed shows.
 */
import { createHash } from 'node:crypto';
import { DiscordAPIError, HTTPError, RESTJSONErrorCodes, Routes, type APIMessage, type RawFile, type REST } from 'discord.js';
import { DigestError, idOn, type Logger, type Message, type MessagePublisher } from '../../src/index.ts';
import { renderEmbeds } from './render-embeds.ts';

/** Discord accepts nonces of at most 25 characters. */
export const MAX_NONCE_LENGTH = 25;

/** A stable nonce for part `index` of the run keyed `idempotencyKey` (≤ 25 characters). */
export function messageNonce(idempotencyKey: string, index: number): string {
  const suffix = `.${index.toString(36)}`;
  const hash = createHash('sha256').update(idempotencyKey).digest('base64url');
  return `${hash.slice(0, MAX_NONCE_LENGTH - suffix.length)}${suffix}`;
}

/** Discord's limit for an attachment's description (its alt text). */
const MAX_ATTACHMENT_DESCRIPTION = 1024;

/** The file and the `attachments` entry for a message image, sent with the first part. */
function imageUpload(message: Message): { files: RawFile[]; attachments: { id: number; filename: string; description: string }[] } | null {
  const image = message.image;
  if (image === undefined) return null;
  return {
    files: [{ name: image.filename, data: Buffer.from(image.png), contentType: 'image/png' }],
    attachments: [{ id: 0, filename: image.filename, description: image.alt.slice(0, MAX_ATTACHMENT_DESCRIPTION) }],
  };
}

/** The channel id in `discord:<id>`, or null for anything else. */
function channelIdOf(channel: string): string | null {
  const id = idOn('discord', channel);
  return id !== null && /^\d+$/u.test(id) ? id : null;
}

/** Maps a REST failure to the publisher's error codes (permanent: channel-missing, forbidden; transient: failed). */
export function publishError(err: unknown, context: Record<string, unknown>): DigestError {
  const status = err instanceof DiscordAPIError || err instanceof HTTPError ? err.status : null;
  const code = err instanceof DiscordAPIError ? err.code : null;
  if (code === RESTJSONErrorCodes.UnknownChannel || status === 404) {
    return new DigestError('publish/channel-missing', 'the Discord channel does not exist or the bot cannot see it', { cause: err, context: { ...context, status, discordCode: code } });
  }
  if (code === RESTJSONErrorCodes.MissingAccess || code === RESTJSONErrorCodes.MissingPermissions || status === 403) {
    return new DigestError('publish/forbidden', 'the bot may not post in this Discord channel', { cause: err, context: { ...context, status, discordCode: code } });
  }
  const reason = err instanceof Error ? err.message : String(err);
  return new DigestError('publish/failed', `posting to Discord failed: ${reason}`, { cause: err, context: { ...context, status, discordCode: code } });
}

export interface DiscordPublisherDeps {
  /** The bot's REST client (the gateway client's `client.rest`, or a standalone one). */
  rest: REST;
  logger: Logger;
}

/** A MessagePublisher that posts to `discord:<channel id>`. */
export function createDiscordPublisher({ rest, logger }: DiscordPublisherDeps): MessagePublisher {
  return {
    async publish(channel: string, message: Message, idempotencyKey: string) {
      const channelId = channelIdOf(channel);
      if (channelId === null) {
        throw new DigestError('publish/channel-missing', 'not a Discord channel id', { context: { channel } });
      }
      let ref: string | null = null;
      const upload = imageUpload(message);
      const payloads = renderEmbeds(message, { withImage: upload !== null });
      for (const [index, payload] of payloads.entries()) {
        const withFile = index === 0 && upload !== null;
        try {
          const posted = await rest.post(Routes.channelMessages(channelId), {
            body: {
              ...payload, nonce: messageNonce(idempotencyKey, index), enforce_nonce: true, allowed_mentions: { parse: [] },
              ...(withFile ? { attachments: upload.attachments } : {}),
            },
            ...(withFile ? { files: upload.files } : {}),
          }) as APIMessage;
          ref ??= posted.id;
        } catch (err) {
          const error = publishError(err, { channel, part: index, parts: payloads.length });
          logger.warn('discord publish failed', { platform: 'discord', channel, code: error.code, part: index, err: error.message });
          throw error;
        }
      }
      logger.debug('discord message posted', { platform: 'discord', channel, parts: payloads.length, ref, image: upload !== null });
      return { ref };
    },
  };
}
