/**
 * The key-figures chart, read back with an independent PNG decoder: chunks
 * and CRCs, dimensions, bar colours and positions (up right of the axis,
 * down left, lengths proportional), background elsewhere, and the font.
 */
import { describe, expect, it } from 'vitest';
import {
  barLength, CHART_COLOURS, chartLayout, chartValueText, encodePng, fitText, glyphOf, hasGlyph, MIN_BAR, Raster, renderFiguresChart, textWidth, type ChartRow,
} from '../../../../src/format/chart/index.ts';
import { decodePng, type DecodedPng } from '../../../helpers/decode-png.ts';

const ROWS: ChartRow[] = [
  { label: 'Umsatz (Q3)', source: 'Nordlicht senkt Prognose', change: 12 },
  { label: 'EBIT-Marge', source: null, change: -6 },
  { label: 'Auftragseingang', source: 'Ohne Änderung', change: 0 },
  { label: 'Aktie', source: null, change: 3 },
];

type Rgb = readonly [number, number, number];
const same = (a: Rgb, b: Rgb): boolean => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/** The x positions on row y whose pixel is `colour`. */
function columnsOf(png: DecodedPng, y: number, colour: Rgb): number[] {
  const xs: number[] = [];
  for (let x = 0; x < png.width; x++) if (same(png.rgb(x, y), colour)) xs.push(x);
  return xs;
}

function render(rows = ROWS): DecodedPng {
  return decodePng(renderFiguresChart(rows, { title: 'Morgen-Digest – Veränderungen in %', language: 'de' }).png);
}

