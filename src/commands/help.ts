/** `/help`: the commands and what they do, generated from the catalog (the console's and Discord's form). */
import type { CommandSpec } from '../chat/catalog.ts';
import { helpMessage, OWN_SLASH } from '../chat/usage.ts';
import { defineCommand, type Command } from './types.ts';

/** The help command over a catalog that includes it (hence the thunk). */
export function helpCommand<Deps>(catalog: () => readonly CommandSpec[]): Command<Deps> {
  return defineCommand<Deps, []>({
    name: 'help',
    description: 'What the bot can do',
    adminOnly: false,
    options: [],
    run: () => Promise.resolve(helpMessage(catalog(), OWN_SLASH)),
  });
}
