import { describe, expect, it } from 'vitest';
import { renderEmbeds } from '../../../../adapters/discord/render-embeds.ts';
import type { Message } from '../../../../src/index.ts';
import { embedLimitViolations, longMessage, unescapeMarkdown, visibleLines } from '../../../fakes/discord/embed-limits.ts';

/** Finds `text` in `lines` at or after `from`, whole or cut with "…"; returns its index or -1. */
function findLine(lines: readonly string[], text: string, from: number): number {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === text) return i;
    if (line.endsWith('…') && line.length > 100 && text.startsWith(line.slice(0, -1))) return i;
  }
  return -1;
}

describe('renderEmbeds', () => {
  it('given a message longer than every Discord limit, then every payload is within every limit', () => {
    const payloads = renderEmbeds(longMessage());
    expect(payloads.length).toBeGreaterThan(3);
    for (const payload of payloads) expect(embedLimitViolations(payload)).toEqual([]);
  });

  it('given a message longer than every limit, then no line text is lost and the order is kept', () => {
    const message = longMessage();
    const out = visibleLines(renderEmbeds(message));
    const expected: { text: string; limit: number }[] = [
      { text: message.title, limit: 256 },
      { text: message.subtitle ?? '', limit: 4096 },
    ];
    for (const section of message.sections) {
      const inField = section.heading !== undefined;
      if (section.heading !== undefined) expected.push({ text: section.heading, limit: 256 });
      for (const line of section.lines) expected.push({ text: line, limit: inField ? 1024 : 4096 });
      for (const link of section.links ?? []) expected.push({ text: `[${link.label}](${link.url.replace('(', '%28').replace(')', '%29')})`, limit: 1024 });
    }
    expected.push({ text: message.footer ?? '', limit: 2048 });
    let at = 0;
    for (const { text, limit } of expected) {
      const found = findLine(out, text, at);
      expect(found, `line "${text.slice(0, 40)}…" missing or out of order`).toBeGreaterThanOrEqual(0);
      const shown = out[found] ?? '';
      if (shown !== text) {
        expect(text.length, `"${text.slice(0, 20)}" was cut though it fits`).toBeGreaterThan(limit - 2);
        expect(shown.length).toBeLessThanOrEqual(limit);
        expect(shown.length).toBeGreaterThan(limit - 10);
      }
      at = found + 1;
    }
  });

  it('given sections with headings, then they become fields named by the heading, continued when longer than a field value', () => {
    const message: Message = {
      title: 'Digest',
      sections: [{ heading: 'Long story', lines: Array.from({ length: 12 }, (_, i) => `${i} ${'x'.repeat(150)}`) }],
    };
    const [payload] = renderEmbeds(message);
    const fields = payload?.embeds.flatMap((e) => e.fields ?? []) ?? [];
    expect(fields.map((f) => f.name)).toEqual(['Long story', 'Long story (cont.)']);
    expect(fields.every((f) => f.value.length <= 1024)).toBe(true);
    expect(fields.flatMap((f) => f.value.split('\n'))).toHaveLength(12);
  });

  it('given more headed sections than fields per embed, then the fields continue in the next embed of the same message', () => {
    const message: Message = { title: 'Many', sections: Array.from({ length: 60 }, (_, i) => ({ heading: `h${i}`, lines: [`line ${i}`] })) };
    const payloads = renderEmbeds(message);
    expect(payloads).toHaveLength(1);
    expect(payloads[0]?.embeds.map((e) => e.fields?.length ?? 0)).toEqual([25, 25, 10]);
  });

  it('given more embeds than a message holds, then a second and third message follow', () => {
    // A plain section after fields must start a new embed to keep the order: 25 pairs → 26 embeds.
    const sections = Array.from({ length: 25 }, (_, i) => [{ heading: `h${i}`, lines: [`field ${i}`] }, { lines: [`plain ${i}`] }]).flat();
    const payloads = renderEmbeds({ title: 'Alternating', sections });
    expect(payloads.map((p) => p.embeds.length)).toEqual([10, 10, 6]);
    expect(visibleLines(payloads).filter((l) => l.startsWith('plain') || l.startsWith('field'))).toHaveLength(50);
  });

  it('given more text than 6000 characters, then it is split into messages of at most 6000 characters', () => {
    const sections = Array.from({ length: 10 }, (_, i) => ({ heading: `h${i}`, lines: [`${i} ${'y'.repeat(1000)}`] }));
    const payloads = renderEmbeds({ title: 'Big', sections });
    expect(payloads.length).toBe(2);
    for (const p of payloads) expect(embedLimitViolations(p)).toEqual([]);
  });

  it('given a short reply, then one embed has the title, the lines and markdown links', () => {
    const payloads = renderEmbeds({
      title: 'Help', subtitle: 'What the bot can do',
      sections: [{ lines: ['/digest — the latest digest', '/help — this text'], links: [{ label: 'Docs', url: 'https://example.org/docs' }] }],
    });
    expect(payloads).toHaveLength(1);
    expect(payloads[0]?.embeds).toHaveLength(1);
    expect(payloads[0]?.embeds[0]).toMatchObject({
      title: 'Help',
      description: 'What the bot can do\n\n• /digest — the latest digest\n• /help — this text\n[Docs](https://example.org/docs)',
    });
  });

  it('given markdown characters in plain lines, then they are escaped and show as typed', () => {
    const line = 'cron 30 7 * * 1-5 for *all* _users_ [x](y)';
    const [payload] = renderEmbeds({ title: 'Schedule', sections: [{ lines: [line] }] });
    const description = payload?.embeds[0]?.description ?? '';
    expect(description).not.toContain('* *');
    expect(unescapeMarkdown(description)).toBe(line);
  });

  it('given a footer, then it is the footer of the last embed of the last message', () => {
    const payloads = renderEmbeds(longMessage());
    const last = payloads.at(-1)?.embeds.at(-1);
    expect(last?.footer?.text.startsWith('L')).toBe(true);
    expect(payloads.flatMap((p) => p.embeds).filter((e) => e.footer !== undefined)).toHaveLength(1);
  });
});
