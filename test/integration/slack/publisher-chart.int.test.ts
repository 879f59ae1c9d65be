/**
 * The key-figures chart through the real Slack Web API client against the
 * fake: the digest is posted with chat.postMessage, then, once the post is
 * recorded (`onRecorded`), the PNG goes up with files.uploadV2
 * (getUploadURLExternal → bytes to the upload_url → completeUploadExternal
 * into the channel). A failed upload loses neither the post nor the run: the
 * delivery counts as posted, once. The upload never holds up a post: it runs
 * in the background, a later run goes out while it hangs (the fake holds the
 * upload_url request), and stop() cancels it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHART_FILENAME, deliverRun, openSqliteStore, renderFiguresChart, type Message, type MessageImage, type Store } from '../../../src/index.ts';
import { decodePng } from '../../helpers/decode-png.ts';
import { startSlackHarness, type SlackHarness } from './harness.ts';

type DeliverDeps = Parameters<typeof deliverRun>[0];

let h: SlackHarness | null = null;
let dir: string | null = null;
let store: Store | null = null;
const releases: (() => void)[] = [];

afterEach(async () => {
  for (const release of releases.splice(0)) release();
  await h?.close();
  h = null;
  await store?.close();
  store = null;
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function chartImage(): MessageImage {
  const chart = renderFiguresChart([{ label: 'revenue (Q3)', source: 'Harbor Foods', change: 6.2 }, { label: 'Sales', source: null, change: -3.8 }], { title: 'Morning – changes in %' });
  return { filename: CHART_FILENAME, png: chart.png, alt: chart.alt, width: chart.width, height: chart.height };
}

const DIGEST: Message = { title: 'Morning markets', subtitle: 'Fri 20 Nov · 1 article', sections: [{ heading: 'Harbor Foods', lines: ['Revenue rose 6.2 %.'] }] };
const CHARTED: Message = { ...DIGEST, image: chartImage() };

describe('Slack publisher with the key-figures chart', () => {
  it('given a digest with a chart, then the message is posted first and the PNG is uploaded into the same channel', async () => {
    h = await startSlackHarness();
    const image = chartImage();
    const { ref, onRecorded } = await h.adapter.publisher.publish('slack:C0777', { ...DIGEST, image }, 'morning|chart');
    expect(h.api.posted).toHaveLength(1);
    expect(ref).toBe(h.api.posted[0]?.ts);
    expect(h.api.callsOf('files.getUploadURLExternal')).toEqual([]);
    onRecorded?.();
    await h.api.waitFor(() => h?.api.uploads[0]?.completed === true);
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
    const result = await h.adapter.publisher.publish('slack:C0777', DIGEST, 'morning|plain');
    expect(result.onRecorded).toBeUndefined();
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
    const warning = await vi.waitFor(() => {
      const line = h?.logger.lines.find((l) => l.msg.startsWith('slack chart upload failed'));
      if (line === undefined) throw new Error('no warning yet');
      return line;
    });
    expect(await deliverRun(deps, run)).toBe('already-posted');
    expect(h.api.posted).toHaveLength(1);
    expect(h.api.uploads).toEqual([]);
    expect(warning.level).toBe('warn');
    expect(warning.meta?.['slackError']).toBe('missing_scope');
  });

  it('given the byte upload fails with HTTP 500, then the digest is still posted once and the file is never completed', async () => {
    h = await startSlackHarness();
    h.api.failNext('upload_url', { status: 500 });
    const { ref, onRecorded } = await h.adapter.publisher.publish('slack:C0777', { ...DIGEST, image: chartImage() }, 'morning|upload-500');
    expect(ref).toBe(h.api.posted[0]?.ts);
    onRecorded?.();
    await vi.waitFor(() => { expect(h?.logger.lines.some((l) => l.msg.startsWith('slack chart upload failed'))).toBe(true); });
    expect(h.api.posted).toHaveLength(1);
    expect(h.api.uploads.map((u) => u.completed)).toEqual([false]);
    expect(h.api.callsOf('files.completeUploadExternal')).toEqual([]);
    expect(h.logger.lines.some((l) => l.level === 'warn' && l.msg.startsWith('slack chart upload failed'))).toBe(true);
  });
});

function runAt(iso: string): { digest: string; scheduledFor: Date; channel: string; late: boolean } {
  return { digest: 'morning', scheduledFor: new Date(iso), channel: 'slack:C0777', late: false };
}

/** Delivery deps on a real SQLite ledger; `filesCallsAtMark` records how many files.* calls Slack had seen when each post was recorded. */
function deliveryDeps(harness: SlackHarness, publisher = harness.adapter.publisher): { deps: DeliverDeps; filesCallsAtMark: number[] } {
  dir = mkdtempSync(join(tmpdir(), 'digestbot-slack-upload-'));
  store = openSqliteStore(join(dir, 'bot.sqlite'));
  const ledger = store.ledger;
  const filesCallsAtMark: number[] = [];
  const recording = Object.assign(Object.create(ledger) as typeof ledger, {
    markPosted(...args: Parameters<typeof ledger.markPosted>) {
      filesCallsAtMark.push(harness.api.calls.filter((c) => c.method.startsWith('files.')).length);
      return ledger.markPosted(...args);
    },
  });
  const deps: DeliverDeps = {
    ledger: recording, publisher, clock: { now: () => new Date('2026-11-20T06:30:05Z') }, logger: harness.logger,
    sleep: async () => undefined, buildMessage: async () => CHARTED,
  };
  return { deps, filesCallsAtMark };
}

