/** Slack Block Kit rendering: shapes, escaping, links, limits and splitting. */
import { describe, expect, it } from 'vitest';
import { fitText, escapeMrkdwn, renderBlocks, renderLink, type SlackBlock } from '../../../../adapters/slack/render-blocks.ts';
import type { Message } from '../../../../src/index.ts';
import { limitViolations, longMessage, unescapeMrkdwn } from '../../../fakes/slack/block-kit-checks.ts';

function sectionTexts(blocks: readonly SlackBlock[]): string[] {
  return blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : []));
}

describe('renderBlocks', () => {
  it('given a short message, then one payload: header, subtitle context, bold-headed sections with a divider between, footer context', () => {
    const message: Message = {
      title: 'Morning markets',
      subtitle: 'Thu 2 May',
      sections: [{ heading: 'ACME', lines: ['Revenue up', 'Costs down'] }, { lines: ['Guidance unchanged'] }],
      footer: 'Sources: 2 healthy',
    };
    expect(renderBlocks(message)).toEqual([{
      text: 'Morning markets — Thu 2 May',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Morning markets', emoji: true } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Thu 2 May' }] },
        { type: 'section', text: { type: 'mrkdwn', text: '*ACME*\n• Revenue up\n• Costs down' } },
        { type: 'divider' },
        { type: 'section', text: { type: 'mrkdwn', text: '• Guidance unchanged' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Sources: 2 healthy' }] },
      ],
    }]);
  });

  it('given &, < and > in the text, then mrkdwn parts are escaped and the plain-text header is not', () => {
    const [payload] = renderBlocks({ title: 'R&D <news>', subtitle: 'a<b', sections: [{ heading: 'P&L', lines: ['x > y & z'] }], footer: '<!channel>' });
    expect(payload?.text).toBe('R&amp;D &lt;news&gt; — a&lt;b');
    expect(payload?.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'R&D <news>', emoji: true } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'a&lt;b' }] },
      { type: 'section', text: { type: 'mrkdwn', text: '*P&amp;L*\n• x &gt; y &amp; z' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '&lt;!channel&gt;' }] },
    ]);
  });

  it('given links, then they are <url|label> with | and > in labels and & in URLs made safe', () => {
    const [payload] = renderBlocks({ title: 't', sections: [{ lines: [], links: [{ label: 'Q3 | PDF > now', url: 'https://example.org/r?a=1&b=2' }, { label: '', url: 'https://example.org/x y' }] }] });
    expect(sectionTexts(payload?.blocks ?? [])).toEqual(['• <https://example.org/r?a=1&amp;b=2|Q3 ∣ PDF &gt; now>\n• <https://example.org/x%20y>']);
  });

  it('given a message longer than every limit, then every payload keeps every limit, no line is lost and the order is kept', () => {
    const message = longMessage();
    const payloads = renderBlocks(message);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(limitViolations(payload)).toEqual([]);
    const blocks = payloads.flatMap((p) => p.blocks);
    const header = blocks[0];
    expect(header?.type === 'header' && header.text.text.endsWith('…') && message.title.startsWith(header.text.text.slice(0, -1))).toBe(true);
    const contexts = blocks.flatMap((b) => (b.type === 'context' ? b.elements.map((e) => unescapeMrkdwn(e.text)) : []));
    expect(contexts).toHaveLength(2);
    expect(message.subtitle?.startsWith(contexts[0]?.slice(0, -1) ?? '-')).toBe(true);
    expect(message.footer?.startsWith(contexts[1]?.slice(0, -1) ?? '-')).toBe(true);

    const raw = payloads.flatMap((p) => sectionTexts(p.blocks));
    expect(raw[1]?.length).toBeGreaterThan(2990); // the cut line fills its block
    const all = unescapeMrkdwn(raw.join('\n'));
    const lines = message.sections.flatMap((s) => [s.heading === undefined ? '' : `*${s.heading}*`, ...s.lines.map((l) => `• ${l}`)].filter((l) => l !== ''));
    const [heading, huge, ...rest] = lines;
    let from = all.indexOf(heading ?? '-');
    expect(from).toBe(0);
    const cut = all.split('\n')[1] ?? '';
    expect(cut.endsWith('…') && (huge ?? '').startsWith(cut.slice(0, -1))).toBe(true);
    for (const line of rest) {
      const at = all.indexOf(line, from);
      expect(at, line).toBeGreaterThan(from);
      from = at;
    }
    expect(all).toContain('• <https://example.org/report?a=1&b=2|Q3 report ∣ PDF > summary>');
  });

  it('given more than 50 blocks, then later payloads continue without a leading or trailing divider and say which part they are', () => {
    const sections = Array.from({ length: 60 }, (_, i) => ({ heading: `S${i}`, lines: [`line ${i}`] }));
    const payloads = renderBlocks({ title: 'Many', sections });
    // header + 60 sections + 59 dividers = 120 blocks; the divider at a page break is dropped
    expect(payloads.map((p) => p.blocks.length)).toEqual([50, 49, 19]);
    expect(payloads.map((p) => p.text)).toEqual(['Many (1/3)', 'Many (2/3)', 'Many (3/3)']);
    for (const p of payloads) {
      expect(p.blocks[0]?.type).not.toBe('divider');
      expect(p.blocks.at(-1)?.type).not.toBe('divider');
    }
    expect(payloads.flatMap((p) => sectionTexts(p.blocks))).toEqual(sections.map((s) => `*${s.heading}*\n• ${s.lines[0]}`));
  });

  it('given sections without content, then they render no blocks and no stray dividers', () => {
    const [payload] = renderBlocks({ title: 'T', sections: [{ lines: [] }, { lines: ['a'] }, { heading: '  ', lines: [] }] });
    expect(payload?.blocks.map((b) => b.type)).toEqual(['header', 'section']);
  });
});

describe('fitText and renderLink', () => {
  it('given text whose escaped form is too long, then the cut keeps whole entities and surrogate pairs and ends with …', () => {
    const cut = fitText('ab&😀😀&x', 10, escapeMrkdwn);
    expect(cut).toBe('ab&amp;😀…');
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(fitText('short', 10, escapeMrkdwn)).toBe('short');
  });

  it('given a URL too long to link within the limit, then the link becomes cut text', () => {
    const url = `https://example.org/${'a'.repeat(200)}`;
    const text = renderLink({ label: 'label', url }, 100);
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text.startsWith('label: https://example.org/')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
  });
});
