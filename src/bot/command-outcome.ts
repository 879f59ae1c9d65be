/**
 * Tells how one chat request ended, for the metrics port, without changing
 * how commands are dispatched: the commands are wrapped so the probe sees
 * whether one ran and whether it threw; a refusal is reported by the caller.
 */
import type { CommandLookup } from '../commands/dispatch.ts';
import type { CommandOutcome } from '../metrics.ts';

export interface CommandProbe<Deps> {
  /** The request's lookup, its command wrapped so the probe sees it run. */
  found: CommandLookup<Deps>;
  /** Call when the request was refused (admin command from a non-admin). */
  refused(): void;
  /** How the request ended; read after dispatching. */
  outcome(): CommandOutcome;
}

export function commandProbe<Deps>(found: CommandLookup<Deps>): CommandProbe<Deps> {
  let ran = false;
  let failed = false;
  let refused = false;
  const command = found.command;
  return {
    found: command === undefined ? found : {
      ...found,
      command: {
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
      },
    },
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
export function commandLabel<Deps>(found: CommandLookup<Deps>): string {
  if (found.command !== undefined) return found.command.name;
  return found.subs.length > 0 ? found.name : 'unknown';
}
