/**
 * Draws a digest's percent changes as a PNG: a title, then one row per
 * figure with its label (and source, small) on the left and a horizontal bar
 * from a central axis, right and green for "up", left and red for "down",
 * grey for no change. Bar lengths are proportional to the change, the largest
 * reaching the full half width, and never shorter than {@link MIN_BAR} pixels
 * so that a small change stays visible next to a large one; the value with an
 * arrow ("12,5 % ↓", as in the text digests) is written on the other side of
 * the axis: the figure may be a level ("guidance cut to 5 %") rather than a
 * change, so no sign is invented. Pure: the same rows always give the same bytes.
 */
import type { LabelLanguage } from '../figure.ts';
import { encodePng } from './png.ts';
import { Raster, fitText, lineHeight, textWidth, type Rgb } from './raster.ts';
import type { ChartRow } from './select-figures.ts';

export const CHART_COLOURS = {
  background: [255, 255, 255],
  text: [33, 37, 41],
  muted: [108, 117, 125],
  axis: [134, 142, 150],
  up: [40, 167, 69],
  down: [220, 53, 69],
  neutral: [173, 181, 189],
} as const satisfies Record<string, Rgb>;

/** Where everything goes in a chart of `rows` rows (pixels). */
export interface ChartLayout {
  width: number;
  height: number;
  /** The axis is the two columns [axisX − 1, axisX]; up bars start at axisX + 1, down bars end before axisX − 1. */
  axisX: number;
  /** The longest bar. */
  maxBar: number;
  /** Top of row `i`'s bar. */
  barTop(i: number): number;
  barHeight: number;
  labelX: number;
  labelWidth: number;
}

const WIDTH = 640;
const PAD = 16;
const TEXT_SCALE = 2;
const ROW_HEIGHT = 40;
const ROWS_TOP = PAD + lineHeight(TEXT_SCALE) + 12;
const LABEL_WIDTH = 252;
const VALUE_GAP = 6;

export function chartLayout(rows: number): ChartLayout {
  const chartLeft = PAD + LABEL_WIDTH + 16;
  const half = Math.floor((WIDTH - PAD - chartLeft) / 2);
  return {
    width: WIDTH,
    height: ROWS_TOP + rows * ROW_HEIGHT + PAD - 8,
    axisX: chartLeft + half,
    maxBar: half - 4,
    barTop: (i) => ROWS_TOP + i * ROW_HEIGHT + 1,
    barHeight: 16,
    labelX: PAD,
    labelWidth: LABEL_WIDTH,
  };
}

const QUALIFIER_MARK: Readonly<Record<NonNullable<ChartRow['qualifier']>, string>> = {
  about: '~', 'more-than': '>', 'less-than': '<', 'at-least': '>=', 'up-to': '<=',
};

/** The value as written next to a bar, with the figure's direction as an arrow: "12,5 % ↑", "3 % ↓", "> 40 % ↑". */
export function chartValueText(row: ChartRow, language: LabelLanguage): string {
  const number = Math.abs(row.change).toLocaleString(language === 'de' ? 'de-DE' : 'en-US', { maximumFractionDigits: 2 });
  const arrow = row.change > 0 ? ' \u2191' : row.change < 0 ? ' \u2193' : '';
  const mark = row.qualifier === undefined ? '' : `${QUALIFIER_MARK[row.qualifier]} `;
  return `${mark}${number} %${arrow}`;
}

/** Shortest bar of a non-zero change, in pixels: five times the font's stroke at text scale, always visible. */
export const MIN_BAR = 10;

/** Length in pixels of a row's bar: proportional to the change, at least {@link MIN_BAR} pixels for any change. */
export function barLength(change: number, largest: number, maxBar: number): number {
  if (change === 0 || largest === 0) return 0;
  return Math.max(Math.min(MIN_BAR, maxBar), Math.round((Math.abs(change) / largest) * maxBar));
}

