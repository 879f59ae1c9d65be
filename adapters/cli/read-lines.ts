/**
 * Yields the lines of a byte stream, pulling the next chunk only when the
 * consumer asks for the next line: memory holds one chunk plus one line,
 * however long the input. UTF-8 is decoded across chunk boundaries.
 */

/** Longest line accepted; a longer one is reported as too long and skipped. @defaultValue 64 MiB */
export const MAX_LINE_CHARS = 64 * 1024 * 1024;

export type LineItem = { line: string; tooLong: false } | { line: ''; tooLong: true };

export async function* readLines(stream: AsyncIterable<unknown>, maxChars = MAX_LINE_CHARS): AsyncGenerator<LineItem> {
  const decoder = new TextDecoder('utf-8');
  let buffer = '';
  let skipping = false;
  for await (const chunk of stream) {
    buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    let nl = buffer.indexOf('\n');
    while (nl !== -1) {
      const line = buffer.slice(0, nl).replace(/\r$/u, '');
      buffer = buffer.slice(nl + 1);
      if (skipping) skipping = false;
      else yield { line, tooLong: false };
      nl = buffer.indexOf('\n');
    }
    if (buffer.length > maxChars) {
      if (!skipping) yield { line: '', tooLong: true };
      skipping = true;
      buffer = '';
    }
  }
  buffer += decoder.decode();
  if (buffer !== '' && !skipping) yield { line: buffer.replace(/\r$/u, ''), tooLong: false };
}
