/** `/digest [name]`: a digest of this workspace built now (the first one when no name is given). */
import { z } from 'zod';
import { digestDefinitionSchema, type DigestDefinition } from '../digests/definition.ts';
import { DigestError } from '../errors.ts';
import type { CommandServices } from './services.ts';
import type { Command } from './types.ts';

/** Name of the digest every workspace has when it defines none: all its sources. */
export const DEFAULT_DIGEST = 'news';

/** The workspace's definitions, or its implicit default digest over all its sources. */
export async function workspaceDigests(services: CommandServices, workspaceId: string): Promise<DigestDefinition[]> {
  const defs = (await services.definitions.list(workspaceId)).map((d) => d.def);
  if (defs.length > 0) return defs;
  return [digestDefinitionSchema.parse({ name: DEFAULT_DIGEST, title: 'News digest', workspace: workspaceId, sources: [{ type: 'workspace' }], channels: [] })];
}

export const digestCommand = {
  name: 'digest',
  description: 'the latest digest now: /digest [name]',
  adminOnly: false,
  args: z.tuple([z.string().regex(/^[a-z0-9-]+$/u, 'a digest name').optional()]),
  async run(services, ctx, [name]) {
    const all = await workspaceDigests(services, ctx.workspaceId);
    const def = name === undefined ? all[0] : all.find((d) => d.name === name);
    if (def === undefined) {
      throw new DigestError('command/invalid', `there is no digest called "${name ?? ''}" here (known: ${all.map((d) => d.name).join(', ')})`);
    }
    return (await services.build(def)).message;
  },
} satisfies Command<CommandServices, z.ZodTuple<[z.ZodOptional<z.ZodString>]>>;
