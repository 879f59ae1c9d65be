/**
 * Renders the neutral Message as Slack Block Kit payloads within Slack's
 * limits: title → header, subtitle and footer → context, each section →
 * section blocks (heading in bold, a linked heading as `*<url|heading>*`,
 * lines as bullets, links as `<url|label>`),
 * dividers between sections. A message too long for one post is split over
 * several payloads in order; only a single line longer than a limit is cut
 * (ending with "…").
 */
import type { Message, MessageLink, MessageSection } from '../../src/index.ts';
import { ELLIPSIS, fitText, packLines } from '../shared/text-fit.ts';

/** Slack's limits this renderer keeps to (characters, counted in UTF-16 units). */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  headerText: 150,
  sectionText: 3000,
  contextText: 2000,
  fallbackText: 3000,
} as const;

export interface SlackHeaderBlock {
  type: 'header';
  text: { type: 'plain_text'; text: string; emoji: boolean };
}
export interface SlackSectionBlock {
  type: 'section';
  text: { type: 'mrkdwn'; text: string };
}
export interface SlackContextBlock {
  type: 'context';
  elements: { type: 'mrkdwn'; text: string }[];
}
export interface SlackDividerBlock {
  type: 'divider';
}
export type SlackBlock = SlackHeaderBlock | SlackSectionBlock | SlackContextBlock | SlackDividerBlock;

/** One Slack message: the notification/fallback `text` and the blocks. */
export interface SlackPayload {
  text: string;
  blocks: SlackBlock[];
}

const BULLET = '• ';

/** The shared cut (adapters/shared/text-fit.ts), as this renderer's tests and callers know it. */
export { fitText };

/** Escapes the three characters Slack's mrkdwn reserves (`&`, `<`, `>`). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** A URL as it may stand inside `<…>`: `&` escaped, the delimiters and spaces percent-encoded. */
function linkTarget(url: string): string {
  return url.trim().replace(/&/gu, '&amp;').replace(/[<>| ]/gu, (c) => encodeURIComponent(c));
}

function labelChar(ch: string): string {
  return ch === '|' ? '∣' : escapeMrkdwn(ch);
}

/**
 * A link as mrkdwn `<url|label>` of at most `limit` characters: the label
 * is escaped (`|` becomes `∣`, `>` becomes `&gt;`) and cut if needed; a URL
 * too long to link is shown as cut text instead.
 */
export function renderLink(link: MessageLink, limit: number = SLACK_LIMITS.sectionText): string {
  const target = linkTarget(link.url);
  const label = link.label.trim();
  if (label === '') return target.length + 2 <= limit ? `<${target}>` : fitText(link.url, limit, escapeMrkdwn);
  const room = limit - target.length - 3;
  if (room >= 8) return `<${target}|${fitText(label, room, (s) => [...s].map(labelChar).join(''))}>`;
  return fitText(`${label}: ${link.url}`, limit, escapeMrkdwn);
}

/** The mrkdwn items of one section, each fitting a section block alone. */
function sectionItems(section: MessageSection): string[] {
  const limit = SLACK_LIMITS.sectionText;
  const items: string[] = [];
  const heading = section.heading?.trim() ?? '';
  if (section.url !== undefined) items.push(`*${renderLink({ label: heading, url: section.url }, limit - 2)}*`);
  else if (heading !== '') items.push(`*${fitText(heading, limit - 2, escapeMrkdwn)}*`);
  for (const line of section.lines) items.push(BULLET + fitText(line, limit - BULLET.length, escapeMrkdwn));
  for (const link of section.links ?? []) items.push(BULLET + renderLink(link, limit - BULLET.length));
  return items;
}

function context(text: string): SlackContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: fitText(text, SLACK_LIMITS.contextText, escapeMrkdwn) }] };
}

/** All blocks of the message in order, before splitting into posts. */
function allBlocks(message: Message): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  if (message.title.trim() !== '') {
    blocks.push({ type: 'header', text: { type: 'plain_text', text: fitText(message.title.trim(), SLACK_LIMITS.headerText), emoji: true } });
  }
  if (message.subtitle !== undefined && message.subtitle.trim() !== '') blocks.push(context(message.subtitle));
  let first = true;
  for (const section of message.sections) {
    const texts = packLines(sectionItems(section), SLACK_LIMITS.sectionText);
    if (texts.length === 0) continue;
    if (!first) blocks.push({ type: 'divider' });
    first = false;
    for (const text of texts) blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
  }
  if (message.footer !== undefined && message.footer.trim() !== '') blocks.push(context(message.footer));
  return blocks;
}

/** Splits blocks into pages of at most 50; no page starts or ends with a divider. */
function paginate(blocks: readonly SlackBlock[]): SlackBlock[][] {
  const pages: SlackBlock[][] = [];
  let page: SlackBlock[] = [];
  for (const block of blocks) {
    if (page.length >= SLACK_LIMITS.blocksPerMessage) {
      pages.push(page);
      page = [];
    }
    if (block.type === 'divider' && page.length === 0) continue;
    page.push(block);
  }
  pages.push(page);
  for (const p of pages) while (p.at(-1)?.type === 'divider') p.pop();
  const filled = pages.filter((p) => p.length > 0);
  return filled.length > 0 ? filled : [[]];
}

function fallbackText(message: Message, part: number, parts: number): string {
  const summary = message.subtitle !== undefined && message.subtitle.trim() !== ''
    ? `${message.title.trim()} — ${message.subtitle.trim()}`
    : message.title.trim();
  const suffix = parts > 1 ? ` (${part}/${parts})` : '';
  const text = fitText(summary === '' ? ELLIPSIS : summary, SLACK_LIMITS.fallbackText - suffix.length, escapeMrkdwn);
  return text + suffix;
}

/**
 * Renders a message as one or more Slack payloads, each within Slack's
 * limits (see SLACK_LIMITS). Post them in order.
 */
export function renderBlocks(message: Message): SlackPayload[] {
  const pages = paginate(allBlocks(message));
  return pages.map((blocks, i) => ({ text: fallbackText(message, i + 1, pages.length), blocks }));
}
