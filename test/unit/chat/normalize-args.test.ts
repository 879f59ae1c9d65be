import { describe, expect, it } from 'vitest';
import { COMMAND_CATALOG } from '../../../src/chat/catalog.ts';
import { looksLikeTimeZone, normalizeArgs, tokenize } from '../../../src/chat/normalize-args.ts';

describe('tokenize', () => {
  it('given quoted parts, then they stay one word without the quotes', () => {
    expect(tokenize(`set morning "30 7 * * 1-5" Europe/Berlin 'my channel'`)).toEqual(['set', 'morning', '30 7 * * 1-5', 'Europe/Berlin', 'my channel']);
  });
});

describe('normalizeArgs', () => {
  it('given a source name with spaces, then the rest option takes the remaining words', () => {
    expect(normalizeArgs(COMMAND_CATALOG, 'sources', ['add', 'https://x.test/feed', 'Tages', 'Spiegel'])).toEqual(['add', 'https://x.test/feed', 'Tages Spiegel']);
  });

  it('given a bare five-field cron before the time zone, then the fields become one cron word', () => {
    expect(normalizeArgs(COMMAND_CATALOG, 'schedule', ['set', 'morning', '30', '7', '*', '*', '1-5', 'Europe/Berlin', 'console:main']))
      .toEqual(['set', 'morning', '30 7 * * 1-5', 'Europe/Berlin', 'console:main']);
  });

  it('given a quoted cron, then it is kept as is', () => {
    expect(normalizeArgs(COMMAND_CATALOG, 'schedule', ['set', 'morning', '0 8 * * *', 'UTC'])).toEqual(['set', 'morning', '0 8 * * *', 'UTC']);
  });

  it('given a query of several words, then it is one argument', () => {
    expect(normalizeArgs(COMMAND_CATALOG, 'figures', ['cloud', 'revenue'])).toEqual(['cloud revenue']);
  });

  it('given an unknown command or subcommand, then the words pass through for the dispatcher to refuse', () => {
    expect(normalizeArgs(COMMAND_CATALOG, 'nope', ['a', 'b'])).toEqual(['a', 'b']);
    expect(normalizeArgs(COMMAND_CATALOG, 'sources', ['rename', 'a', 'b'])).toEqual(['rename', 'a', 'b']);
  });
});

describe('looksLikeTimeZone (the one guess for console and Slack)', () => {
  it('given zone-like words, then known IANA zones and UTC in any case count, other words and unknown zones do not', () => {
    expect(['Europe/Berlin', 'America/New_York', 'UTC', 'utc'].map(looksLikeTimeZone)).toEqual([true, true, true, true]);
    expect(['Berlin', '1-5', '*/15', 'Europe/Berlinn', 'UTC+2'].map(looksLikeTimeZone)).toEqual([false, false, false, false, false]);
  });

  it('given the same bare cron typed on the console and in Slack, then both take the same five fields and zone', async () => {
    const { parseDigestCommand } = await import('../../../adapters/slack/parse-command.ts');
    const words = ['set', 'morning', '30', '7', '*', '*', '1-5', 'utc'];
    const slack = parseDigestCommand(`schedule ${words.join(' ')}`);
    expect(slack.ok && slack.value.args).toEqual(normalizeArgs(COMMAND_CATALOG, 'schedule', words));
  });
});
