/**
 * An independent PNG reader for tests: checks the signature, walks the
 * chunks (verifying each CRC-32 with a table-based implementation, not the
 * encoder's), inflates the IDAT data with node:zlib and undoes all five
 * scanline filters. Supports 8-bit truecolour (RGB) and truecolour with
 * alpha, non-interlaced: what the chart renderer writes.
 */
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  /** Chunk types in file order. */
  chunks: string[];
  /** Filter type used on each scanline. */
  filters: number[];
  /** RGB of (x, y). */
  rgb(x: number, y: number): [number, number, number];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(bytes: Uint8Array): DecodedPng {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error('not a PNG signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: string[] = [];
  const idat: Uint8Array[] = [];
  let width = 0;
  let height = 0;
  let channels = 0;
  let offset = 8;
  while (offset < bytes.length) {
    const length = view.getUint32(offset);
    const type = new TextDecoder().decode(bytes.subarray(offset + 4, offset + 8));
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    const stored = view.getUint32(offset + 8 + length);
    if (crc(bytes.subarray(offset + 4, offset + 8 + length)) !== stored) throw new Error(`bad CRC in ${type}`);
    chunks.push(type);
    if (type === 'IHDR') {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      const [depth, colour, , , interlace] = data.subarray(8);
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6)) throw new Error(`unsupported IHDR ${String(depth)}/${String(colour)}/${String(interlace)}`);
      channels = colour === 2 ? 3 : 4;
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  if (chunks[0] !== 'IHDR' || chunks.at(-1) !== 'IEND') throw new Error(`bad chunk order ${chunks.join(',')}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length !== (stride + 1) * height) throw new Error(`inflated ${String(raw.length)} bytes, expected ${String((stride + 1) * height)}`);
  const out = new Uint8Array(stride * height);
  const filters: number[] = [];
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? -1;
    filters.push(filter);
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i] ?? 0;
      const a = i >= channels ? (out[y * stride + i - channels] ?? 0) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + i] ?? 0) : 0;
      const c = i >= channels && y > 0 ? (out[(y - 1) * stride + i - channels] ?? 0) : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new Error(`unknown filter ${String(filter)} on row ${String(y)}`);
      out[y * stride + i] = (x + predictor) & 0xff;
    }
  }
  return {
    width, height, chunks, filters,
    rgb(x, y) {
      if (x < 0 || y < 0 || x >= width || y >= height) throw new RangeError(`pixel ${String(x)},${String(y)} outside ${String(width)}×${String(height)}`);
      const i = y * stride + x * channels;
      return [out[i] ?? 0, out[i + 1] ?? 0, out[i + 2] ?? 0];
    },
  };
}

/** Whether the bytes are a PNG this reader accepts (signature, CRCs, inflatable IDAT). */
export function isValidPng(bytes: Uint8Array): boolean {
  try {
    decodePng(bytes);
    return true;
  } catch {
    return false;
  }
}
