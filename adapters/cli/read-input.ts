/** Loads what `digest <path|url|->` names and turns it into engine input. */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DigestError, fetchDocument, prepareInput, type DigestInput, type HttpClient } from '../../src/index.ts';

/** Largest local file or stdin input accepted, in bytes. */
export const MAX_LOCAL_BYTES = 20 * 1024 * 1024;

export function isUrl(arg: string): boolean {
  return /^https?:\/\//iu.test(arg);
}

export async function readStream(stream: NodeJS.ReadableStream, maxBytes = MAX_LOCAL_BYTES): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    total += buf.byteLength;
    if (total > maxBytes) throw new DigestError('input/invalid', `standard input is larger than ${maxBytes} bytes`);
    chunks.push(buf);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

export async function loadInput(
  arg: string,
  ctx: { cwd: string; stdin: NodeJS.ReadableStream; http: HttpClient },
): Promise<DigestInput> {
  if (arg === '-') return prepareInput(await readStream(ctx.stdin), 'standard input');
  if (isUrl(arg)) {
    const page = await fetchDocument(ctx.http, arg);
    return prepareInput(page.bytes, page.url, page.contentType, page.url);
  }
  const path = resolve(ctx.cwd, arg);
  const info = await stat(path).catch((err: unknown) => {
    throw new DigestError('input/not-found', `no such file: ${arg}`, { cause: err });
  });
  if (info.isDirectory()) throw new DigestError('input/invalid', `${arg} is a directory, not a file`);
  if (info.size > MAX_LOCAL_BYTES) throw new DigestError('input/invalid', `${arg} is larger than ${MAX_LOCAL_BYTES} bytes`);
  return prepareInput(new Uint8Array(await readFile(path)), arg);
}
