/** `/digest [name]`: the digest of a definition, built now. */
import { z } from 'zod';
import { buildDigest, type BuildDigestDeps } from '../digests/build-digest.ts';
import type { DigestDefinition } from '../digests/definition.ts';
import { DigestError } from '../errors.ts';
import type { Command } from './types.ts';

export interface DigestCommandDeps {
  definitions(): DigestDefinition[];
  /** The build dependencies for a definition (its sources are read relative to its file). */
  build(def: DigestDefinition): BuildDigestDeps;
}

export const digestCommand = {
  name: 'digest',
  description: 'the latest digest now: /digest [name]',
  adminOnly: false,
  args: z.tuple([z.string().regex(/^[a-z0-9-]+$/u, 'a digest name').optional()]),
  async run(deps, _ctx, [name]) {
    const all = deps.definitions();
    const def = name === undefined ? all[0] : all.find((d) => d.name === name);
    if (def === undefined) {
      throw new DigestError('command/invalid', name === undefined ? 'no digest is defined yet' : `there is no digest called "${name}" (known: ${all.map((d) => d.name).join(', ')})`);
    }
    return (await buildDigest(deps.build(def), def)).message;
  },
} satisfies Command<DigestCommandDeps, z.ZodTuple<[z.ZodOptional<z.ZodString>]>>;
