/**
 * Charts in console mode: the terminal cannot show a PNG, so a digest's
 * key-figures chart is written to a file under the data directory
 * (content-addressed: the same chart is written once) and its path printed.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MessageImage } from '../../src/index.ts';

/** Writes the image into `dir` (created if missing) as `chart-<hash>.png`. @returns the file's path */
export async function saveChart(dir: string, image: MessageImage): Promise<string> {
  const name = `chart-${createHash('sha256').update(image.png).digest('hex').slice(0, 16)}.png`;
  const path = join(dir, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path, image.png);
  return path;
}

/** The line printed under a digest that has a chart: where it was saved, or why not. */
export async function chartLine(dir: string | null, image: MessageImage | undefined): Promise<string | null> {
  if (image === undefined) return null;
  if (dir === null) return '  ▦ chart: not saved (no data directory)';
  try {
    return `  ▦ chart: ${await saveChart(dir, image)}`;
  } catch (err) {
    return `  ▦ chart: not saved (${err instanceof Error ? err.message : String(err)})`;
  }
}
