/** `/help`: the commands and what they do. */
import { z } from 'zod';
import type { Command } from './types.ts';

export function helpCommand<Deps>(commands: () => readonly Command<Deps>[]): Command<Deps> {
  return {
    name: 'help',
    description: 'this list',
    adminOnly: false,
    args: z.tuple([]),
    run: () => Promise.resolve({
      title: 'Commands',
      sections: [{ lines: commands().map((c) => `/${c.name} — ${c.description}${c.adminOnly ? ' (admins)' : ''}`) }],
      ephemeral: true,
    }),
  };
}
