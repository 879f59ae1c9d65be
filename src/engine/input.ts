/**
 * Turns raw bytes (a file, stdin, an HTTP body) into engine input: decodes the
 * charset and decides between HTML and scraped plain text by content, never by
 * file name or URL.
 */
import { DigestError } from './errors.ts';
import type { DigestInput } from './digest.ts';
import { decodeHtml, looksBinary } from './extract/charset.ts';

const HTML_SIGNS = /<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>|article[\s>]|div[\s>]|p>|p\s)/iu;

/** Whether a decoded document is markup rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return HTML_SIGNS.test(text.slice(0, 4096));
}

/**
 * Decodes `bytes` and wraps them as engine input.
 * @throws DigestError `input/binary` for binary data, `input/empty` for blank input.
 */
export function prepareInput(bytes: Uint8Array, source: string, contentType: string | null = null, url?: string): DigestInput {
  if (looksBinary(bytes)) throw new DigestError('input/binary', `${source} is a binary file, not a web page or text`);
  const decoded = decodeHtml(bytes, contentType);
  if (decoded.trim() === '') throw new DigestError('input/empty', `${source} is empty`);
  return looksLikeHtml(decoded) ? { html: decoded, url } : { text: decoded, url };
}
