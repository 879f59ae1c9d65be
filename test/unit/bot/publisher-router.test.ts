import { describe, expect, it } from 'vitest';
import { createPublisherRouter } from '../../../src/bot/publisher-router.ts';
import { DigestError } from '../../../src/errors.ts';
import type { Message, MessagePublisher } from '../../../src/messages/model.ts';

const MESSAGE: Message = { title: 'Morgen', sections: [] };

function recording(name: string, posts: string[], workspace?: string | null): MessagePublisher {
  return {
    publish(channel, _message, key) {
      posts.push(`${name} ${channel} ${key}`);
      return Promise.resolve({ ref: `${name}-1` });
    },
    ...(workspace === undefined ? {} : { workspaceOf: () => Promise.resolve(workspace) }),
  };
}

describe('createPublisherRouter', () => {
  it('given publishers for two platforms, then each post goes to the publisher named by the channel id', async () => {
    const posts: string[] = [];
    const router = createPublisherRouter();
    router.add('discord', recording('D', posts));
    router.add('slack', recording('S', posts));
    expect(await router.publisher.publish('slack:C1', MESSAGE, 'k1')).toEqual({ ref: 'S-1' });
    await router.publisher.publish('discord:42', MESSAGE, 'k2');
    expect(posts).toEqual(['S slack:C1 k1', 'D discord:42 k2']);
  });

  it('given a channel of a platform with no adapter running, then publish throws publish/channel-missing', () => {
    const router = createPublisherRouter();
    router.add('discord', recording('D', []));
    expect(() => router.publisher.publish('slack:C1', MESSAGE, 'k')).toThrow(DigestError);
    try {
      void router.publisher.publish('slack:C1', MESSAGE, 'k');
    } catch (err) {
      expect((err as DigestError).code).toBe('publish/channel-missing');
    }
  });

  it('given workspaceOf, then the platform that knows it answers, and undefined when it cannot tell', async () => {
    const router = createPublisherRouter();
    router.add('discord', recording('D', [], 'discord:guild-1'));
    router.add('console', recording('C', []));
    expect(await router.workspaceOf('discord:42')).toBe('discord:guild-1');
    expect(await router.workspaceOf('console:main')).toBeUndefined();
    expect(await router.workspaceOf('slack:C1')).toBeUndefined();
  });
});
