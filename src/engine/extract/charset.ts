/**
 * Decodes a web page's bytes the way browsers do: byte-order mark, then the
 * Content-Type header's charset, then a charset declared in the first bytes
 * of the document (`<meta charset>`, `<meta http-equiv>`, `<?xml encoding?>`),
 * then UTF-8 when the bytes are valid UTF-8, else windows-1252.
 * A declared UTF-8 that does not decode cleanly falls back to windows-1252,
 * so mislabelled Latin-1 pages never turn into U+FFFD soup; UTF-8 with only
 * a few broken bytes stays UTF-8 (one stray byte must not garble every umlaut).
 */

/** How many leading bytes are scanned for an in-document charset declaration. */
const PRESCAN_BYTES = 2048;
/** How many leading bytes are checked for NUL bytes and magic numbers. */
const BINARY_SCAN_BYTES = 4096;

/** Labels browsers treat as windows-1252 (a superset of Latin-1 and ASCII). */
const WINDOWS_1252_ALIASES = new Set([
  'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'cp1252', 'x-cp1252',
  'windows-1252', 'cp819', 'ibm819', 'iso-ir-100', 'csisolatin1', 'iso_8859-1:1987',
]);

const HEADER_CHARSET = /charset\s*=\s*["']?([\w.:-]+)/iu;
const META_CHARSET = /<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)/iu;
const XML_ENCODING = /^\s*<\?xml[^>]+?encoding\s*=\s*["']([\w.:-]+)/iu;

/**
 * windows-1252 code points of bytes 0x80–0x9F (the rest equals Latin-1). Decoded by hand: some Node
 * releases decode the "windows-1252" label as plain Latin-1, turning "€" into a C1 control.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const CHUNK = 8192;

/** Decodes windows-1252 bytes (never fails: every byte has a character). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const codes = new Array<number>(Math.min(CHUNK, bytes.length));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    codes.length = end - start;
    for (let i = start; i < end; i++) {
      const b = bytes[i] ?? 0;
      codes[i - start] = b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] ?? b) : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** A decoder for `label`, or null when the runtime does not know the label. */
function decoderFor(label: string, fatal: boolean): InstanceType<typeof TextDecoder> | null {
  const lower = label.trim().toLowerCase();
  const name = WINDOWS_1252_ALIASES.has(lower) ? 'windows-1252' : lower;
  try {
    return new TextDecoder(name, { fatal });
  } catch {
    return null;
  }
}

/** Decodes with a declared label; null when the label is unknown or declared UTF-8 is invalid. */
function decodeDeclared(bytes: Uint8Array, label: string): string | null {
  if (WINDOWS_1252_ALIASES.has(label.trim().toLowerCase())) return decodeWindows1252(bytes);
  const decoder = decoderFor(label, true);
  if (decoder === null) return null;
  // UTF-16 declared inside an ASCII-compatible document is a lie (HTML spec): read it as UTF-8.
  if (decoder.encoding.startsWith('utf-16')) return decodeDeclared(bytes, 'utf-8');
  try {
    return decoder.decode(bytes);
  } catch {
    return decoder.encoding === 'utf-8' ? mostlyUtf8(bytes) : (decoderFor(label, false)?.decode(bytes) ?? null);
  }
}

/** The charset an HTML or XML document declares in its first bytes, if any. */
export function sniffDeclaredCharset(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, PRESCAN_BYTES));
  const xml = XML_ENCODING.exec(head);
  if (xml?.[1] !== undefined) return xml[1];
  const meta = META_CHARSET.exec(head);
  return meta?.[1] ?? null;
}

function bomEncoding(bytes: Uint8Array): string | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  return null;
}

/** Decodes a page's bytes to text, choosing the encoding as browsers do. Never throws. */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): string {
  const bom = bomEncoding(bytes);
  if (bom !== null) return new TextDecoder(bom).decode(bytes); // TextDecoder strips the BOM itself
  const headerLabel = contentType == null ? undefined : HEADER_CHARSET.exec(contentType)?.[1];
  if (headerLabel !== undefined) {
    const text = decodeDeclared(bytes, headerLabel);
    if (text !== null) return text;
  }
  const declared = sniffDeclaredCharset(bytes);
  if (declared !== null) {
    const text = decodeDeclared(bytes, declared);
    if (text !== null) return text;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return mostlyUtf8(bytes) ?? decodeWindows1252(bytes);
  }
}

/** Valid non-ASCII characters per broken sequence above which invalid UTF-8 is UTF-8 with a few bad bytes. */
const UTF8_MIN_VALID_PER_BROKEN = 8;

/**
 * UTF-8 with a few broken bytes (a truncated character, one pasted Latin-1 byte) decoded leniently, or null
 * when the bytes are mostly not UTF-8 (Latin-1 mislabelled as UTF-8: every umlaut is a broken sequence).
 */
function mostlyUtf8(bytes: Uint8Array): string | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let broken = 0;
  let valid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) broken++;
    else if (c > 0x7f) valid++;
  }
  return valid >= broken * UTF8_MIN_VALID_PER_BROKEN ? text : null;
}

/** Leading bytes of binary formats a page fetch may return instead of HTML. */
const MAGIC_NUMBERS: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x50, 0x4b, 0x03, 0x04], // ZIP (also docx, xlsx, epub)
  [0x1f, 0x8b], // gzip
];

/** Whether the bytes look like a binary file rather than text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const bom = bomEncoding(bytes);
  if (bom !== null && bom !== 'utf-8') return false;
  if (MAGIC_NUMBERS.some((magic) => magic.every((byte, i) => bytes[i] === byte))) return true;
  const n = Math.min(bytes.length, BINARY_SCAN_BYTES);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
