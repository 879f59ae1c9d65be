import { describe, expect, it } from 'vitest';
import { idOn, parsePlatformId, platformId, platformOf } from '../../../src/messages/platform-id.ts';

describe('platform-qualified ids', () => {
  it('given platform and id, then they are joined with a colon and taken apart again', () => {
    expect(platformId('discord', '1234')).toBe('discord:1234');
    expect(parsePlatformId('discord:1234')).toEqual({ platform: 'discord', id: '1234' });
    expect(parsePlatformId('discord:dm:42')).toEqual({ platform: 'discord', id: 'dm:42' });
  });

  it('given text without a platform or without an id, then parsing gives null', () => {
    expect(parsePlatformId('1234')).toBeNull();
    expect(parsePlatformId(':1234')).toBeNull();
    expect(parsePlatformId('slack:')).toBeNull();
  });

  it('given a channel, then platformOf names its platform and idOn gives the id only on that platform', () => {
    expect(platformOf('slack:C1')).toBe('slack');
    expect(platformOf('console')).toBe('console');
    expect(idOn('slack', 'slack:C1')).toBe('C1');
    expect(idOn('slack', 'discord:1')).toBeNull();
    expect(idOn('slack', 'slack:')).toBeNull();
  });
});
