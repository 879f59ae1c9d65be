/**
 * The commands, one file each, and what is generated from them: the catalog (data only: names, descriptions,
 * options, admin flags) that Discord's registration, the Slack and console help and the command-line parser
 * read, and the flat list the dispatcher looks commands up in (`sources add` for a subcommand).
 */
import type { CommandSpec } from '../chat/catalog.ts';
import { digestCommand } from './digest.ts';
import { figuresCommand } from './figures.ts';
import { helpCommand } from './help.ts';
import { risksCommand } from './risks.ts';
import { scheduleCommand } from './schedule.ts';
import type { CommandServices } from './services.ts';
import { sourcesCommand } from './sources.ts';
import { summarizeCommand } from './summarize.ts';
import type { Command, CommandGroup } from './types.ts';

/** A top-level entry: a command or a group of subcommands. */
export type CommandEntry<Deps> = Command<Deps> | CommandGroup<Deps>;

const isGroup = <Deps>(entry: CommandEntry<Deps>): entry is CommandGroup<Deps> => 'subcommands' in entry;

/** The catalog of `entries`: what adapters and the parser need, without handlers. */
export function catalogOf<Deps>(entries: readonly CommandEntry<Deps>[]): CommandSpec[] {
  return entries.map((entry) => (isGroup(entry)
    ? {
        name: entry.name, description: entry.description, adminOnly: entry.adminOnly,
        subcommands: entry.subcommands.map((s) => ({ name: s.name, description: s.description, options: s.options })),
      }
    : { name: entry.name, description: entry.description, adminOnly: entry.adminOnly, options: entry.options }));
}

/** The commands as the dispatcher runs them: a group's subcommands as `group sub`, with the group's admin flag. */
export function commandsOf<Deps>(entries: readonly CommandEntry<Deps>[]): Command<Deps>[] {
  return entries.flatMap((entry) => (isGroup(entry)
    ? entry.subcommands.map((s) => ({ ...s, name: `${entry.name} ${s.name}`, adminOnly: entry.adminOnly }))
    : [entry]));
}

const ENTRIES: CommandEntry<CommandServices>[] = [digestCommand, summarizeCommand, figuresCommand, risksCommand, sourcesCommand, scheduleCommand];
ENTRIES.push(helpCommand<CommandServices>(() => COMMAND_CATALOG));

/** Every command, described once. */
export const COMMAND_CATALOG: readonly CommandSpec[] = catalogOf(ENTRIES);

/** Every command as the dispatcher runs it. */
export const COMMANDS: readonly Command<CommandServices>[] = commandsOf(ENTRIES);
