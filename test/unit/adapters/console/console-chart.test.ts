/** Console mode: a digest's chart is saved as a PNG under the chart directory and its path printed. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { CHART_FILENAME, renderFiguresChart, type Message } from '../../../../src/index.ts';
import { consolePublisher } from '../../../../adapters/console/run-console-bot.ts';
import { decodePng } from '../../../helpers/decode-png.ts';

const chart = renderFiguresChart([{ label: 'Umsatz', source: null, change: 4 }], { title: 'Kennzahlen' });
const WITH_CHART: Message = {
  title: 'Morgen', sections: [{ lines: ['Der Umsatz stieg um 4 %.'] }],
  image: { filename: CHART_FILENAME, png: chart.png, alt: chart.alt, width: chart.width, height: chart.height },
};

let dir: string | null = null;
afterEach(() => {
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

async function publish(message: Message, chartDir: string | null): Promise<string> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => { text += chunk.toString('utf8'); });
  await consolePublisher(out, chartDir).publish('console:main', message, 'k');
  return text;
}

describe('console publisher charts', () => {
  it('given a digest with a chart and a chart directory, then the PNG is written there and its path printed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'digestbot-console-chart-'));
    const chartDir = join(dir, 'charts');
    const text = await publish(WITH_CHART, chartDir);
    const files = readdirSync(chartDir);
    expect(files).toHaveLength(1);
    const path = join(chartDir, files[0] ?? '');
    expect(text).toContain(`▦ chart: ${path}`);
    const png = decodePng(readFileSync(path));
    expect([png.width, png.height]).toEqual([chart.width, chart.height]);
    await publish(WITH_CHART, chartDir);
    expect(readdirSync(chartDir)).toHaveLength(1);
  });

  it('given no chart directory, or a directory that cannot be created, then a note says the chart was not saved', async () => {
    expect(await publish(WITH_CHART, null)).toContain('▦ chart: not saved (no data directory)');
    dir = mkdtempSync(join(tmpdir(), 'digestbot-console-chart-'));
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, 'x');
    expect(await publish(WITH_CHART, join(blocked, 'charts'))).toMatch(/▦ chart: not saved \(/u);
  });

  it('given a digest without a chart, then nothing is written and no chart line printed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'digestbot-console-chart-'));
    const { image: _, ...plain } = WITH_CHART;
    const text = await publish(plain, join(dir, 'charts'));
    expect(text).not.toContain('chart');
    expect(readdirSync(dir)).toEqual([]);
  });
});
