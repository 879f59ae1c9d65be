/**
 * Article extraction from text scraped off a page, furniture included.
 * Blocks are separated by blank lines. Evidence used, line by line:
 * - the head of the text: a date line (→ published), a kicker/section label,
 *   the headline (→ title), a by-line;
 * - a block that repeats the headline (SEO title plus meta description);
 * - title cards of other pages: a line with a site-name suffix ("… | Site"),
 *   marketing bullets ("➤ … ✓ …"), a headline-like line directly followed by
 *   short promo copy about another topic;
 * - calls to action, cookie, newsletter and paywall notices.
 */
import { parseDateLine } from './dates.ts';
import {
  BYLINE, COOKIE, FURNITURE_LINES, FURNITURE_START, MARKETING, PAYWALL, SENTENCE_END, SITE_SUFFIX, STAMP_LINE,
  STAMP_LINE_MAX_WORDS, isDateStamp,
} from './text-furniture.ts';
import type { ExtractedArticle } from '../types.ts';

/** Most words in a line that can still be a headline, label or card title. */
const HEADLINE_MAX_WORDS = 24;
/** Most words of promo copy under a card title. */
const CARD_MAX_WORDS = 60;
/** Share of a card's content words found in the article below which the card is off-topic. */
const CARD_MIN_OVERLAP = 0.5;

const WORD = /[\p{L}\p{N}]+/gu;
const CONTENT_WORD = /\p{L}{5,}/gu;

function words(line: string): number {
  return line.match(WORD)?.length ?? 0;
}

function normalizeLine(line: string): string {
  return line.replace(/[\s\u00a0\u200b]+/gu, ' ').trim();
}

