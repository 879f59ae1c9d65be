/**
 * The chart of a digest on a day of losses and cuts, read back with the
 * independent PNG decoder: every fall is red and extends left of the axis
 * (down), the one rise is green and extends right, a negative value without
 * a direction word is still a fall, the smallest change stays visible next to
 * the largest, labels are the figures' labels and values carry their arrow.
 */
import { describe, expect, it } from 'vitest';
import type { Digest, Figure } from '../../../../src/engine/schema.ts';
import {
  CHART_COLOURS, chartLayout, chartRows, chartValueText, fitText, labelLines, MIN_BAR, Raster, renderFiguresChart, type ChartRow, type Rgb,
} from '../../../../src/format/chart/index.ts';
import { decodePng, type DecodedPng } from '../../../helpers/decode-png.ts';

function pct(label: string, value: number, direction?: 'up' | 'down'): Figure {
  const f: Figure = { kind: 'percent', value, label, text: `${String(value)} Prozent`, sentence: 's' };
  if (direction !== undefined) f.direction = direction;
  return f;
}

const LOSSES: Digest = {
  title: 'Nordlicht senkt Prognose', language: 'de', published: null, url: null, summary: [], risks: [], warnings: [],
  figures: [
    pct('Umsatz', 12.5, 'down'),
    pct('Prognose (gesenkt)', 8, 'down'),
    pct('Auftragseingang', 3, 'up'),
    pct('Ergebnis je Aktie', 40, 'down'),
    pct('Bruttomarge', -0.4),
  ],
};

const same = (a: Rgb, b: Rgb): boolean => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

function columns(png: DecodedPng, y: number, colour: Rgb): number[] {
  const xs: number[] = [];
  for (let x = 0; x < png.width; x++) if (same(png.rgb(x, y), colour)) xs.push(x);
  return xs;
}

/** Ink pixels of `colour` in the box, relative to the box's first ink pixel (top-left of the ink). */
function inkShape(read: (x: number, y: number) => Rgb, x0: number, y0: number, w: number, h: number, colour: Rgb): string[] {
  const points: [number, number][] = [];
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) if (same(read(x, y), colour)) points.push([x, y]);
  const minX = Math.min(...points.map((p) => p[0]));
  const minY = Math.min(...points.map((p) => p[1]));
  return points.map(([x, y]) => `${String(x - minX)},${String(y - minY)}`).sort();
}

/** The ink of `text` drawn alone at `scale`. */
function textShape(text: string, scale = 2): string[] {
  const r = new Raster(text.length * 6 * scale + 4, 12 * scale, CHART_COLOURS.background);
  r.text(text, 0, 0, CHART_COLOURS.text, scale);
  return inkShape((x, y) => r.pixel(x, y), 0, 0, r.width, r.height, CHART_COLOURS.text);
}

describe('chart of a digest with losses and cuts', () => {
  const rows: ChartRow[] = chartRows([LOSSES]);
  const png = decodePng(renderFiguresChart(rows, { title: 'Morgen-Digest – Veränderungen in %', language: 'de' }).png);
  const layout = chartLayout(rows.length);
  const mid = (i: number): number => layout.barTop(i) + layout.barHeight / 2;

  it('given four falls and one rise, then the rows keep the figures\' labels and only the rise is positive', () => {
    expect(rows.map((r) => [r.label, r.change])).toEqual([
      ['Umsatz', -12.5], ['Prognose (gesenkt)', -8], ['Auftragseingang', 3], ['Ergebnis je Aktie', -40], ['Bruttomarge', -0.4],
    ]);
  });

  it('given each fall, then its bar is red, left of the axis, and the row has no green', () => {
    for (const i of [0, 1, 3, 4]) {
      const red = columns(png, mid(i), CHART_COLOURS.down);
      expect(red.length, rows[i]?.label).toBeGreaterThanOrEqual(MIN_BAR);
      expect(Math.max(...red)).toBe(layout.axisX - 2);
      expect(columns(png, mid(i), CHART_COLOURS.up)).toEqual([]);
    }
  });

  it('given the rise, then its bar is green, right of the axis, and the row has no red', () => {
    const green = columns(png, mid(2), CHART_COLOURS.up);
    expect(green[0]).toBe(layout.axisX + 1);
    expect(columns(png, mid(2), CHART_COLOURS.down)).toEqual([]);
  });

  it('given 0.4 % next to 40 %, then the small bar is visible at the minimum length and shorter than every larger one', () => {
    const len = (i: number): number => columns(png, mid(i), CHART_COLOURS.down).length;
    expect(len(4)).toBe(MIN_BAR);
    expect(len(3)).toBe(layout.maxBar);
    expect(len(3)).toBeGreaterThan(len(0));
    expect(len(0)).toBeGreaterThan(len(1));
    expect(len(1)).toBeGreaterThan(len(4));
  });

  it('given the chart, then every pixel is one of the chart colours (no blended or stray colour)', () => {
    const palette = Object.values(CHART_COLOURS);
    for (let y = 0; y < png.height; y += 3) {
      for (let x = 0; x < png.width; x += 3) expect(palette.some((c) => same(c, png.rgb(x, y)))).toBe(true);
    }
  });

  it('given each row, then its label is drawn as the figure\'s label and its value with the direction arrow', () => {
    rows.forEach((row, i) => {
      const top = layout.barTop(i);
      const label = fitText(row.label, layout.labelWidth, 2);
      expect(inkShape((x, y) => png.rgb(x, y), layout.labelX, top, layout.labelWidth, 18, CHART_COLOURS.text)).toEqual(textShape(label));
      const value = chartValueText(row, 'de');
      expect(value.endsWith(row.change < 0 ? '↓' : '↑')).toBe(true);
      const [x0, x1] = row.change < 0 ? [layout.axisX + 1, png.width] : [layout.labelX + layout.labelWidth + 1, layout.axisX - 1];
      expect(inkShape((x, y) => png.rgb(x, y), x0, top, x1 - x0, 18, CHART_COLOURS.text)).toEqual(textShape(value));
    });
  });

  it('given a label too long for the large font, then it is drawn whole in the small font instead of being cut', () => {
    const label = 'Umsatzprognose für das Gesamtjahr (gesenkt) (2026)';
    const [row] = chartRows([{ ...LOSSES, figures: [pct(label, 8, 'down')] }]);
    expect(row?.label).toBe(label);
    const drawn = labelLines(label, layout.labelWidth);
    expect(drawn.scale).toBe(1);
    expect(drawn.lines.join(' ')).toBe(label);
    const one = decodePng(renderFiguresChart(row === undefined ? [] : [row], { title: 't' }).png);
    const l1 = chartLayout(1);
    const ink = inkShape((x, y) => one.rgb(x, y), l1.labelX, l1.barTop(0), l1.labelWidth, 10, CHART_COLOURS.text);
    expect(ink).toEqual(textShape(drawn.lines[0] ?? '', 1));
  });
});