describe('renderFiguresChart', () => {
  it('given four rows, then the PNG has valid chunks and CRCs, and the layout size', () => {
    const png = render();
    const layout = chartLayout(ROWS.length);
    expect(png.chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([png.width, png.height]).toEqual([layout.width, layout.height]);
    expect(png.width).toBe(640);
    expect(png.height).toBeGreaterThan(4 * layout.barHeight);
  });

  it('given an up change, then a green bar starts right of the axis with the full length for the largest change', () => {
    const png = render();
    const { axisX, maxBar, barTop, barHeight } = chartLayout(ROWS.length);
    for (const y of [barTop(0), barTop(0) + barHeight / 2, barTop(0) + barHeight - 1]) {
      const green = columnsOf(png, y, CHART_COLOURS.up);
      expect(green[0]).toBe(axisX + 1);
      expect(green).toHaveLength(maxBar);
      expect(green.at(-1)).toBe(axisX + maxBar);
      expect(columnsOf(png, y, CHART_COLOURS.down)).toEqual([]);
    }
    expect(png.rgb(axisX + maxBar + 1, barTop(0) + 8)).toEqual(CHART_COLOURS.background);
    expect(png.rgb(axisX + 10, barTop(0) - 2)).toEqual(CHART_COLOURS.background);
    expect(png.rgb(axisX + 10, barTop(0) + barHeight)).toEqual(CHART_COLOURS.background);
  });

  it('given a down change of half the largest, then a red bar of half the length ends left of the axis', () => {
    const png = render();
    const { axisX, maxBar, barTop } = chartLayout(ROWS.length);
    const red = columnsOf(png, barTop(1) + 8, CHART_COLOURS.down);
    expect(red).toHaveLength(Math.round(maxBar / 2));
    expect(red.at(-1)).toBe(axisX - 2);
    expect(red[0]).toBe(axisX - 1 - Math.round(maxBar / 2));
    expect(columnsOf(png, barTop(1) + 8, CHART_COLOURS.up)).toEqual([]);
    expect(png.rgb(axisX - 2 - Math.round(maxBar / 2), barTop(1) + 8)).toEqual(CHART_COLOURS.background);
    expect(png.rgb(axisX, barTop(1) + 8)).toEqual(CHART_COLOURS.axis);
  });

  it('given no change and a quarter change, then a grey mark sits on the axis and the small bar is a quarter long', () => {
    const png = render();
    const { axisX, maxBar, barTop } = chartLayout(ROWS.length);
    expect(columnsOf(png, barTop(2) + 8, CHART_COLOURS.neutral)).toEqual([axisX - 3, axisX - 2, axisX - 1, axisX, axisX + 1, axisX + 2]);
    expect(columnsOf(png, barTop(2) + 8, CHART_COLOURS.up)).toEqual([]);
    expect(columnsOf(png, barTop(3) + 8, CHART_COLOURS.up)).toHaveLength(Math.round(maxBar / 4));
  });

  it('given labels and a title, then text pixels are drawn left of the chart and nowhere in the corners', () => {
    const png = render();
    const { barTop, labelX, labelWidth } = chartLayout(ROWS.length);
    let ink = 0;
    for (let y = barTop(0); y < barTop(0) + 18; y++) for (let x = labelX; x < labelX + labelWidth; x++) if (same(png.rgb(x, y), CHART_COLOURS.text)) ink++;
    expect(ink).toBeGreaterThan(50);
    let title = 0;
    for (let y = 16; y < 34; y++) for (let x = 16; x < 600; x++) if (same(png.rgb(x, y), CHART_COLOURS.text)) title++;
    expect(title).toBeGreaterThan(100);
    for (const [x, y] of [[0, 0], [png.width - 1, 0], [0, png.height - 1], [png.width - 1, png.height - 1]] as const) {
      expect(png.rgb(x, y)).toEqual(CHART_COLOURS.background);
    }
  });

  it('given the same rows twice, then the bytes are the same; other rows give other bytes', () => {
    const a = renderFiguresChart(ROWS, { title: 't' }).png;
    expect(renderFiguresChart(ROWS, { title: 't' }).png).toEqual(a);
    expect(renderFiguresChart(ROWS.slice(0, 2), { title: 't' }).png).not.toEqual(a);
  });

  it('given no rows, then there is no chart', () => {
    expect(() => renderFiguresChart([], { title: 't' })).toThrow(RangeError);
  });

  it('given rows, then the alt text lists every label with its value and direction arrow', () => {
    const { alt } = renderFiguresChart(ROWS, { title: 'Kennzahlen', language: 'de' });
    expect(alt).toBe('Kennzahlen. Umsatz (Q3): 12 % ↑; EBIT-Marge: 6 % ↓; Auftragseingang: 0 %; Aktie: 3 % ↑');
  });
});

describe('chart values and bar lengths', () => {
  it.each([
    [{ change: 12.5 }, 'de', '12,5 % \u2191'],
    [{ change: -7.4 }, 'en', '7.4 % \u2193'],
    [{ change: -1234.5 }, 'de', '1.234,5 % \u2193'],
    [{ change: 40, qualifier: 'more-than' as const }, 'en', '> 40 % \u2191'],
    [{ change: 0 }, 'en', '0 %'],
  ])('given %o in %s, then the value reads %s', (row, language, text) => {
    expect(chartValueText({ label: 'x', source: null, ...row }, language as 'de' | 'en')).toBe(text);
  });

  it('given changes, then lengths are proportional to the largest and a small change keeps the minimum visible length', () => {
    expect(barLength(10, 10, 160)).toBe(160);
    expect(barLength(-5, 10, 160)).toBe(80);
    expect(barLength(0.001, 10, 160)).toBe(MIN_BAR);
    expect(barLength(-0.4, 40, 160)).toBe(MIN_BAR);
    expect(MIN_BAR).toBeGreaterThanOrEqual(8);
    expect(barLength(0, 10, 160)).toBe(0);
  });
});

describe('bitmap font', () => {
  function drawn(text: string): number[] {
    const r = new Raster(textWidth(text), 9, [0, 0, 0]);
    r.text(text, 0, 0, [255, 255, 255]);
    return [...r.pixels];
  }

  it('given umlauts, ß, €, %, +, − and digits, then each has its own glyph', () => {
    for (const ch of 'ÄÖÜäöüß€%+\u2212\u2191\u21930123456789azAZ') expect(hasGlyph(ch), ch).toBe(true);
    expect(drawn('\u2191')).not.toEqual(drawn('\u2193'));
    expect(drawn('\u2193')).not.toEqual(drawn('?'));
    expect(drawn('Ä')).not.toEqual(drawn('A'));
    expect(drawn('ü')).not.toEqual(drawn('u'));
    expect(drawn('\u2212')).not.toEqual(drawn('-'));
  });

  it('given characters the font lacks, then they are drawn as "?"; typographic dashes and quotes as their plain look-alikes', () => {
    expect(hasGlyph('☃')).toBe(false);
    expect(drawn('☃')).toEqual(drawn('?'));
    expect(drawn('漢')).toEqual(drawn('?'));
    expect(drawn('–')).toEqual(drawn('-'));
    expect(drawn('„x“')).toEqual(drawn('"x"'));
    expect(glyphOf('g').top).toBe(2);
  });

  it('given decomposed umlauts, then they are drawn like the composed ones', () => {
    expect(drawn('A\u0308')).toEqual(drawn('Ä'));
  });

  it('given a long label, then it is cut to the width with "…"', () => {
    const cut = fitText('Ein sehr langer Kennzahlname über alle Grenzen', 120, 2);
    expect(cut).toBe('Ein sehr…');
    expect(textWidth(cut, 2)).toBeLessThanOrEqual(120);
    expect(fitText('kurz', 120, 2)).toBe('kurz');
  });
});

describe('encodePng', () => {
  it('given a raster, then the decoded pixels are the raster pixels', () => {
    const r = new Raster(7, 5, [10, 20, 30]);
    r.fillRect(2, 1, 3, 2, [200, 100, 0]);
    const png = decodePng(encodePng(r));
    for (let y = 0; y < 5; y++) for (let x = 0; x < 7; x++) expect(png.rgb(x, y)).toEqual(r.pixel(x, y));
    expect(png.rgb(3, 2)).toEqual([200, 100, 0]);
    expect(png.rgb(5, 2)).toEqual([10, 20, 30]);
  });

  it('given a corrupted byte in IDAT, then the CRC check fails', () => {
    const bytes = encodePng(new Raster(4, 4, [1, 2, 3]));
    bytes[8 + 25 + 10] = (bytes[8 + 25 + 10] ?? 0) ^ 0xff;
    expect(() => decodePng(bytes)).toThrow(/CRC/u);
  });
});
