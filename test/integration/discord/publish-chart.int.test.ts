/**
 * The key-figures chart through the real discord.js REST client against the
 * fake: with an image the first part is a multipart/form-data post whose
 * `files[0]` is the PNG and whose embed shows `attachment://figures.png`;
 * without one, plain JSON posts and no attachment.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CHART_FILENAME, renderFiguresChart, type Message, type MessageImage } from '../../../src/index.ts';
import { longMessage } from '../../fakes/discord/embed-limits.ts';
import { startDiscordHarness, type DiscordHarness } from '../../fakes/discord/harness.ts';
import { decodePng } from '../../helpers/decode-png.ts';

function chartImage(): MessageImage {
  const chart = renderFiguresChart([{ label: 'Umsatz', source: 'Nordlicht', change: 18.5 }, { label: 'EBIT-Marge', source: null, change: -11.2 }], { title: 'Morgen – Veränderungen in %', language: 'de' });
  return { filename: CHART_FILENAME, png: chart.png, alt: chart.alt, width: chart.width, height: chart.height };
}

const DIGEST: Message = {
  title: 'Morgen-Digest', subtitle: 'Fr., 20. Nov. 2026 · 1 Artikel',
  sections: [{ heading: 'Nordlicht senkt Prognose', lines: ['Der Umsatz stieg um 18,5 %.', 'Kennzahl: EBIT-Marge: 11,2 % ↓'] }],
};

interface Body {
  nonce?: string;
  embeds?: { title?: string; image?: { url: string } }[];
  attachments?: { id: number | string; filename?: string; description?: string }[];
}

describe('Discord publisher with the key-figures chart', () => {
  let h: DiscordHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('given a digest with a chart, then the fake receives the PNG as a file attachment that the embed shows', async () => {
    h = await startDiscordHarness();
    const image = chartImage();
    const channel = h.channelIds[0] ?? '';
    const { ref } = await h.adapter.publisher.publish(`discord:${channel}`, { ...DIGEST, image }, 'morning|2026-11-20T06:30Z|chart');
    expect(h.fake.messages).toHaveLength(1);
    const [posted] = h.fake.messages;
    expect(ref).toBe(posted?.id);
    const call = h.fake.calls.find((c) => c.method === 'POST' && c.path === `/channels/${channel}/messages`);
    expect(call?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/u);
    expect(posted?.files.map((f) => [f.name, f.filename, f.contentType])).toEqual([['files[0]', CHART_FILENAME, 'image/png']]);
    const bytes = posted?.files[0]?.data ?? Buffer.alloc(0);
    expect(new Uint8Array(bytes)).toEqual(image.png);
    const png = decodePng(bytes);
    expect([png.width, png.height]).toEqual([image.width, image.height]);
    const body = posted?.body as Body;
    expect(body.embeds?.[0]?.title).toBe('Morgen-Digest');
    expect(body.embeds?.[0]?.image).toEqual({ url: `attachment://${CHART_FILENAME}` });
    expect(body.attachments).toEqual([{ id: 0, filename: CHART_FILENAME, description: image.alt }]);
    expect(body.nonce?.length).toBeGreaterThan(0);
  });

  it('given the same run posted again (a retry after a crash), then the nonce still drops the repeat with the file', async () => {
    h = await startDiscordHarness();
    const channel = `discord:${h.channelIds[0] ?? ''}`;
    const first = await h.adapter.publisher.publish(channel, { ...DIGEST, image: chartImage() }, 'run-1');
    const second = await h.adapter.publisher.publish(channel, { ...DIGEST, image: chartImage() }, 'run-1');
    expect(h.fake.messages).toHaveLength(1);
    expect(second.ref).toBe(first.ref);
  });

  it('given a digest without a chart, then the posts are JSON with no attachment and no embed image', async () => {
    h = await startDiscordHarness();
    const channel = h.channelIds[0] ?? '';
    await h.adapter.publisher.publish(`discord:${channel}`, DIGEST, 'morning|plain');
    const [posted] = h.fake.messages;
    expect(posted?.files).toEqual([]);
    expect((posted?.body as Body).attachments).toBeUndefined();
    expect((posted?.body as Body).embeds?.some((e) => e.image !== undefined)).toBe(false);
    expect(h.fake.calls.find((c) => c.method === 'POST')?.headers['content-type']).toBe('application/json');
  });

  it('given /digest answered with a chart, then the edited reply carries the PNG and its embed shows it', async () => {
    h = await startDiscordHarness();
    const image = chartImage();
    h.core.respond = () => ({ ...DIGEST, image });
    const sent = h.fake.dispatchInteraction({ command: 'digest', options: { digest: 'morning' }, userId: h.memberId });
    const edit = await sent.edit();
    expect(edit.headers['content-type']).toMatch(/^multipart\/form-data/u);
    expect(edit.files.map((f) => f.filename)).toEqual([CHART_FILENAME]);
    expect(decodePng(edit.files[0]?.data ?? Buffer.alloc(0)).width).toBe(image.width);
    const body = edit.body as Body;
    expect(body.embeds?.[0]?.image).toEqual({ url: `attachment://${CHART_FILENAME}` });
    expect(body.attachments).toEqual([{ id: '0', description: image.alt }]);
  });

  it('given a long digest with a chart, then only the first of its several posts carries the file', async () => {
    h = await startDiscordHarness();
    const channel = h.channelIds[0] ?? '';
    await h.adapter.publisher.publish(`discord:${channel}`, { ...longMessage(), image: chartImage() }, 'long');
    expect(h.fake.messages.length).toBeGreaterThan(1);
    expect(h.fake.messages.map((m) => m.files.length)).toEqual([1, ...h.fake.messages.slice(1).map(() => 0)]);
    const images = h.fake.messages.flatMap((m) => (m.body as Body).embeds ?? []).filter((e) => e.image !== undefined);
    expect(images).toHaveLength(1);
  });
});