/** Most words in the title line of a card for another article. */
const CARD_TITLE_MAX_WORDS = 12;
const UPPER_START = /^["'„“«»‚(]*[\p{Lu}\p{N}]/u;

/** A headline-like line followed by a line that starts anew (not a hard-wrapped continuation). */
function isTitleOverCopy(lines: string[]): boolean {
  const first = lines[0] ?? '';
  return lines.length >= 2 && isHeadlineLike(first) && !SENTENCE_END.test(first)
    && words(first) <= CARD_TITLE_MAX_WORDS && UPPER_START.test(lines[1] ?? '');
}

/** A line shaped like a headline: a few words, no sentence-final period. */
function isHeadlineLike(line: string): boolean {
  const n = words(line);
  if (n === 0 || n > HEADLINE_MAX_WORDS) return false;
  return !/[.;,]["'”“»«’)]*$/u.test(line);
}

function isFurnitureLine(line: string): boolean {
  const bare = line.toLowerCase().replace(/[:\s›»>]+$/u, '');
  return FURNITURE_LINES.has(bare) || FURNITURE_START.test(line) || COOKIE.test(line)
    || MARKETING.test(line) || SITE_SUFFIX.test(line)
    || (words(line) <= STAMP_LINE_MAX_WORDS && (STAMP_LINE.test(line) || isDateStamp(line)));
}

/** Stems (first five letters) of the content words of a text. */
function stems(text: string): string[] {
  return (text.toLowerCase().match(CONTENT_WORD) ?? []).map((w) => w.slice(0, 5));
}

/** Share of the block's content words that the rest of the article also uses. */
function overlap(block: string[], vocabulary: ReadonlyMap<string, number>): number {
  const own = stems(block.join(' '));
  if (own.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const s of own) counts.set(s, (counts.get(s) ?? 0) + 1);
  let shared = 0;
  for (const s of own) if ((vocabulary.get(s) ?? 0) > (counts.get(s) ?? 0)) shared++;
  return shared / own.length;
}

interface Head {
  title: string | null;
  published: string | null;
  byline: string | null;
  /** Blocks consumed by the head. */
  consumed: number;
}

/** Reads date, kicker, headline and by-line from the first single-line blocks. */
function readHead(blocks: string[][]): Head {
  const head: Head = { title: null, published: null, byline: null, consumed: 0 };
  for (let i = 0; i < Math.min(blocks.length, 6); i++) {
    const block = blocks[i] ?? [];
    const first = block[0] ?? '';
    const date = parseDateLine(first);
    if (date !== null && head.published === null && block.length === 1) head.published = date;
    else if (BYLINE.test(first) && block.length === 1 && head.byline === null) head.byline = first.replace(/^\S+\s+/u, '');
    else if (head.title === null && block.length === 1 && isHeadlineLike(first)) {
      const next = blocks[i + 1]?.[0] ?? '';
      // A short label right before another headline-like line is a kicker ("KI", "Energie").
      if (words(first) <= 3 && isHeadlineLike(next) && blocks[i + 1]?.length === 1) {
        head.consumed = i + 1;
        continue;
      }
      head.title = first;
    } else break;
    head.consumed = i + 1;
  }
  return head;
}

/** Splits a block's lines into paragraphs: a line ending a sentence ends a paragraph. */
function paragraphsOf(lines: string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    current = current === '' ? line : `${current} ${line}`;
    if (SENTENCE_END.test(line)) {
      out.push(current);
      current = '';
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** Extracts the article from scraped plain text. */
export function extractFromText(text: string): ExtractedArticle {
  const blocks = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').split(/\n[ \t\u00a0]*\n/u)
    .map((b) => b.split('\n').map(normalizeLine).filter((l) => l.length > 0))
    .filter((b) => b.length > 0);
  const head = readHead(blocks);
  const paywallHints: string[] = [];
  const titleKey = head.title?.toLowerCase() ?? null;
  const kept: string[][] = [];
  const cards: string[][] = [];
  for (const block of blocks.slice(head.consumed)) {
    const first = block[0] ?? '';
    if (titleKey !== null && first.toLowerCase() === titleKey) continue;
    if (block.some((l) => SITE_SUFFIX.test(l) || MARKETING.test(l))) continue;
    const lines = block.filter((line) => {
      if (PAYWALL.test(line) && words(line) <= 40) {
        paywallHints.push(`paywall notice: "${line.slice(0, 80)}"`);
        return false;
      }
      return !isFurnitureLine(line);
    });
    if (lines.length === 0) continue;
    const rest = lines.slice(1).join(' ');
    if (isTitleOverCopy(lines) && words(rest) <= CARD_MAX_WORDS) cards.push(lines);
    kept.push(lines);
  }
  // Title cards stay only when they are about the article's topic.
  const vocabulary = new Map<string, number>();
  for (const s of stems([head.title ?? '', ...kept.flat()].join(' '))) vocabulary.set(s, (vocabulary.get(s) ?? 0) + 1);
  const offTopic = new Set(cards.filter((card) => overlap(card, vocabulary) < CARD_MIN_OVERLAP));
  // A text that is nothing but one card is the article itself.
  if (offTopic.size === kept.length) offTopic.clear();
  const paragraphs: string[] = [];
  const headings: number[] = [];
  for (const lines of kept) {
    if (offTopic.has(lines)) continue;
    const first = lines[0] ?? '';
    if (lines.length === 1 && isHeadlineLike(first) && !/[?!]["'”“»«’]*$/u.test(first)) {
      headings.push(paragraphs.length);
      paragraphs.push(first);
      continue;
    }
    if (isTitleOverCopy(lines)) {
      headings.push(paragraphs.length);
      paragraphs.push(first);
      paragraphs.push(...paragraphsOf(lines.slice(1)));
      continue;
    }
    paragraphs.push(...paragraphsOf(lines));
  }
  // A text that is one line only ("Die Firma zahlt 3 € je Aktie") is read as a headline; it is also the whole article.
  if (paragraphs.length === 0 && head.title !== null && blocks.length === 1) paragraphs.push(head.title);
  return {
    title: head.title, byline: head.byline, published: head.published, declaredLanguage: null, url: null,
    paragraphs, headings, description: null, paywallHints,
  };
}
