/**
 * Test-side checks of Discord's embed limits, written from Discord's
 * documentation independently of the renderer, plus a message that is longer
 * than every one of them.
 */
import type { Message } from '../../../src/index.ts';

/** Discord's documented limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
const LIMITS = { title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, author: 256, embeds: 10, total: 6000 };

interface EmbedLike {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
}

/** Every limit a message payload breaks, as readable strings (empty when it is valid). */
export function embedLimitViolations(payload: { embeds?: EmbedLike[] }): string[] {
  const problems: string[] = [];
  const embeds = payload.embeds ?? [];
  if (embeds.length === 0 || embeds.length > LIMITS.embeds) problems.push(`${embeds.length} embeds`);
  let total = 0;
  embeds.forEach((e, i) => {
    const check = (what: string, text: string | undefined, max: number, required = false): void => {
      const length = text?.length ?? 0;
      total += length;
      if (length > max) problems.push(`embed ${i} ${what}: ${length} > ${max}`);
      if (required && (text === undefined || text.trim() === '')) problems.push(`embed ${i} ${what} is empty`);
    };
    check('title', e.title, LIMITS.title);
    check('description', e.description, LIMITS.description);
    check('footer', e.footer?.text, LIMITS.footer);
    check('author', e.author?.name, LIMITS.author);
    if ((e.fields?.length ?? 0) > LIMITS.fields) problems.push(`embed ${i}: ${e.fields?.length} fields`);
    for (const f of e.fields ?? []) {
      check('field name', f.name, LIMITS.fieldName, true);
      check('field value', f.value, LIMITS.fieldValue, true);
    }
    if (e.title === undefined && e.description === undefined && e.fields === undefined && e.footer === undefined) problems.push(`embed ${i} is empty`);
  });
  if (total > LIMITS.total) problems.push(`message has ${total} > ${LIMITS.total} characters`);
  return problems;
}

/** Removes Discord markdown escapes (`\*` → `*`). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([^\p{L}\p{N}\s])/gu, '$1');
}

/** All visible text of the payloads, line by line in reading order, bullets removed and markdown unescaped. */
export function visibleLines(payloads: readonly { embeds?: EmbedLike[] }[]): string[] {
  const out: string[] = [];
  const push = (text: string | undefined): void => {
    if (text !== undefined) for (const line of text.split('\n')) if (line !== '') out.push(unescapeMarkdown(line.replace(/^• /u, '')));
  };
  for (const payload of payloads) {
    for (const e of payload.embeds ?? []) {
      push(e.title);
      push(e.description);
      for (const f of e.fields ?? []) {
        push(f.name);
        push(f.value);
      }
      push(e.footer?.text);
    }
  }
  return out;
}

const words = (marker: string, length: number): string => {
  let text = marker;
  for (let i = 0; text.length < length; i++) text += ` word${i % 97}`;
  return text.slice(0, length);
};

/**
 * A digest-like message longer than every Discord limit: a 300-character
 * title, a 5000-character subtitle, a 300-character heading, a 1500-character
 * line inside a section, a section longer than a field value, more sections
 * than fields per embed, alternating plain and headed sections (more embeds
 * than a message holds), a plain section longer than a description and a
 * message, markdown characters, and a 2500-character footer. Every line
 * starts with a unique marker `L<n>`.
 */
export function longMessage(): Message {
  let n = 0;
  const line = (length: number): string => words(`L${String(n++).padStart(3, '0')}`, length);
  const sections: Message['sections'] = [];
  for (let s = 0; s < 30; s++) {
    const count = s === 5 ? 20 : 6;
    sections.push({
      heading: s === 0 ? line(300) : `H${s} ${line(40)}`,
      lines: Array.from({ length: count }, (_, i) => (s === 3 && i === 2 ? line(1500) : line(150))),
      links: [{ label: `source ${s}`, url: `https://example.org/a/${s}` }, { label: `mirror [${s}]`, url: `https://example.net/b/${s}?q=(x)` }],
    });
  }
  for (let s = 0; s < 12; s++) {
    sections.push({ lines: [line(60), line(60)] });
    sections.push({ heading: `short ${s}`, lines: [line(50)] });
  }
  sections.push({ lines: Array.from({ length: 70 }, () => line(100)) });
  sections.push({ heading: 'markdown', lines: [`${line(10)} growth *3%* in _Q2_, see [x](y) ~~old~~ \`code\` # not a heading`] });
  return { title: line(300), subtitle: line(5000), sections, footer: line(2500) };
}
