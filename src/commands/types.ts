/**
 * Platform-neutral commands: one file per command, each declaring its name, description, typed options,
 * admin flag and handler. The catalog (Discord registration, Slack and console help, the command-line parser)
 * is generated from these declarations (`catalog.ts`); the dispatcher reads and checks the options by their
 * kinds before the handler runs, so a handler gets one checked value per option.
 */
import type { OptionSpec } from '../chat/catalog.ts';
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

/** The checked values a handler gets: one per option, a required one always present, a `choice` one of its choices. */
export type OptionValues<O extends readonly OptionSpec[]> = {
  -readonly [K in keyof O]: (O[K] extends { choices: readonly (infer C)[] } ? C : string) | (O[K] extends { required: true } ? never : undefined)
};

/** A command as declared in its file (a subcommand declares no admin flag: its group does). */
export interface CommandDeclaration<Deps, O extends readonly OptionSpec[] = readonly OptionSpec[]> {
  name: string;
  /** One line, shown in Discord's command list and in help (at most 100 characters). */
  description: string;
  adminOnly: boolean;
  options: O;
  run(deps: Deps, ctx: CommandContext, args: OptionValues<O>): Promise<Message>;
}

/** A command of subcommands (`/sources add|remove|list`), declared in its folder's index. */
export interface CommandGroup<Deps> {
  name: string;
  description: string;
  adminOnly: boolean;
  subcommands: readonly Omit<Command<Deps>, 'adminOnly'>[];
}

/** A command as the dispatcher runs it: `name` is the command, or command and subcommand (`sources add`). */
export interface Command<Deps> {
  name: string;
  description: string;
  adminOnly: boolean;
  options: readonly OptionSpec[];
  run(deps: Deps, ctx: CommandContext, args: readonly (string | undefined)[]): Promise<Message>;
}

/**
 * Declares a command with typed options: the handler's arguments follow the options (`as const` keeps them exact).
 * The declaration's handler is called only with values the option kinds have checked.
 */
export function defineCommand<Deps, const O extends readonly OptionSpec[]>(declaration: CommandDeclaration<Deps, O>): Command<Deps> {
  return declaration as unknown as Command<Deps>;
}

/** Declares a subcommand of a group (the group's admin flag holds for it). */
export function defineSubcommand<Deps, const O extends readonly OptionSpec[]>(
  declaration: Omit<CommandDeclaration<Deps, O>, 'adminOnly'>,
): Omit<Command<Deps>, 'adminOnly'> {
  return declaration as unknown as Omit<Command<Deps>, 'adminOnly'>;
}
