/**
 * Which key figures go into a digest's chart: percent changes. A figure
 * qualifies when it is a single percent value (no range) with a direction
 * (a sign or a verb like "rose"/"sank") or a negative value; its change is
 * +value for "up" and −value for "down" or a negative value (a cut or a loss
 * never turns into a rise). Figures are taken by the engine's rank, round-robin
 * across the digest's articles (each article's best first, then each
 * article's second …), the same label and change listed once, at most `max`.
 */
import type { Digest, Figure } from '../../engine/schema.ts';

/** One bar of the chart. */
export interface ChartRow {
  /** What the figure measures, with its period ("Umsatz (Q3)"). */
  label: string;
  /** Where it comes from (the article's title), shown small under the label. */
  source: string | null;
  /** Signed change in percent: > 0 up, < 0 down, 0 neutral. */
  change: number;
  /** The figure's qualifier ("about", "more-than" …), kept for the value text. */
  qualifier?: Figure['qualifier'];
}

/** Bars in one chart. @defaultValue 8 */
export const MAX_CHART_ROWS = 8;

/** Whether a figure is a percent change the chart can show. */
export function isChartable(figure: Figure): boolean {
  return figure.kind === 'percent' && figure.valueMax === undefined && Number.isFinite(figure.value)
    && (figure.direction !== undefined || figure.value < 0);
}

/** Whether the figure goes down: its direction says so, or its value is negative. */
export function pointsDown(figure: Figure): boolean {
  return figure.direction === 'down' || figure.value < 0;
}

function rowOf(figure: Figure, source: string | null): ChartRow {
  const magnitude = Math.abs(figure.value);
  const label = figure.period === undefined ? figure.label : `${figure.label} (${figure.period})`;
  const row: ChartRow = { label, source, change: pointsDown(figure) ? -magnitude : magnitude };
  if (figure.qualifier !== undefined) row.qualifier = figure.qualifier;
  return row;
}

/** The chart rows of a digest's articles (in the digest's order), best first; empty when none qualifies. */
export function chartRows(digests: readonly Digest[], max = MAX_CHART_ROWS): ChartRow[] {
  const queues = digests.map((d) => ({ source: d.title, figures: d.figures.filter(isChartable) }));
  const rows: ChartRow[] = [];
  const seen = new Set<string>();
  for (let rank = 0; rows.length < max && queues.some((q) => q.figures.length > rank); rank++) {
    for (const q of queues) {
      const figure = q.figures[rank];
      if (figure === undefined || rows.length >= max) continue;
      const row = rowOf(figure, q.source);
      const key = `${row.label.toLowerCase()}|${String(row.change)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push(row);
    }
  }
  return rows;
}
