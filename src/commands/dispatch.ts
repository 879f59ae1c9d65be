/**
 * Turns a typed command line ("/digest morning") into a command call:
 * looks the command up, checks admin rights, validates the arguments and
 * maps failures to short, specific replies (details go to the log).
 */
import { z } from 'zod';
import { toDigestError } from '../errors.ts';
import type { Message } from '../messages/model.ts';
import type { Logger } from '../ports.ts';
import type { Command, CommandContext } from './types.ts';

export interface DispatchDeps {
  logger: Logger;
}

function reply(title: string, line: string): Message {
  return { title, sections: [{ lines: [line] }], ephemeral: true };
}

/** Splits "/name a b" into the name and its argument words. */
export function parseCommandLine(text: string): { name: string; words: string[] } | null {
  const words = text.trim().split(/\s+/u).filter((w) => w !== '');
  const head = words.shift();
  if (head === undefined || !head.startsWith('/') || head.length < 2) return null;
  return { name: head.slice(1).toLowerCase(), words };
}

export async function dispatchCommand<Deps>(
  commands: readonly Command<Deps>[], deps: Deps & DispatchDeps, ctx: CommandContext, text: string,
): Promise<Message> {
  const parsed = parseCommandLine(text);
  if (parsed === null) return reply('Unknown input', 'Commands start with "/"; try /help.');
  const command = commands.find((c) => c.name === parsed.name);
  if (command === undefined) return reply('Unknown command', `There is no /${parsed.name}; try /help.`);
  if (command.adminOnly && !ctx.isAdmin) {
    return reply('Not allowed', `Only server managers can use /${command.name}.`);
  }
  const args = command.args.safeParse(parsed.words);
  if (!args.success) return reply(`/${command.name}`, `Invalid arguments: ${z.prettifyError(args.error).replace(/\n/gu, ' ')}`);
  try {
    return await command.run(deps, ctx, args.data);
  } catch (err) {
    const error = toDigestError(err);
    const log = error.userFacing ? deps.logger.info : deps.logger.error;
    log('command failed', { command: command.name, code: error.code, err: error.message });
    return reply(`/${command.name} failed`, error.userFacing ? error.message : 'Something went wrong; the details are in the log.');
  }
}
