/**
 * Turns the chosen content elements into text blocks in reading order:
 * paragraphs, list items, quotes, pre-formatted text and sub-headings.
 * Link lists and link-dense blocks inside the article are dropped.
 */
import { linkDensity } from './content.ts';
import {
  BLOCK_TAGS, CREDIT_LINE, END_MATTER, FURNITURE_TEXT, HEADING_TAGS, SHARE_PROMPT, SHORTCODE, SOCIAL_CTA, STAMP_LINE,
} from './patterns.ts';
import { parseDateLine } from '../dates.ts';
import type { El } from './tree.ts';

/** A text block with what filtering needs to know about it. */
export interface Block {
  text: string;
  heading: boolean;
  /** Characters of link text in the block. */
  link: number;
}

/** Containers dropped inside the article when they are mostly links. */
const LINK_LIST_TAGS = new Set(['div', 'section', 'ul', 'ol', 'table', 'dl', 'p', 'span']);
/** Link density above which a container of at most LINK_LIST_MAX_CHARS is a link list. */
const LINK_LIST_DENSITY = 0.5;
const LINK_LIST_MAX_CHARS = 2000;
/** Text outside links that makes a paragraph prose, however many links a pop-up inside it holds. */
const PROSE_MIN_CHARS = 80;
/** Longest table cell read as part of its row. */
const CELL_MAX_INLINE_CHARS = 150;
/** Link density above which a single block is dropped. */
const BLOCK_LINK_DENSITY = 0.6;
/** Blocks this long are prose with links, dropped only when nearly all link text. */
const LONG_BLOCK_CHARS = 200;
const LONG_BLOCK_LINK_DENSITY = 0.85;
/** Longest block checked against the furniture phrases. */
const FURNITURE_MAX_CHARS = 80;

const SPACE_RUN = /\s+/gu;
/** Invisible characters: soft hyphen, zero-width space/joiners, word joiner, BOM. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/gu;

class BlockWriter {
  readonly blocks: Block[] = [];
  private parts: string[] = [];
  private link = 0;
  private heading = false;

  text(s: string, inLink: boolean): void {
    this.parts.push(s);
    if (inLink) this.link += s.length;
  }

  flush(): void {
    if (this.parts.length > 0) {
      // NFC: some pages send decomposed umlauts ("u" + combining diaeresis).
      const text = this.parts.join('').replace(INVISIBLE, '').replace(SPACE_RUN, ' ').trim().normalize('NFC');
      if (text !== '') this.blocks.push({ text, heading: this.heading, link: this.link });
    }
    this.parts = [];
    this.link = 0;
    this.heading = false;
  }

  startHeading(): void {
    this.flush();
    this.heading = true;
  }
}

/** Elements that hold running text: with enough text outside links they are prose, whatever pop-up sits inside. */
const PROSE_TAGS = new Set(['p', 'span']);

/** Whether an element holds at least two links. */
function hasTwoLinks(el: El, found = { n: 0 }): boolean {
  for (const child of el.children) {
    if (typeof child === 'string' || child.removed) continue;
    if (child.tag === 'a' && ++found.n >= 2) return true;
    if (hasTwoLinks(child, found)) return true;
  }
  return false;
}

/** A container that is mostly links (a list of related links, a pop-up card), not text with links in it. */
function isLinkList(el: El): boolean {
  if (!LINK_LIST_TAGS.has(el.tag) || el.text === 0 || el.text > LINK_LIST_MAX_CHARS || linkDensity(el) <= LINK_LIST_DENSITY) return false;
  if (PROSE_TAGS.has(el.tag) && el.text - el.link >= PROSE_MIN_CHARS) return false;
  // A span around one link is that link, inside running text.
  return el.tag !== 'span' || hasTwoLinks(el);
}

/** Containers that can be a box inside the article (related stories, most read, key points). */
const BOX_TAGS = new Set(['div', 'section', 'ul', 'ol', 'dl', 'table']);
/** Largest share of the article's text a box may hold. */
const BOX_MAX_SHARE = 0.25;
const FIRST_TEXT_MAX_CHARS = 80;

