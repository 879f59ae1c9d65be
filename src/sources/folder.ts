/** Reads a folder source: every .html/.htm/.txt file in it, sorted by name. */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { DigestError } from '../errors.ts';

/** One article as a folder source yields it. */
export interface RawArticle {
  /** File name or URL, for messages and logs. */
  name: string;
  url: string | null;
  bytes: Uint8Array;
  contentType: string | null;
}

const ARTICLE_EXTENSIONS = new Set(['.html', '.htm', '.txt']);

export async function readFolderSource(folder: string): Promise<RawArticle[]> {
  let files: string[];
  try {
    files = (await readdir(folder)).filter((f) => ARTICLE_EXTENSIONS.has(extname(f).toLowerCase())).sort();
  } catch (err) {
    throw new DigestError('input/not-found', `source folder ${folder} cannot be read`, { cause: err });
  }
  const out: RawArticle[] = [];
  for (const name of files) {
    const bytes = new Uint8Array(await readFile(join(folder, name)));
    out.push({ name, url: null, bytes, contentType: extname(name).toLowerCase() === '.txt' ? 'text/plain' : 'text/html' });
  }
  return out;
}
