/** Placeholder: replaced by BOM/header/meta charset sniffing. */
export function decodeHtml(bytes: Uint8Array, _contentType?: string | null): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** Whether the bytes look like a binary file rather than text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let nul = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nul++;
  return nul > 0;
}
