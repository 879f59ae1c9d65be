/**
 * Platform-neutral commands: one file per command, each validating its
 * arguments with zod and returning the neutral message model.
 */
import type { z } from 'zod';
import type { Message } from '../messages/model.ts';

/** Who asks, where: filled in by the adapter. */
export interface CommandContext {
  workspaceId: string;
  userId: string;
  /** Whether the platform says the user may manage the bot (the adapter's admin check). */
  isAdmin: boolean;
  /** Where the command was typed (`discord:<channel>`), when known. */
  channelId: string | null;
}

export interface Command<Deps, Schema extends z.ZodType = z.ZodType> {
  /** The command, or command and subcommand (`sources add`). */
  name: string;
  description: string;
  adminOnly: boolean;
  /** Parses the words after the command name. */
  args: Schema;
  run(deps: Deps, ctx: CommandContext, args: z.infer<Schema>): Promise<Message>;
}
