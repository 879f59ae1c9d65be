/**
 * The catalog is generated from the command files: Discord's registration, Slack's help and the console's
 * /help all follow a declaration, so an option added to one command shows up in all three.
 */
import { describe, expect, it } from 'vitest';
import { buildCommandRegistration } from '../../../adapters/discord/commands.ts';
import { parseDigestCommand, slackHelpMessage } from '../../../adapters/slack/parse-command.ts';
import { parseCommandText } from '../../../src/chat/command-line.ts';
import { helpMessage, OWN_SLASH } from '../../../src/chat/usage.ts';
import { catalogOf, COMMAND_CATALOG, commandsOf, type CommandEntry } from '../../../src/commands/catalog.ts';
import { summarizeCommand } from '../../../src/commands/summarize.ts';
import { sourcesCommand } from '../../../src/commands/sources.ts';
import type { CommandServices } from '../../../src/commands/services.ts';

const lines = (m: { sections: readonly { lines: readonly string[] }[] }): string[] => m.sections.flatMap((s) => s.lines);

describe('the generated catalog', () => {
  it('given the command files, then the catalog has each command once with the description its file declares', () => {
    expect(COMMAND_CATALOG.map((c) => c.name)).toEqual(['digest', 'summarize', 'figures', 'risks', 'sources', 'schedule', 'help']);
    expect(COMMAND_CATALOG.find((c) => c.name === 'summarize')?.description).toBe(summarizeCommand.description);
    expect(COMMAND_CATALOG.find((c) => c.name === 'sources')?.subcommands?.map((s) => s.description))
      .toEqual(sourcesCommand.subcommands.map((s) => s.description));
  });

  it('given an option added to a declaration, then Discord registration, Slack help, console help and both parsers have it', () => {
    const withDepth = {
      ...summarizeCommand,
      options: [...summarizeCommand.options, { name: 'depth', description: 'how many sentences', kind: 'choice', required: false, choices: ['short', 'long'] }],
    } as typeof summarizeCommand;
    const entries: CommandEntry<CommandServices>[] = [withDepth, sourcesCommand];
    const catalog = catalogOf(entries);

    const discord = buildCommandRegistration(catalog).find((c) => c.name === 'summarize');
    expect(discord?.options?.map((o) => o.name)).toEqual(['url', 'lang', 'depth']);
    expect(discord?.description).toBe(summarizeCommand.description);
    expect(lines(slackHelpMessage(catalog))).toContain(`/digest summarize <url> [lang] [depth] — ${summarizeCommand.description}`);
    expect(lines(helpMessage(catalog, OWN_SLASH))).toContain(`/summarize <url> [lang] [depth] — ${summarizeCommand.description}`);

    const typed = parseCommandText('/summarize https://example.org/a long', catalog, 'console', OWN_SLASH);
    expect(typed.ok && typed.value.args).toEqual(['https://example.org/a', 'long']);
    const slack = parseDigestCommand('summarize https://example.org/a en medium', catalog);
    expect(!slack.ok && slack.error.message).toContain('depth must be one of short, long');
    // Without the added option, the same word is no language.
    const without = parseDigestCommand('summarize https://example.org/a long', catalogOf([summarizeCommand]));
    expect(!without.ok && without.error.message).toContain('lang must be one of de, en, article');
  });

  it('given a group, then the dispatcher runs its subcommands as "group sub" with the group\'s admin flag', () => {
    const commands = commandsOf<CommandServices>([sourcesCommand]);
    expect(commands.map((c) => [c.name, c.adminOnly])).toEqual([['sources add', true], ['sources remove', true], ['sources list', true]]);
  });
});
