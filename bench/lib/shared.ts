/** Locates ../shared (evaluation data); absent on a user's clone. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of ../shared, or null when it is not there. */
export function sharedDir(): string | null {
  const dir = process.env['DIGESTBOT_SHARED'] ?? resolve(projectRoot, '..', 'shared');
  return existsSync(join(dir, 'eval')) ? dir : null;
}

/** Path inside ../shared/eval, or null (with the reason printed once by the caller). */
export function evalPath(...parts: string[]): string | null {
  const dir = sharedDir();
  if (dir === null) return null;
  const p = join(dir, 'eval', ...parts);
  return existsSync(p) ? p : null;
}

/** Reads a JSON Lines file into objects. */
export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);
}

/** Reads a gzipped file as bytes. */
export function readGz(path: string): Uint8Array {
  return gunzipSync(readFileSync(path));
}

export const SKIP_MESSAGE = 'skipped: ../shared/eval is not present (it ships only with the development workspace)';
