/**
 * PNG encoding of an RGB raster: signature, IHDR (8-bit truecolour, no
 * interlace), one zlib-compressed IDAT with the "Up" filter on every
 * scanline, IEND; each chunk with its CRC-32.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Raster } from './raster.ts';

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
/** PNG filter type "Up": each byte minus the byte above it. */
const FILTER_UP = 2;

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function header(width: number, height: number): Uint8Array {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data[8] = 8; // bit depth
  data[9] = 2; // colour type: truecolour (RGB)
  // compression 0 (deflate), filter method 0, interlace 0 (none): already zero
  return data;
}

/** Scanlines with a filter byte each ("Up": the first row is stored as is). */
function filtered(raster: Raster): Uint8Array {
  const stride = raster.width * 3;
  const out = new Uint8Array((stride + 1) * raster.height);
  const px = raster.pixels;
  for (let y = 0; y < raster.height; y++) {
    const row = y * (stride + 1);
    out[row] = FILTER_UP;
    const line = px.subarray(y * stride, (y + 1) * stride);
    if (y === 0) {
      out.set(line, row + 1);
      continue;
    }
    const above = px.subarray((y - 1) * stride, y * stride);
    for (let i = 0; i < stride; i++) out[row + 1 + i] = ((line[i] as number) - (above[i] as number)) & 0xff;
  }
  return out;
}

/** The raster as PNG file bytes. */
export function encodePng(raster: Raster): Uint8Array {
  const parts = [
    PNG_SIGNATURE,
    chunk('IHDR', header(raster.width, raster.height)),
    chunk('IDAT', deflateSync(filtered(raster))),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
