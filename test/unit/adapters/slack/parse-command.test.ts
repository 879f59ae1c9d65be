/** `/digest …` text → catalog command and args; wrong forms → clear messages; help from the catalog. */
import { describe, expect, it } from 'vitest';
import { parseDigestCommand, slackHelpMessage } from '../../../../adapters/slack/parse-command.ts';
import { COMMAND_CATALOG, type CommandSpec } from '../../../../src/index.ts';

function parsed(text: string): { command: string; args: string[]; adminOnly: boolean } {
  const result = parseDigestCommand(text);
  if (!result.ok) throw new Error(`expected "${text}" to parse, got: ${result.error.message}`);
  return result.value;
}

function refused(text: string): string {
  const result = parseDigestCommand(text);
  if (result.ok) throw new Error(`expected "${text}" to be refused, got ${JSON.stringify(result.value)}`);
  expect(result.error.code).toBe('command/invalid');
  return result.error.message;
}

describe('parseDigestCommand', () => {
  it.each([
    ['', 'digest', []],
    ['   ', 'digest', []],
    ['morning-markets', 'digest', ['morning-markets']],
    ['"morning markets"', 'digest', ['morning markets']],
    ['help', 'help', []],
    ['HELP', 'help', []],
    ['summarize <https://example.org/a>', 'summarize', ['https://example.org/a']],
    ['summarize <https://example.org/a?x=1&amp;y=2|example.org/a>', 'summarize', ['https://example.org/a?x=1&y=2']],
    ['summarize https://example.org/bare', 'summarize', ['https://example.org/bare']],
    ['figures net   income 2024', 'figures', ['net income 2024']],
    ['risks supply &amp; demand', 'risks', ['supply & demand']],
    ['sources add <https://example.org/feed.xml>', 'sources', ['add', 'https://example.org/feed.xml']],
    ['sources add <https://example.org/feed.xml|example.org/feed.xml> Example Feed', 'sources', ['add', 'https://example.org/feed.xml', 'Example Feed']],
    ['sources remove Example Feed', 'sources', ['remove', 'Example Feed']],
    ['sources remove “Example Feed”', 'sources', ['remove', 'Example Feed']],
    ['sources list', 'sources', ['list']],
    ['schedule set morning 30 7 * * 1-5 Europe/Berlin', 'schedule', ['set', 'morning', '30 7 * * 1-5', 'Europe/Berlin']],
    ['schedule set morning 0 18 * * * UTC <#C0999|markets>', 'schedule', ['set', 'morning', '0 18 * * *', 'UTC', 'slack:C0999']],
    ['schedule set morning "*/15 * * * *" Asia/Tokyo <#C0999>', 'schedule', ['set', 'morning', '*/15 * * * *', 'Asia/Tokyo', 'slack:C0999']],
    ['schedule set morning "30 7 * * *" UTC chart:on', 'schedule', ['set', 'morning', '30 7 * * *', 'UTC', 'chart:on']],
    ['schedule set morning "30 7 * * *" UTC <#C0999> chart:off', 'schedule', ['set', 'morning', '30 7 * * *', 'UTC', 'slack:C0999', 'chart:off']],
    ['schedule set morning “30 7 * * 1-5” GMT C0999ABC', 'schedule', ['set', 'morning', '30 7 * * 1-5', 'GMT', 'slack:C0999ABC']],
    ['schedule show', 'schedule', ['show']],
    ['schedule off morning', 'schedule', ['off', 'morning']],
  ])('given "%s", then %s with %j', (text, command, args) => {
    expect(parsed(text)).toMatchObject({ command, args });
  });

  it('given admin-only commands, then the call says so', () => {
    expect(parsed('sources list').adminOnly).toBe(true);
    expect(parsed('schedule show').adminOnly).toBe(true);
    expect(parsed('figures xy').adminOnly).toBe(false);
  });

  it.each([
    ['summarize', '/digest summarize needs the address of an article, e.g. /digest summarize https://example.org/article.', 'Usage: /digest summarize <url>'],
    ['summarize not-a-url', '"not-a-url" is not a web address', '/digest summarize <url>'],
    ['summarize <ftp://example.org/a>', '"ftp://example.org/a" is not a web address', 'http or https'],
    ['summarize <https://a.example> en <https://b.example>', 'Too many words', 'https://b.example'],
    ['figures', '/digest figures needs a word to search for, e.g. /digest figures Siemens.', 'Usage: /digest figures <query…>'],
    ['figures x', 'query needs at least 2 characters', '/digest figures <query…>'],
    ['sources', 'needs one of: add, remove, list', '/digest sources'],
    ['sources purge', 'has no "purge"', 'add, remove, list'],
    ['sources remove', '/digest sources remove needs the name or id of a source', '/digest sources remove <source…>'],
    ['sources list everything', 'Too many words', '"everything"'],
    ['schedule set morning 30 7 * *', 'The cron needs 5 fields', '"30 7 * * 1-5" Europe/Berlin'],
    ['schedule set morning 30 7 * * 1-5 Berlin', 'The cron needs 5 fields', '/digest schedule set <digest> <cron> <timezone> [channel]'],
    ['schedule set morning "30 7 * * *"', '/digest schedule set needs a time zone, e.g. /digest schedule set morning "30 7 * * 1-5" Europe/Berlin.', '<timezone>'],
    ['schedule set morning "30 7 * * *" UTC #markets', '"#markets" is not a channel', 'mention it with #'],
    ['schedule off', '/digest schedule off needs the name of a digest, e.g. /digest schedule off morning.', '/digest schedule off <digest>'],
    ['help me', 'Too many words', '"me"'],
    ['sumarize https://example.org/a', '"sumarize" is not a command', '/digest help'],
    ['figures "net income', 'A quote is not closed', ''],
    ['summarize <https://example.org', 'A "<" is not closed', ''],
  ])('given "%s", then it is refused: %s', (text, reason, hint) => {
    const message = refused(text);
    expect(message).toContain(reason);
    expect(message).toContain(hint);
  });
});

