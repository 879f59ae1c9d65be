/**
 * Turns a command request into a command call: looks the command (and
 * subcommand) up, checks admin rights, validates the arguments and maps
 * failures to short, specific replies (details go to the log).
 */
import { z } from 'zod';
import { toDigestError } from '../errors.ts';
import type { Message } from '../messages/model.ts';
import type { Logger } from '../ports.ts';
import type { Command, CommandContext } from './types.ts';

export interface DispatchDeps {
  logger: Logger;
  /** Records a refused admin command (the audit log). @defaultValue none */
  onRefused?(ctx: CommandContext, command: string): void | Promise<void>;
}

export function replyMessage(title: string, line: string): Message {
  return { title, sections: [{ lines: [line] }], ephemeral: true };
}

/** Splits "/name a b" into the name and its argument words (whitespace-separated). */
export function parseCommandLine(text: string): { name: string; words: string[] } | null {
  const words = text.trim().split(/\s+/u).filter((w) => w !== '');
  const head = words.shift();
  if (head === undefined || !head.startsWith('/') || head.length < 2) return null;
  return { name: head.slice(1).toLowerCase(), words };
}

/** A request's command, looked up once: the command (and its argument words after the subcommand), or none. */
export interface CommandLookup<Deps> {
  command: Command<Deps> | undefined;
  args: readonly string[];
  /** The typed name, lower-cased. */
  name: string;
  /** The first argument word, lower-cased (a subcommand, when the command has them). */
  sub: string | undefined;
  /** The subcommands of `name` when it is a command group. */
  subs: string[];
}

/** Looks `name` (and a subcommand in the first word) up in the commands. */
export function findCommand<Deps>(commands: readonly Command<Deps>[], name: string, words: readonly string[]): CommandLookup<Deps> {
  const sub = words[0]?.toLowerCase();
  const withSub = sub === undefined ? undefined : commands.find((c) => c.name === `${name} ${sub}`);
  const command = withSub ?? commands.find((c) => c.name === name);
  const subs = commands.filter((c) => c.name.startsWith(`${name} `)).map((c) => c.name.slice(name.length + 1));
  return { command, args: withSub === undefined ? words : words.slice(1), name, sub, subs };
}

/** Runs `name` with its argument words (subcommand first, when the command has subcommands). Never throws. */
export async function dispatchRequest<Deps>(
  commands: readonly Command<Deps>[], deps: Deps & DispatchDeps, ctx: CommandContext, name: string, words: readonly string[],
): Promise<Message> {
  return dispatchFound(findCommand(commands, name, words), deps, ctx);
}

/** Runs a looked-up command: admin check, argument validation, errors as short replies. Never throws. */
export async function dispatchFound<Deps>(found: CommandLookup<Deps>, deps: Deps & DispatchDeps, ctx: CommandContext): Promise<Message> {
  const { command, args, name, sub, subs } = found;
  if (command === undefined) {
    if (subs.length > 0) {
      return replyMessage(`/${name}`, sub === undefined ? `Say what to do: /${name} ${subs.join('|')}.` : `/${name} has no "${sub}"; use one of: ${subs.join(', ')}.`);
    }
    return replyMessage('Unknown command', `There is no /${name}; try /help.`);
  }
  if (command.adminOnly && !ctx.isAdmin) {
    deps.logger.info('admin command refused', { command: command.name, userId: ctx.userId, workspaceId: ctx.workspaceId });
    await deps.onRefused?.(ctx, command.name);
    return replyMessage('Not allowed', `Only server managers (Discord) and workspace admins (Slack) can use /${command.name}.`);
  }
  const parsed = command.args.safeParse(args);
  if (!parsed.success) return replyMessage(`/${command.name}`, `Invalid arguments: ${z.prettifyError(parsed.error).replace(/\n/gu, ' ')}`);
  try {
    return await command.run(deps, ctx, parsed.data);
  } catch (err) {
    const error = toDigestError(err);
    const log = error.userFacing ? deps.logger.info : deps.logger.error;
    log('command failed', { command: command.name, code: error.code, err: error.message });
    return replyMessage(`/${command.name} failed`, error.userFacing ? error.message : 'Something went wrong; the details are in the log.');
  }
}

/** Runs a typed command line ("/digest morning"). Never throws. */
export async function dispatchCommand<Deps>(
  commands: readonly Command<Deps>[], deps: Deps & DispatchDeps, ctx: CommandContext, text: string,
): Promise<Message> {
  const parsed = parseCommandLine(text);
  if (parsed === null) return replyMessage('Unknown input', 'Commands start with "/"; try /help.');
  return dispatchRequest(commands, deps, ctx, parsed.name, parsed.words);
}