/** The first text in an element (its title, for a box), or '' when it starts with something long. */
function firstText(el: El): string {
  for (const child of el.children) {
    if (typeof child === 'string') {
      const t = child.replace(SPACE_RUN, ' ').trim();
      if (t !== '') return t.length > FIRST_TEXT_MAX_CHARS ? '' : t;
    } else if (!child.removed) {
      const t = firstText(child);
      if (t !== '' || child.text > 0) return t;
    }
  }
  return '';
}

/** A box inside the article that its title names as furniture ("Most read in world news", "Mehr zum Thema"). */
function isFurnitureBox(el: El, boxMax: number): boolean {
  if (!BOX_TAGS.has(el.tag) || el.text > boxMax) return false;
  const title = firstText(el);
  return title !== '' && FURNITURE_TEXT.test(title);
}

function walk(el: El, out: BlockWriter, inLink: boolean, root: boolean, boxMax: number): void {
  // The headline is the article's title, reported apart from its body.
  if (el.removed || el.tag === 'h1') return;
  if (!root && !inLink && (isLinkList(el) || isFurnitureBox(el, boxMax))) return;
  const cell = el.tag === 'td' || el.tag === 'th';
  // Short table cells are parts of their row ("1 Kyle Busch 5040"); long ones (layout tables) are blocks.
  const block = cell ? el.text > CELL_MAX_INLINE_CHARS : BLOCK_TAGS.has(el.tag);
  if (HEADING_TAGS.has(el.tag)) out.startHeading();
  else if (block) out.flush();
  const link = inLink || (el.tag === 'a' && el.attrs['href'] !== undefined);
  for (const child of el.children) {
    if (typeof child === 'string') out.text(child, link);
    else walk(child, out, link, false, boxMax);
  }
  if (block) out.flush();
  else if (cell) out.text(' ', false);
}

/** Longest block checked for an end-matter label. */
const END_MATTER_MAX_CHARS = 60;
/** Longest block checked for a date stamp. */
const STAMP_MAX_CHARS = 120;
/** Longest block checked for a social-network call to action. */
const CTA_MAX_CHARS = 250;

/** Whether a short block is page furniture: a label, a date stamp, a share prompt, a call to follow. */
export function isFurnitureLine(text: string): boolean {
  if (text.length > CTA_MAX_CHARS) return false;
  if (SOCIAL_CTA.test(text) || SHORTCODE.test(text)) return true;
  if (text.length > FURNITURE_MAX_CHARS) return text.length <= STAMP_MAX_CHARS && STAMP_LINE.test(text);
  return FURNITURE_TEXT.test(text) || STAMP_LINE.test(text) || CREDIT_LINE.test(text) || SHARE_PROMPT.test(text) || parseDateLine(text) !== null;
}

/** Cuts the blocks from an end-matter label (contacts, sources) on, once the text before it is most of the text. */
function cutEndMatter(blocks: Block[]): void {
  const total = blocks.reduce((n, b) => n + b.text.length, 0);
  let before = 0;
  for (let i = 0; i < blocks.length; i++) {
    const text = blocks[i]?.text ?? '';
    if (i > 0 && before >= total / 2 && text.length <= END_MATTER_MAX_CHARS && END_MATTER.test(text)) {
      blocks.length = i;
      return;
    }
    before += text.length;
  }
}

/** The text blocks of the content elements, furniture lines removed. */
export function collectBlocks(content: El[]): Block[] {
  const writer = new BlockWriter();
  const boxMax = content.reduce((n, el) => n + el.text, 0) * BOX_MAX_SHARE;
  for (const el of content) walk(el, writer, false, true, boxMax);
  writer.flush();
  const blocks = writer.blocks.filter((b) => {
    if (b.link > b.text.length * (b.text.length < LONG_BLOCK_CHARS ? BLOCK_LINK_DENSITY : LONG_BLOCK_LINK_DENSITY)) return false;
    return !isFurnitureLine(b.text);
  });
  cutEndMatter(blocks);
  // Headings with no text after them introduce furniture that was removed ("Related topics").
  while (blocks.length > 0 && blocks[blocks.length - 1]?.heading === true) blocks.pop();
  return blocks;
}
