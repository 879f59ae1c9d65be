/** Key-figure charts as PNG, drawn without a browser or native code. */
export { chartRows, isChartable, pointsDown, MAX_CHART_ROWS, type ChartRow } from './select-figures.ts';
export {
  renderFiguresChart, chartLayout, chartValueText, barLength, labelLines, CHART_COLOURS, MIN_BAR,
  type FiguresChart, type FiguresChartOptions, type ChartLayout,
} from './figures-chart.ts';
export { encodePng, PNG_SIGNATURE } from './png.ts';
export { Raster, textWidth, fitText, type Rgb } from './raster.ts';
export { glyphOf, hasGlyph } from './font.ts';
