/** The one command-line parser: the console and Slack read the same text the same way, by the generated catalog. */
import { describe, expect, it } from 'vitest';
import { parseDigestCommand } from '../../../adapters/slack/parse-command.ts';
import { looksLikeTimeZone, parseCommandText, tokenize, type ParsedCommand } from '../../../src/chat/command-line.ts';
import { OWN_SLASH } from '../../../src/chat/usage.ts';
import { COMMAND_CATALOG } from '../../../src/commands/catalog.ts';

function consoleParse(text: string): ParsedCommand | string {
  const r = parseCommandText(text, COMMAND_CATALOG, 'console', OWN_SLASH);
  return r.ok ? r.value : r.error.message;
}

function slackParse(text: string): ParsedCommand | string {
  const r = parseDigestCommand(text);
  return r.ok ? r.value : r.error.message;
}

describe('tokenize', () => {
  it('given quoted parts, then they stay one word without the quotes; an apostrophe inside a word does not quote', () => {
    const r = tokenize(`set morning "30 7 * * 1-5" Europe/Berlin 'my channel' Moody's`);
    expect(r.ok && r.value.map((t) => t.value)).toEqual(['set', 'morning', '30 7 * * 1-5', 'Europe/Berlin', 'my channel', 'Moody\'s']);
    expect(r.ok && r.value.map((t) => t.quoted)).toEqual([false, false, true, false, true, false]);
  });
});

describe('console and Slack parse the same text identically', () => {
  it.each([
    ['figures cloud revenue', { command: 'figures', args: ['cloud revenue'] }],
    ['risks supply chain', { command: 'risks', args: ['supply chain'] }],
    ['summarize https://example.org/a', { command: 'summarize', args: ['https://example.org/a'] }],
    ['summarize https://example.org/a en', { command: 'summarize', args: ['https://example.org/a', 'en'] }],
    ['sources add https://x.test/feed Tages Spiegel', { command: 'sources', args: ['add', 'https://x.test/feed', 'Tages Spiegel'] }],
    ['sources remove "Example Feed"', { command: 'sources', args: ['remove', 'Example Feed'] }],
    ['sources list', { command: 'sources', args: ['list'] }],
    ['schedule set morning 30 7 * * 1-5 Europe/Berlin', { command: 'schedule', args: ['set', 'morning', '30 7 * * 1-5', 'Europe/Berlin'] }],
    ['schedule set morning 30 7 * * 1-5 utc', { command: 'schedule', args: ['set', 'morning', '30 7 * * 1-5', 'utc'] }],
    ['schedule set morning "0 8 * * *" GMT chart:on', { command: 'schedule', args: ['set', 'morning', '0 8 * * *', 'GMT', 'chart:on'] }],
    ['schedule show', { command: 'schedule', args: ['show'] }],
    ['schedule off morning', { command: 'schedule', args: ['off', 'morning'] }],
  ])('given "%s", then both give %j', (text, expected) => {
    const onConsole = consoleParse(`/${text}`);
    expect(onConsole).toMatchObject(expected);
    expect(slackParse(text)).toEqual(onConsole);
  });

  it.each([
    ['schedule set morning 30 7 * * 1-5 Berlin', 'The cron needs 5 fields followed by the time zone'],
    ['schedule set news */1 * * * * * UTC', 'has a seconds field'],
    ['figures', 'needs a word to search for, e.g. '],
    ['sources purge', 'has no "purge"; use one of: add, remove, list'],
    ['summarize not-a-url', '"not-a-url" is not a web address'],
    ['sources list everything', 'Too many words: "everything"'],
  ])('given "%s", then both refuse it with the same reason: %s', (text, reason) => {
    const onConsole = consoleParse(`/${text}`);
    const onSlack = slackParse(text);
    expect(onConsole).toContain(reason);
    expect(onSlack).toContain(reason);
    // Only the way a command is typed differs: "/figures" on the console, "/digest figures" in Slack.
    expect(String(onSlack).replaceAll('/digest ', '/')).toBe(onConsole);
  });

  it('given a channel, then each platform qualifies it with its own platform', () => {
    expect(consoleParse('/schedule set m "0 8 * * *" UTC console:main')).toMatchObject({ args: ['set', 'm', '0 8 * * *', 'UTC', 'console:main'] });
    expect(slackParse('schedule set m "0 8 * * *" UTC <#C0999|markets>')).toMatchObject({ args: ['set', 'm', '0 8 * * *', 'UTC', 'slack:C0999'] });
  });
});

describe('parseCommandText on the console', () => {
  it('given a known command without its slash, then it is that command', () => {
    expect(consoleParse('sources list')).toEqual({ command: 'sources', args: ['list'], adminOnly: true });
  });

  it('given a misspelt command, then the reply asks whether the nearest one was meant', () => {
    expect(consoleParse('/sumarize https://example.org/a')).toBe('There is no /sumarize. Did you mean /summarize? Try /help.');
    expect(consoleParse('hello there')).toBe('There is no /hello. Try /help.');
  });

  it('given an unclosed quote, then it says so', () => {
    expect(consoleParse('/figures "net income')).toBe('A quote is not closed.');
  });
});

describe('looksLikeTimeZone (the one guess for console and Slack)', () => {
  it('given zone-like words, then known IANA zones and UTC in any case count, other words and unknown zones do not', () => {
    expect(['Europe/Berlin', 'America/New_York', 'UTC', 'utc'].map(looksLikeTimeZone)).toEqual([true, true, true, true]);
    expect(['Berlin', '1-5', '*/15', 'Europe/Berlinn', 'UTC+2'].map(looksLikeTimeZone)).toEqual([false, false, false, false, false]);
  });
});
