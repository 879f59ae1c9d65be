/** A section whose heading links to its article (a digest entry), in the Discord, Slack and console renderers. */
import { describe, expect, it } from 'vitest';
import { renderMessageText } from '../../../adapters/console/render-message.ts';
import { renderEmbeds } from '../../../adapters/discord/render-embeds.ts';
import { renderBlocks } from '../../../adapters/slack/render-blocks.ts';
import type { Message } from '../../../src/index.ts';
import { embedLimitViolations } from '../../fakes/discord/embed-limits.ts';
import { limitViolations } from '../../fakes/slack/block-kit-checks.ts';

const entry = (i: number): Message['sections'][number] => ({
  heading: `Company ${String(i)} reports results`,
  url: `https://example.org/${String(i)}?a=1&b=2`,
  lines: [`Revenue rose ${String(i)}% to $${String(i)}bn.`, `Figure: revenue: ${String(i)} bn USD — “rose to $${String(i)}bn”`],
  ...(i === 2 ? { links: [{ label: 'Wire', url: 'https://wire.example/2' }] } : {}),
});

const DIGEST: Message = {
  title: 'Morning digest', subtitle: 'Fri, 20 Nov 2026 · 8 articles',
  sections: [...[1, 2, 3, 4, 5, 6, 7, 8].map(entry), { lines: [], links: [{ label: 'and 12 more from Presseschau', url: 'https://press.example/feed' }] }],
  footer: 'All sources healthy',
};

describe('linked sections', () => {
  it('given eight entries and a "more" line, then Discord gets one message: a header embed, one embed per entry titled with its link, the rest after', () => {
    const payloads = renderEmbeds(DIGEST);
    expect(payloads).toHaveLength(1);
    const [payload] = payloads;
    expect(embedLimitViolations(payload ?? {})).toEqual([]);
    const embeds = payload?.embeds ?? [];
    expect(embeds).toHaveLength(10);
    expect(embeds[0]).toMatchObject({ title: 'Morning digest', description: 'Fri, 20 Nov 2026 · 8 articles' });
    expect(embeds[0]?.url).toBeUndefined();
    embeds.slice(1, 9).forEach((e, i) => {
      expect(e).toMatchObject({ title: `Company ${String(i + 1)} reports results`, url: `https://example.org/${String(i + 1)}?a=1&b=2` });
      expect(e.description).toContain(`Revenue rose ${String(i + 1)}%`);
    });
    expect(embeds[2]?.description).toContain('[Wire](https://wire.example/2)');
    expect(embeds[9]?.description).toBe('[and 12 more from Presseschau](https://press.example/feed)');
    expect(embeds[9]?.footer?.text).toBe('All sources healthy');
  });

  it('given the same digest, then Slack gets one post, each entry one section block starting with its bold linked title', () => {
    const payloads = renderBlocks(DIGEST);
    expect(payloads).toHaveLength(1);
    expect(limitViolations(payloads[0] ?? {})).toEqual([]);
    const sections = (payloads[0]?.blocks ?? []).flatMap((b) => (b.type === 'section' ? [b.text.text] : []));
    expect(sections).toHaveLength(9);
    expect(sections[0]?.split('\n')[0]).toBe('*<https://example.org/1?a=1&amp;b=2|Company 1 reports results>*');
    expect(sections[1]).toContain('• <https://wire.example/2|Wire>');
  });

  it('given the same digest, then the console shows each entry\'s link right under its heading', () => {
    const text = renderMessageText(DIGEST).split('\n');
    const at = text.indexOf('▸ Company 3 reports results');
    expect(text[at + 1]).toBe('  ↗ https://example.org/3?a=1&b=2');
  });
});
