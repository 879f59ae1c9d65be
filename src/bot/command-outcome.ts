/**
 * Tells how one chat request ended, for the metrics port, without changing
 * how commands are dispatched: the commands are wrapped so the probe sees
 * whether one ran and whether it threw; a refusal is reported by the caller.
 */
import type { Command } from '../commands/types.ts';
import type { CommandOutcome } from '../metrics.ts';

export interface CommandProbe<Deps> {
  /** The commands to dispatch this one request with. */
  commands: Command<Deps>[];
  /** Call when the request was refused (admin command from a non-admin). */
  refused(): void;
  /** How the request ended; read after dispatching. */
  outcome(): CommandOutcome;
}

export function commandProbe<Deps>(commands: readonly Command<Deps>[]): CommandProbe<Deps> {
  let ran = false;
  let failed = false;
  let refused = false;
  return {
    commands: commands.map((command) => ({
      ...command,
      async run(deps, ctx, args) {
        ran = true;
        try {
          return await command.run(deps, ctx, args);
        } catch (err) {
          failed = true;
          throw err;
        }
      },
    })),
    refused() {
      refused = true;
    },
    outcome() {
      if (refused) return 'refused';
      if (!ran) return 'invalid';
      return failed ? 'error' : 'ok';
    },
  };
}

/**
 * The metrics label of a request: the command it reaches (`sources add`), the bare name when it is a
 * command group (`sources` with an unknown subcommand), else `unknown`. Never free text from the user.
 */
export function commandLabel<Deps>(commands: readonly Command<Deps>[], name: string, args: readonly string[]): string {
  const sub = args[0]?.toLowerCase();
  const withSub = sub === undefined ? undefined : commands.find((c) => c.name === `${name} ${sub}`);
  const command = withSub ?? commands.find((c) => c.name === name);
  if (command !== undefined) return command.name;
  return commands.some((c) => c.name.startsWith(`${name} `)) ? name : 'unknown';
}
