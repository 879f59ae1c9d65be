/**
 * Turns a command request into a command call: looks the command (and subcommand) up once, checks admin
 * rights, reads and checks the option values by their kinds and maps failures to short, specific replies
 * (details go to the log).
 */
import { readOptions, wordTokens } from '../chat/command-line.ts';
import { echoArg } from '../chat/option-kinds.ts';
import { commandHead, OWN_SLASH } from '../chat/usage.ts';
import { toDigestError } from '../errors.ts';
import { nearNames } from '../format/near-names.ts';
import type { Message } from '../messages/model.ts';
import { platformOf } from '../messages/platform-id.ts';
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
  /** The top-level command names, for "did you mean". */
  known: string[];
}

/** Looks `name` (and a subcommand in the first word) up in the commands. */
export function findCommand<Deps>(commands: readonly Command<Deps>[], name: string, words: readonly string[]): CommandLookup<Deps> {
  const sub = words[0]?.toLowerCase();
  const withSub = sub === undefined ? undefined : commands.find((c) => c.name === `${name} ${sub}`);
  const command = withSub ?? commands.find((c) => c.name === name);
  const subs = commands.filter((c) => c.name.startsWith(`${name} `)).map((c) => c.name.slice(name.length + 1));
  const known = [...new Set(commands.map((c) => c.name.split(' ')[0] ?? c.name))];
  return { command, args: withSub === undefined ? words : words.slice(1), name, sub, subs, known };
}

/** Runs `name` with its argument words (subcommand first, when the command has subcommands). Never throws. */
export async function dispatchRequest<Deps>(
  commands: readonly Command<Deps>[], deps: Deps & DispatchDeps, ctx: CommandContext, name: string, words: readonly string[],
): Promise<Message> {
  return dispatchFound(findCommand(commands, name, words), deps, ctx);
}

function notFound<Deps>({ name, sub, subs, known }: CommandLookup<Deps>): Message {
  if (subs.length > 0) {
    return replyMessage(`/${name}`, sub === undefined ? `Say what to do: /${name} ${subs.join('|')}.` : `/${name} has no "${echoArg(sub)}"; use one of: ${subs.join(', ')}.`);
  }
  const near = nearNames(name, known)[0];
  return replyMessage('Unknown command', `There is no /${echoArg(name)}.${near === undefined ? '' : ` Did you mean /${near}?`} Try /help.`);
}

/** Runs a looked-up command: admin check, option values checked by kind, errors as short replies. Never throws. */
export async function dispatchFound<Deps>(found: CommandLookup<Deps>, deps: Deps & DispatchDeps, ctx: CommandContext): Promise<Message> {
  const { command, args } = found;
  if (command === undefined) return notFound(found);
  if (command.adminOnly && !ctx.isAdmin) {
    deps.logger.info('admin command refused', { command: command.name, userId: ctx.userId, workspaceId: ctx.workspaceId });
    await deps.onRefused?.(ctx, command.name);
    return replyMessage('Not allowed', `Only server managers (Discord) and workspace admins (Slack) can use /${command.name}.`);
  }
  const [top = command.name, sub] = command.name.split(' ');
  const values = readOptions(command.options, wordTokens(args), { platform: platformOf(ctx.workspaceId), style: OWN_SLASH, command: top, sub });
  if (!values.ok) return replyMessage('Invalid arguments', values.error.message);
  try {
    return await command.run(deps, ctx, values.value);
  } catch (err) {
    const error = toDigestError(err);
    const log = error.userFacing ? deps.logger.info : deps.logger.error;
    log('command failed', { command: command.name, code: error.code, err: error.message });
    return replyMessage(`${commandHead(OWN_SLASH, top, sub)} failed`, error.userFacing ? error.message : 'Something went wrong; the details are in the log.');
  }
}
