/**
 * The key-figures chart through the real Slack Web API client against the
 * fake: the digest is posted with chat.postMessage, then the PNG goes up with
 * files.uploadV2 (getUploadURLExternal → bytes to the upload_url →
 * completeUploadExternal into the channel). A failed upload loses neither the
 * post nor the run: the delivery counts as posted, once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHART_FILENAME, deliverRun, openSqliteStore, renderFiguresChart, type Message, type MessageImage, type Store } from '../../../src/index.ts';
import { decodePng } from '../../helpers/decode-png.ts';
import { startSlackHarness, type SlackHarness } from './harness.ts';

let h: SlackHarness | null = null;
let dir: string | null = null;
let store: Store | null = null;

afterEach(async () => {
  await h?.close();
  h = null;
  store?.close();
  store = null;
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function chartImage(): MessageImage {
  const chart = renderFiguresChart([{ label: 'revenue (Q3)', source: 'Harbor Foods', change: 6.2 }, { label: 'Sales', source: null, change: -3.8 }], { title: 'Morning – changes in %' });
  return { filename: CHART_FILENAME, png: chart.png, alt: chart.alt, width: chart.width, height: chart.height };
}

const DIGEST: Message = { title: 'Morning markets', subtitle: 'Fri 20 Nov · 1 article', sections: [{ heading: 'Harbor Foods', lines: ['Revenue rose 6.2 %.'] }] };

describe('Slack publisher with the key-figures chart', () => {
  it('given a digest with a chart, then the message is posted first and the PNG is uploaded into the same channel', async () => {
    h = await startSlackHarness();
    const image = chartImage();
    const { ref } = await h.adapter.publisher.publish('slack:C0777', { ...DIGEST, image }, 'morning|chart');
    expect(h.api.posted).toHaveLength(1);
    expect(ref).toBe(h.api.posted[0]?.ts);
    expect(h.api.calls.map((c) => c.method).filter((m) => m !== 'auth.test')).toEqual(['chat.postMessage', 'files.getUploadURLExternal', 'files.completeUploadExternal']);
    expect(h.api.uploads).toHaveLength(1);
    const [upload] = h.api.uploads;
    expect(upload).toMatchObject({ filename: CHART_FILENAME, altText: image.alt, length: image.png.length, channel: 'C0777', threadTs: null, title: 'Morning markets', completed: true });
    expect(new Uint8Array(upload?.bytes ?? Buffer.alloc(0))).toEqual(image.png);
    const png = decodePng(upload?.bytes ?? Buffer.alloc(0));
    expect([png.width, png.height]).toEqual([image.width, image.height]);
    expect(h.api.callsOf('files.completeUploadExternal')[0]?.token).toBe('xoxb-test-token');
  });

  it('given a digest without a chart, then nothing is uploaded', async () => {
    h = await startSlackHarness();
    await h.adapter.publisher.publish('slack:C0777', DIGEST, 'morning|plain');
    expect(h.api.posted).toHaveLength(1);
    expect(h.api.calls.filter((c) => c.method.startsWith('files.'))).toEqual([]);
    expect(h.api.uploads).toEqual([]);
  });

  it('given the upload is refused (missing_scope), then the run is posted once, marked posted, and the failure is a warning', async () => {
    h = await startSlackHarness();
    h.api.failNext('files.getUploadURLExternal', { error: 'missing_scope' });
    dir = mkdtempSync(join(tmpdir(), 'digestbot-slack-chart-'));
    store = openSqliteStore(join(dir, 'bot.sqlite'));
    const run = { digest: 'morning', scheduledFor: new Date('2026-11-20T06:30:00Z'), channel: 'slack:C0777', late: false };
    const deps = {
      ledger: store.ledger, publisher: h.adapter.publisher, clock: { now: () => new Date('2026-11-20T06:30:05Z') }, logger: h.logger,
      sleep: async () => undefined, buildMessage: async () => ({ ...DIGEST, image: chartImage() }),
    };
    expect(await deliverRun(deps, run)).toBe('posted');
    expect(await deliverRun(deps, run)).toBe('already-posted');
    expect(h.api.posted).toHaveLength(1);
    expect(h.api.uploads).toEqual([]);
    const warning = h.logger.lines.find((l) => l.msg.startsWith('slack chart upload failed'));
    expect(warning?.level).toBe('warn');
    expect(warning?.meta?.['slackError']).toBe('missing_scope');
  });

  it('given the byte upload fails with HTTP 500, then the digest is still posted once and the file is never completed', async () => {
    h = await startSlackHarness();
    h.api.failNext('upload_url', { status: 500 });
    const { ref } = await h.adapter.publisher.publish('slack:C0777', { ...DIGEST, image: chartImage() }, 'morning|upload-500');
    expect(ref).toBe(h.api.posted[0]?.ts);
    expect(h.api.posted).toHaveLength(1);
    expect(h.api.uploads.map((u) => u.completed)).toEqual([false]);
    expect(h.api.callsOf('files.completeUploadExternal')).toEqual([]);
    expect(h.logger.lines.some((l) => l.level === 'warn' && l.msg.startsWith('slack chart upload failed'))).toBe(true);
  });
});
