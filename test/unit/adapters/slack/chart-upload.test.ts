/** The Slack publisher's background chart upload over recording functions: start on onRecorded only, once, timeout, stop. */
import { describe, expect, it, vi } from 'vitest';
import { createSlackPublisher, type SlackUploadFile } from '../../../../adapters/slack/slack-publisher.ts';
import type { Message } from '../../../../src/index.ts';
import { recordingLogger as recorder, type LogLine as Line } from '../../../integration/slack/harness.ts';

const CHARTED: Message = {
  title: 'Morning', sections: [{ lines: ['a'] }],
  image: { filename: 'figures.png', png: new Uint8Array([137, 80, 78, 71]), alt: 'bars', width: 1, height: 1 },
};

/** An upload function that never settles by itself and records each call's signal. */
function hangingUpload(): { upload: SlackUploadFile; signals: AbortSignal[] } {
  const signals: AbortSignal[] = [];
  return { signals, upload: (_args, signal) => { signals.push(signal); return new Promise(() => undefined); } };
}

const post = (): Promise<{ ts: string }> => Promise.resolve({ ts: '1.1' });
const failures = (logger: { lines: Line[] }): Line[] => logger.lines.filter((l) => l.msg.startsWith('slack chart upload failed'));

describe('Slack chart upload', () => {
  it('given a charted digest, then publish returns the ref without uploading, and onRecorded starts the upload once', async () => {
    const calls: Parameters<SlackUploadFile>[0][] = [];
    const logger = recorder();
    const publisher = createSlackPublisher(post, logger, (args) => { calls.push(args); return Promise.resolve({}); });
    const result = await publisher.publish('slack:C1', CHARTED, 'k');
    expect(result.ref).toBe('1.1');
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([]);
    result.onRecorded?.();
    result.onRecorded?.();
    await vi.waitFor(() => { expect(logger.lines.some((l) => l.msg === 'slack chart uploaded')).toBe(true); });
    expect(calls.map((c) => [c.channel_id, c.filename, c.title, c.alt_text, [...c.file]])).toEqual([['C1', 'figures.png', 'Morning', 'bars', [137, 80, 78, 71]]]);
    await publisher.stop();
  });

  it('given an upload that never answers, then it is given up after the timeout as a warning and its signal aborts', async () => {
    const { upload, signals } = hangingUpload();
    const logger = recorder();
    const publisher = createSlackPublisher(post, logger, upload, 20);
    (await publisher.publish('slack:C1', CHARTED, 'k')).onRecorded?.();
    await vi.waitFor(() => { expect(failures(logger)).toHaveLength(1); });
    expect(failures(logger)[0]).toMatchObject({ level: 'warn', meta: { reason: 'timeout', code: 'publish/failed', channel: 'C1' } });
    expect(signals.map((s) => s.aborted)).toEqual([true]);
    await publisher.stop();
  });

  it('given uploads in progress, then stop() aborts them and resolves once they have settled', async () => {
    const { upload, signals } = hangingUpload();
    const logger = recorder();
    const publisher = createSlackPublisher(post, logger, upload, 60_000);
    (await publisher.publish('slack:C1', CHARTED, 'a')).onRecorded?.();
    (await publisher.publish('slack:C2', CHARTED, 'b')).onRecorded?.();
    expect(signals.map((s) => s.aborted)).toEqual([false, false]);
    await publisher.stop();
    expect(signals.map((s) => s.aborted)).toEqual([true, true]);
    expect(failures(logger).map((l) => l.meta?.['reason'])).toEqual(['stopped', 'stopped']);
  });

  it('given an upload function that throws at once, then the failure is a warning, not a rejection', async () => {
    const logger = recorder();
    const publisher = createSlackPublisher(post, logger, () => { throw new Error('boom'); });
    (await publisher.publish('slack:C1', CHARTED, 'k')).onRecorded?.();
    await vi.waitFor(() => { expect(failures(logger)).toMatchObject([{ level: 'warn', meta: { reason: 'error', err: 'boom' } }]); });
    await publisher.stop();
  });

  it('given no upload function or no chart, then there is no follow-up hook', async () => {
    expect((await createSlackPublisher(post, recorder()).publish('slack:C1', CHARTED, 'k')).onRecorded).toBeUndefined();
    const { upload } = hangingUpload();
    expect((await createSlackPublisher(post, recorder(), upload).publish('slack:C1', { title: 'T', sections: [] }, 'k')).onRecorded).toBeUndefined();
  });
});