function warnings(harness: SlackHarness): Record<string, unknown>[] {
  return harness.logger.lines.filter((l) => l.level === 'warn' && l.msg.startsWith('slack chart upload failed')).map((l) => l.meta ?? {});
}

describe('Slack chart upload in the background, after the post is recorded', () => {
  it('given the byte upload hangs, then the run is posted and recorded first, a later run still goes out, and the upload completes once released', async () => {
    h = await startSlackHarness();
    const held = h.api.holdNext('upload_url');
    releases.push(held.release);
    const { deps, filesCallsAtMark } = deliveryDeps(h);
    expect(await deliverRun(deps, runAt('2026-11-20T06:30:00Z'))).toBe('posted');
    await held.arrived;
    // The delivery has returned while the upload is still waiting at the upload_url.
    expect(h.api.uploads.map((u) => [u.bytes, u.completed])).toEqual([[null, false]]);
    expect(filesCallsAtMark).toEqual([0]);
    expect(await deliverRun(deps, runAt('2026-11-20T06:30:00Z'))).toBe('already-posted');
    expect(await deliverRun(deps, runAt('2026-11-21T06:30:00Z'))).toBe('posted');
    expect(h.api.posted).toHaveLength(2);
    held.release();
    await h.api.waitFor(() => h?.api.uploads.filter((u) => u.completed).length === 2);
    expect(h.api.uploads.map((u) => u.channel)).toEqual(['C0777', 'C0777']);
    await vi.waitFor(() => { expect(h?.logger.lines.filter((l) => l.msg === 'slack chart uploaded')).toHaveLength(2); });
    expect(warnings(h)).toEqual([]);
  });

  it('given the upload fails (HTTP 500 at the upload_url), then the run is posted once and the failure is one warning', async () => {
    h = await startSlackHarness();
    h.api.failNext('upload_url', { status: 500 });
    const { deps } = deliveryDeps(h);
    const run = runAt('2026-11-20T06:30:00Z');
    expect(await deliverRun(deps, run)).toBe('posted');
    await vi.waitFor(() => { expect(warnings(h as SlackHarness)).toHaveLength(1); });
    expect(await deliverRun(deps, run)).toBe('already-posted');
    expect(h.api.posted).toHaveLength(1);
    expect(h.api.callsOf('files.completeUploadExternal')).toEqual([]);
    expect(warnings(h)[0]).toMatchObject({ channel: 'C0777', code: 'publish/failed', reason: 'error' });
  });

  it('given an upload still hanging, then stop() cancels it and resolves, and the file is never completed', async () => {
    h = await startSlackHarness();
    const held = h.api.holdNext('upload_url');
    releases.push(held.release);
    const { ref, onRecorded } = await h.adapter.publisher.publish('slack:C0777', CHARTED, 'morning|stop');
    expect(ref).toBe(h.api.posted[0]?.ts);
    onRecorded?.();
    await held.arrived;
    await h.adapter.stop();
    expect(warnings(h)).toMatchObject([{ reason: 'stopped' }]);
    expect(h.api.uploads.map((u) => u.completed)).toEqual([false]);
    expect(h.api.callsOf('files.completeUploadExternal')).toEqual([]);
  });

  it('given a follow-up hook that throws, then the recorded run stays posted and is not posted again', async () => {
    h = await startSlackHarness();
    const inner = h.adapter.publisher;
    let publishes = 0;
    const throwing = {
      async publish(channel: string, message: Message, key: string) {
        publishes += 1;
        const result = await inner.publish(channel, message, key);
        return { ref: result.ref, onRecorded: () => { throw new Error('hook broke'); } };
      },
    };
    const { deps } = deliveryDeps(h, throwing);
    expect(await deliverRun(deps, runAt('2026-11-20T06:30:00Z'))).toBe('posted');
    expect(publishes).toBe(1);
    expect(h.api.posted).toHaveLength(1);
    expect(h.logger.lines.find((l) => l.msg === 'follow-up after the post failed')?.level).toBe('warn');
  });
});
