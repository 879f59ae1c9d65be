/**
 * Usage lines and help, generated from the catalog: the same text for the console and Discord (`/sources add
 * <url> [name…]`) and for Slack, where every command is a word after the one slash command
 * (`/digest sources add <url> [name…]`).
 */
import type { Message } from '../messages/model.ts';
import type { CommandSpec, OptionSpec, SubcommandSpec } from './catalog.ts';

/** How commands are typed on a platform. */
export interface CommandStyle {
  /** The one slash command every command follows (Slack: `/digest`), or null when each command is its own (`/figures`). */
  slash: string | null;
  /** The command a text without a command name runs (Slack: `digest`). @defaultValue none */
  implicit?: string;
}

/** Each command is its own slash command: the console and Discord. */
export const OWN_SLASH: CommandStyle = { slash: null };

/** `<url>`, `[name]`, `<query…>`: how an option is written in usage lines. */
function optionUsage(option: OptionSpec): string {
  const name = `${option.name}${option.rest === true ? '…' : ''}`;
  return option.required ? `<${name}>` : `[${name}]`;
}

/** How a command (and subcommand) is typed, without its options: `/sources add`, `/digest sources add`, `/digest`. */
export function commandHead(style: CommandStyle, command: string, sub?: string): string {
  const words = style.slash === null ? [`/${command}`] : [style.slash, ...(command === style.implicit ? [] : [command])];
  return [...words, ...(sub === undefined ? [] : [sub])].join(' ');
}

/** The usage line of a command or subcommand, e.g. `/digest sources add <url> [name…]`. */
export function usageLine(style: CommandStyle, command: CommandSpec, sub?: SubcommandSpec): string {
  const options = sub?.options ?? command.options ?? [];
  return [commandHead(style, command.name, sub?.name), ...options.map(optionUsage)].join(' ');
}

/** An example of a command with its required options (`/figures Siemens`), or null when an option has no example. */
export function exampleLine(style: CommandStyle, command: string, sub: string | undefined, options: readonly OptionSpec[]): string | null {
  const values = options.filter((o) => o.required).map((o) => o.example);
  if (values.some((v) => v === undefined)) return null;
  return [commandHead(style, command, sub), ...values].join(' ');
}

/** Help from the catalog: one usage line per command or subcommand with its description, admin-only ones apart. */
export function helpMessage(catalog: readonly CommandSpec[], style: CommandStyle): Message {
  const everyone: string[] = [];
  const admins: string[] = [];
  for (const command of catalog) {
    const lines = command.adminOnly ? admins : everyone;
    if (command.subcommands === undefined) lines.push(`${usageLine(style, command)} — ${command.description}`);
    else for (const sub of command.subcommands) lines.push(`${usageLine(style, command, sub)} — ${sub.description}`);
  }
  return {
    title: style.slash === null ? 'Commands' : `${style.slash} commands`,
    sections: [
      { heading: 'For everyone', lines: everyone },
      { heading: 'Admins only', lines: admins },
      { heading: 'Notes', lines: ['A cron is 5 fields, bare or in quotes, followed by the time zone: 30 7 * * 1-5 Europe/Berlin.', 'Name a channel with #, e.g. #general; without one, this channel is used.'] },
    ],
    ephemeral: true,
  };
}
