/**
 * Helpers for Slack rendering tests: a message longer than every Slack limit,
 * and a checker that lists every limit a payload breaks.
 */
import type { Message } from '../../../src/index.ts';

/** Slack's documented limits, written out again so tests do not trust the renderer's own constants. */
const LIMITS = { blocks: 50, header: 150, section: 3000, context: 2000, contextElements: 10, text: 3000 };

/** Lists every Slack limit `payload` breaks (empty when it is fine). */
export function limitViolations(payload: { text?: unknown; blocks?: unknown }): string[] {
  const problems: string[] = [];
  const text = typeof payload.text === 'string' ? payload.text : '';
  if (text.length === 0) problems.push('fallback text is empty');
  if (text.length > LIMITS.text) problems.push(`fallback text has ${text.length} characters`);
  const blocks = Array.isArray(payload.blocks) ? (payload.blocks as Record<string, unknown>[]) : [];
  if (blocks.length > LIMITS.blocks) problems.push(`${blocks.length} blocks`);
  blocks.forEach((block, i) => {
    const inner = block['text'] as { type?: string; text?: string } | undefined;
    switch (block['type']) {
      case 'header':
        if (inner?.type !== 'plain_text') problems.push(`block ${i}: header text is not plain_text`);
        if ((inner?.text ?? '').length === 0 || (inner?.text ?? '').length > LIMITS.header) problems.push(`block ${i}: header has ${inner?.text?.length ?? 0} characters`);
        break;
      case 'section':
        if (inner?.type !== 'mrkdwn') problems.push(`block ${i}: section text is not mrkdwn`);
        if ((inner?.text ?? '').length === 0 || (inner?.text ?? '').length > LIMITS.section) problems.push(`block ${i}: section has ${inner?.text?.length ?? 0} characters`);
        break;
      case 'context': {
        const elements = (block['elements'] ?? []) as { text?: string }[];
        if (elements.length === 0 || elements.length > LIMITS.contextElements) problems.push(`block ${i}: context has ${elements.length} elements`);
        for (const e of elements) if ((e.text ?? '').length > LIMITS.context) problems.push(`block ${i}: context element has ${e.text?.length ?? 0} characters`);
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`block ${i}: unexpected type ${String(block['type'])}`);
    }
  });
  return problems;
}

/** Plain-text words with mrkdwn's special characters, so escaping is exercised. */
function filler(length: number, seed: string): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += `${seed}${i} R&D <x> `;
  return out.slice(0, length);
}

/**
 * A message longer than every Slack limit: a 400-character title, a
 * 2,500-character subtitle and footer, a 5,000-character line, a section of
 * 120 lines (well over 3,000 characters), links with `|` and `>` in their
 * labels, and 70 more sections (well over 50 blocks).
 */
export function longMessage(): Message {
  const sections: Message['sections'] = [
    {
      heading: 'Market overview & <outlook>',
      lines: [filler(5000, 'huge'), ...Array.from({ length: 120 }, (_, i) => `Line ${i}: ${filler(60, `w${i}-`)}`)],
      links: [
        { label: 'Q3 report | PDF > summary', url: 'https://example.org/report?a=1&b=2' },
        { label: 'Plain', url: 'https://example.org/plain' },
      ],
    },
  ];
  for (let s = 0; s < 70; s++) sections.push({ heading: `Article ${s}`, lines: [`Summary ${s}: ${filler(120, `s${s}-`)}`, `Risk ${s}: margins <shrink> & costs`] });
  return {
    title: `Morning markets ${filler(400, 'title')}`,
    subtitle: filler(2500, 'sub'),
    sections,
    footer: filler(2500, 'foot'),
  };
}

/** Undoes Slack's mrkdwn escaping of `&`, `<`, `>`. */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&');
}
