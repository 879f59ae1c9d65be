/**
 * The publisher router: one MessagePublisher for the whole bot that hands a post for `platform:channel` to
 * the publisher of that platform's adapter (added as adapters start), and asks it which workspace a channel
 * belongs to.
 */
import { DigestError } from '../errors.ts';
import type { MessagePublisher } from '../messages/model.ts';
import { platformOf } from '../messages/platform-id.ts';

export interface PublisherRouter {
  /** Posts to the platform named in the channel id; throws publish/channel-missing when no adapter runs for it. */
  publisher: MessagePublisher;
  /** Routes channels `platform:*` to `publisher`. */
  add(platform: string, publisher: MessagePublisher): void;
  /** The channel's workspace, null for a channel the platform does not know, undefined when it cannot tell. */
  workspaceOf(channel: string): Promise<string | null | undefined>;
}

export function createPublisherRouter(): PublisherRouter {
  const publishers = new Map<string, MessagePublisher>();
  return {
    publisher: {
      publish(channel, message, key) {
        const platform = platformOf(channel);
        const target = publishers.get(platform);
        if (target === undefined) throw new DigestError('publish/channel-missing', `no ${platform || '?'} adapter is running for ${channel}`);
        return target.publish(channel, message, key);
      },
    },
    add(platform, publisher) {
      publishers.set(platform, publisher);
    },
    async workspaceOf(channel) {
      const target = publishers.get(platformOf(channel));
      return target?.workspaceOf === undefined ? undefined : target.workspaceOf(channel);
    },
  };
}
