/** `/digest [name]`: a digest of this workspace built now (the first one when no name is given). */
import { DEFAULT_DIGEST } from '../digests/definition-registry.ts';
import type { DigestDefinition } from '../digests/definition.ts';
import { DigestError } from '../errors.ts';
import type { CommandServices } from './services.ts';
import { defineCommand } from './types.ts';

export { DEFAULT_DIGEST };

/** The workspace's definitions as the registry lists them: its default digest over all its sources included, samples only until it has sources. */
export async function workspaceDigests(services: CommandServices, workspaceId: string): Promise<DigestDefinition[]> {
  return (await services.definitions.list(workspaceId)).map((d) => d.def);
}

export const digestCommand = defineCommand({
  name: 'digest',
  description: 'The latest digest, built now',
  adminOnly: false,
  options: [{ name: 'digest', description: 'digest name', kind: 'text', required: false, autocomplete: 'digest', maxLength: 64 }],
  async run(services: CommandServices, ctx, [name]) {
    const all = await workspaceDigests(services, ctx.workspaceId);
    const def = name === undefined ? all[0] : all.find((d) => d.name === name);
    if (def === undefined) {
      throw new DigestError('command/invalid', `there is no digest called "${name ?? ''}" here (known: ${all.map((d) => d.name).join(', ')})`);
    }
    return (await services.build(def)).message;
  },
});
