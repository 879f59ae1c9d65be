/** Loads and validates the digest definition files of a folder. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DigestError, fail, ok, type Result } from '../errors.ts';
import { digestDefinitionSchema, type DigestDefinition } from './definition.ts';

/** A definition with the file it came from. */
export interface LoadedDefinition {
  file: string;
  definition: DigestDefinition;
}

/** Every `*.json` in `dir`, each validated; a bad file is a failed Result naming every problem, not a crash. */
export async function loadDigestDefinitions(dir: string): Promise<Result<LoadedDefinition>[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(names.map(async (name) => {
    const file = join(dir, name);
    try {
      const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
      const parsed = digestDefinitionSchema.safeParse(raw);
      if (!parsed.success) {
        return fail(new DigestError('config/invalid', `${name}: ${z.prettifyError(parsed.error)}`, { cause: parsed.error }));
      }
      return ok({ file, definition: parsed.data });
    } catch (err) {
      return fail(new DigestError('config/invalid', `${name}: ${err instanceof Error ? err.message : String(err)}`, { cause: err }));
    }
  }));
}
