/**
 * An RGB raster in memory (3 bytes a pixel, rows top to bottom) with the few
 * drawing operations the charts need: filled rectangles and bitmap-font text.
 */
import { CELL_ROWS, GLYPH_WIDTH, fontChars, glyphOf } from './font.ts';

/** An RGB colour, each channel 0–255. */
export type Rgb = readonly [number, number, number];

/** Pixels between two characters, before scaling. */
const LETTER_GAP = 1;

export class Raster {
  readonly pixels: Uint8Array;

  constructor(readonly width: number, readonly height: number, background: Rgb) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
      throw new RangeError(`raster size must be positive integers, got ${String(width)}×${String(height)}`);
    }
    this.pixels = new Uint8Array(width * height * 3);
    this.fillRect(0, 0, width, height, background);
  }

  /** The colour at (x, y). */
  pixel(x: number, y: number): Rgb {
    const i = (y * this.width + x) * 3;
    return [this.pixels[i] ?? 0, this.pixels[i + 1] ?? 0, this.pixels[i + 2] ?? 0];
  }

  /** Fills the rectangle [x, x+w) × [y, y+h), clipped to the raster. */
  fillRect(x: number, y: number, w: number, h: number, colour: Rgb): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let row = y0; row < y1; row++) {
      for (let col = x0; col < x1; col++) {
        const i = (row * this.width + col) * 3;
        this.pixels[i] = colour[0];
        this.pixels[i + 1] = colour[1];
        this.pixels[i + 2] = colour[2];
      }
    }
  }

  /** Draws `text` with its cell's top-left corner at (x, y), each font pixel `scale`×`scale`. @returns the width drawn */
  text(text: string, x: number, y: number, colour: Rgb, scale = 1): number {
    let pen = x;
    for (const ch of fontChars(text)) {
      const glyph = glyphOf(ch);
      glyph.rows.forEach((row, r) => {
        row.forEach((ink, c) => {
          if (ink) this.fillRect(pen + c * scale, y + (glyph.top + r) * scale, scale, scale, colour);
        });
      });
      pen += (GLYPH_WIDTH + LETTER_GAP) * scale;
    }
    return pen - x;
  }
}

/** Width in pixels of `text` drawn at `scale` (the gap after the last character included). */
export function textWidth(text: string, scale = 1): number {
  return fontChars(text).length * (GLYPH_WIDTH + LETTER_GAP) * scale;
}

/** Height in pixels of one text line at `scale`, descenders included. */
export function lineHeight(scale = 1): number {
  return CELL_ROWS * scale;
}

/** Cuts `text` so that it is at most `maxWidth` pixels wide at `scale`, ending in "…" when cut. */
export function fitText(text: string, maxWidth: number, scale = 1): string {
  const chars = fontChars(text.trim());
  const fits = Math.floor(maxWidth / ((GLYPH_WIDTH + LETTER_GAP) * scale));
  if (chars.length <= fits) return chars.join('');
  if (fits <= 0) return '';
  return `${chars.slice(0, fits - 1).join('').trimEnd()}…`;
}
