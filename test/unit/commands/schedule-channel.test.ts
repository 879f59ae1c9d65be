/** /schedule set: how the channel argument is read and echoed back when it is refused. */
import { describe, expect, it } from 'vitest';
import { channelAndChart, channelOf } from '../../../src/commands/schedule.ts';
import type { CommandContext } from '../../../src/commands/types.ts';
import { DigestError } from '../../../src/errors.ts';

const ctx: CommandContext = { workspaceId: 'slack:T1', userId: 'U1', isAdmin: true, channelId: 'slack:C0' };

function refusal(raw: string): string {
  try {
    channelOf(raw, ctx);
  } catch (err) {
    expect(err).toBeInstanceOf(DigestError);
    return (err as DigestError).message;
  }
  throw new Error(`"${raw}" was accepted`);
}

describe('channelOf', () => {
  it('given a channel mention or a bare id, then it returns the qualified channel', () => {
    expect(channelOf('<#C123|markets>', ctx)).toBe('slack:C123');
    expect(channelOf('#C456', ctx)).toBe('slack:C456');
    expect(channelOf(undefined, ctx)).toBe('slack:C0');
  });

  it('given a channel of another platform, then it is refused naming the argument', () => {
    expect(refusal('discord:123')).toBe('"discord:123" is not a channel of this workspace');
  });

  it('given a 100,000-character argument with line breaks, then the refusal echoes one line of at most 60 characters', () => {
    const message = refusal(`evil\n\n${'x'.repeat(100_000)}`);
    expect(message).not.toMatch(/[\n\r]/u);
    const echoed = /^"(.*)" is not a channel/u.exec(message)?.[1] ?? '';
    expect(echoed.length).toBe(60);
    expect(echoed.startsWith('evil x')).toBe(true);
    expect(echoed.endsWith('…')).toBe(true);
  });
});

describe('channelAndChart', () => {
  const refusedWith = (words: string[]): string => {
    try {
      channelAndChart(words);
    } catch (err) {
      expect(err).toBeInstanceOf(DigestError);
      return (err as DigestError).message;
    }
    throw new Error('accepted');
  };

  it('given a channel and a chart flag in either order, then both are read', () => {
    expect(channelAndChart(['chart:on', '#C1'])).toEqual({ channel: '#C1', chart: true });
    expect(channelAndChart(['#C1', 'chart:off'])).toEqual({ channel: '#C1', chart: false });
  });

  it('given a 100 KB chart word or two long channels, then the refusal stays short', () => {
    expect(refusedWith([`chart:${'y'.repeat(100_000)}`]).length).toBeLessThan(120);
    expect(refusedWith(['#a'.repeat(50_000), `#b\n${'c'.repeat(50_000)}`]).length).toBeLessThan(160);
  });
});
