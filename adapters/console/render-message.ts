/** Renders the neutral message model as terminal text. */
import type { Message } from '../../src/index.ts';

const RULE = '═'.repeat(72);
const WIDTH = 88;

function wrap(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `${indent}${l}`));
}

export function renderMessageText(message: Message): string {
  const out: string[] = [RULE, message.title];
  if (message.subtitle !== undefined) out.push(message.subtitle);
  for (const section of message.sections) {
    out.push('');
    if (section.heading !== undefined) out.push(`▸ ${section.heading}`);
    if (section.url !== undefined) out.push(`  ↗ ${section.url}`);
    for (const line of section.lines) out.push(`  • ${wrap(line, '    ').join('\n')}`);
    for (const link of section.links ?? []) out.push(`  ↗ ${link.label}: ${link.url}`);
  }
  if (message.footer !== undefined) out.push('', ...wrap(message.footer, ''));
  return out.join('\n');
}