export interface FiguresChart {
  png: Uint8Array;
  width: number;
  height: number;
  /** The chart as text, for alt text and screen readers. */
  alt: string;
}

export interface FiguresChartOptions {
  title: string;
  /** Number format of the values. @defaultValue 'en' */
  language?: LabelLanguage;
}

const MAX_ALT = 1000;

/** How a label is drawn: one line at text scale when it fits, else up to two lines at scale 1, cut only beyond that. */
export function labelLines(label: string, width: number): { scale: number; lines: string[] } {
  if (textWidth(label.trim(), TEXT_SCALE) <= width) return { scale: TEXT_SCALE, lines: [label.trim()] };
  const words = label.trim().split(/\s+/u);
  let first = '';
  while (words.length > 0 && textWidth(`${first} ${words[0] ?? ''}`.trim(), 1) <= width) first = `${first} ${words.shift() ?? ''}`.trim();
  if (first === '') return { scale: 1, lines: [fitText(label, width, 1)] };
  const rest = words.join(' ');
  return { scale: 1, lines: rest === '' ? [first] : [first, fitText(rest, width, 1)] };
}

function drawRow(raster: Raster, layout: ChartLayout, i: number, row: ChartRow, largest: number, language: LabelLanguage): void {
  const c = CHART_COLOURS;
  const top = layout.barTop(i);
  const label = labelLines(row.label, layout.labelWidth);
  let y = top;
  for (const line of label.lines) {
    raster.text(line, layout.labelX, y, c.text, label.scale);
    y += lineHeight(label.scale) + 2;
  }
  if (row.source !== null && row.source !== '') raster.text(fitText(row.source, layout.labelWidth, 1), layout.labelX, y, c.muted, 1);
  const length = barLength(row.change, largest, layout.maxBar);
  const value = chartValueText(row, language);
  const valueTop = top + 1;
  if (row.change > 0) {
    raster.fillRect(layout.axisX + 1, top, length, layout.barHeight, c.up);
    raster.text(value, layout.axisX - 1 - VALUE_GAP - textWidth(value, TEXT_SCALE), valueTop, c.text, TEXT_SCALE);
  } else if (row.change < 0) {
    raster.fillRect(layout.axisX - 1 - length, top, length, layout.barHeight, c.down);
    raster.text(value, layout.axisX + 1 + VALUE_GAP + TEXT_SCALE, valueTop, c.text, TEXT_SCALE);
  } else {
    raster.fillRect(layout.axisX - 3, top, 6, layout.barHeight, c.neutral);
    raster.text(value, layout.axisX + 3 + VALUE_GAP + TEXT_SCALE, valueTop, c.text, TEXT_SCALE);
  }
}

/** Renders the rows as a PNG chart. Throws a RangeError for no rows (callers attach no chart then). */
export function renderFiguresChart(rows: readonly ChartRow[], options: FiguresChartOptions): FiguresChart {
  if (rows.length === 0) throw new RangeError('a chart needs at least one row');
  const language = options.language ?? 'en';
  const layout = chartLayout(rows.length);
  const raster = new Raster(layout.width, layout.height, CHART_COLOURS.background);
  raster.text(fitText(options.title, layout.width - 2 * PAD, TEXT_SCALE), PAD, PAD, CHART_COLOURS.text, TEXT_SCALE);
  const largest = Math.max(...rows.map((r) => Math.abs(r.change)));
  raster.fillRect(layout.axisX - 1, layout.barTop(0) - 6, 2, rows.length * ROW_HEIGHT, CHART_COLOURS.axis);
  rows.forEach((row, i) => drawRow(raster, layout, i, row, largest, language));
  const described = rows.map((r) => `${r.label}: ${chartValueText(r, language)}`).join('; ');
  const alt = `${options.title}. ${described}`;
  return {
    png: encodePng(raster),
    width: layout.width,
    height: layout.height,
    alt: alt.length > MAX_ALT ? `${alt.slice(0, MAX_ALT - 1)}…` : alt,
  };
}
