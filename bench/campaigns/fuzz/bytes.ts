/**
 * Text to bytes in the encodings (and mis-encodings) pages and feeds arrive in: UTF-8 with and without BOM,
 * UTF-16 with BOM, windows-1252 (whatever the document declares), both mixed in one document, and UTF-8
 * with invalid sequences (overlong forms, encoded surrogates, bytes F5–FF, truncated characters).
 */

export const ENCODINGS = ['utf-8', 'utf-8-bom', 'windows-1252', 'utf-16le-bom', 'utf-16be-bom', 'mixed', 'invalid-utf-8'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Byte sequences no UTF-8 decoder accepts. */
export const INVALID_UTF8: readonly (readonly number[])[] = [
  [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf5], [0xff], [0xfe],
  [0x80], [0xbf], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xc3, 0x28], [0xa0, 0xa1], [0xf8, 0x88, 0x80, 0x80, 0x80],
];

const utf8 = new TextEncoder();

/** windows-1252 bytes of `text` (characters it lacks become `?`). */
export function windows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  const high: Record<number, number> = { 0x20ac: 0x80, 0x201e: 0x84, 0x2026: 0x85, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2013: 0x96, 0x2014: 0x97 };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : (high[c] ?? 0x3f);
  }
  return out;
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + i * 2] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Inserts invalid UTF-8 sequences into UTF-8 bytes, one every `every` bytes (deterministic). */
export function withInvalidUtf8(bytes: Uint8Array, every = 97): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let at = 0, k = 0; at < bytes.length; at += every, k++) {
    parts.push(bytes.subarray(at, at + every), Uint8Array.from(INVALID_UTF8[k % INVALID_UTF8.length] ?? [0xff]));
  }
  return concatBytes(parts);
}

/** `text` as bytes in `encoding`. */
export function encodeAs(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return utf8.encode(text);
    case 'utf-8-bom':
      return concatBytes([Uint8Array.of(0xef, 0xbb, 0xbf), utf8.encode(text)]);
    case 'windows-1252':
      return windows1252(text);
    case 'utf-16le-bom':
      return utf16(text, false);
    case 'utf-16be-bom':
      return utf16(text, true);
    case 'mixed': {
      // Alternate halves: the first in UTF-8, the second in windows-1252 (and the other way round inside).
      const mid = Math.floor(text.length / 2);
      return concatBytes([utf8.encode(text.slice(0, mid)), windows1252(text.slice(mid))]);
    }
    case 'invalid-utf-8':
      return withInvalidUtf8(utf8.encode(text));
  }
}