describe('slackHelpMessage', () => {
  it('given the catalog, then every command and subcommand has its /digest usage line and description, admin ones apart', () => {
    const help = slackHelpMessage();
    const [everyone, admins] = help.sections;
    expect(help.ephemeral).toBe(true);
    expect(everyone?.lines).toEqual([
      '/digest [digest] — The latest digest, built now',
      '/digest summarize <url> [lang] — Summary, key figures and risks of one article',
      '/digest figures <query…> — Key figures from recent articles matching a query',
      '/digest risks <query…> — Risks from recent articles matching a query',
      '/digest help — What the bot can do',
    ]);
    const subcommands = COMMAND_CATALOG.filter((c) => c.adminOnly).flatMap((c) => c.subcommands ?? []);
    expect(admins?.lines).toHaveLength(subcommands.length);
    expect(admins?.lines).toContain('/digest sources add <url> [name…] — Add a feed or page (shows what it yields before saving)');
    expect(admins?.lines).toContain('/digest schedule set <digest> <cron> <timezone> [channel] [chart] — Post a digest on a schedule');
  });

  it('given a catalog with another command, then help and parsing follow it', () => {
    const catalog: CommandSpec[] = [
      ...COMMAND_CATALOG,
      { name: 'mode', description: 'Pick a mode', adminOnly: false, options: [{ name: 'level', description: 'how much', kind: 'choice', required: true, choices: ['short', 'long'] }] },
    ];
    expect(slackHelpMessage(catalog).sections[0]?.lines).toContain('/digest mode <level> — Pick a mode');
    const ok = parseDigestCommand('mode short', catalog);
    expect(ok.ok && ok.value).toEqual({ command: 'mode', args: ['short'], adminOnly: false });
    const bad = parseDigestCommand('mode medium', catalog);
    expect(!bad.ok && bad.error.message).toContain('level must be one of short, long');
  });
});
