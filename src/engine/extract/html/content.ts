/**
 * Finds the article in the lean tree: drops furniture (by tag, role, class/id),
 * measures text, link text and commas per element, scores containers by the
 * paragraphs they hold and picks the best one plus the siblings that belong
 * to the article.
 */
import {
  BLOCK_TAGS, BOILERPLATE, CONTENT_HINT, DROP_ROLES, DROP_TAGS, NEGATIVE, PARAGRAPH_TAGS, POSITIVE,
} from './patterns.ts';
import type { El } from './tree.ts';

/** Shortest own text of a block that counts as a paragraph when scoring. */
const MIN_PARAGRAPH_CHARS = 25;
/** Score a content-like (or furniture-like) class or id adds (or takes) from a container. */
const CLASS_WEIGHT = 10;
/** Share of the page's text above which a furniture-looking element is kept anyway. */
const PROTECTED_SHARE = 0.6;
/** Share of the page's text above which a form is a wrapper around the page (ASP.NET), not a form. */
const FORM_SHARE = 0.3;
/** Share of the page's text above which an element is a wrapper around everything, links or not. */
const WRAPPER_SHARE = 0.8;
/** Share of the page's paragraph text (outside links) above which an element holds the article. */
const PARAGRAPH_SHARE = 0.5;
const MIN_PAGE_PARAGRAPH_TEXT = 300;
/** Elements that never hold a whole article: their scores go to the container above. */
const NOT_CONTAINERS = new Set(['tr', 'tbody', 'thead', 'table', 'ul', 'ol', 'dl', 'p', 'span', 'a', 'b', 'i', 'em', 'strong', 'font', 'li']);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/iu;
const COMMENTS = /(?:^|[\s_-])(?:comment|kommentar|disqus)/u;
const COMMA = /[,،、，]/gu;
const SPACE_RUN = /\s+/gu;

/** Text length with white-space runs counted once. */
function textLength(text: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isSpace = c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12;
    if (isSpace) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  return n;
}

function hasHeadline(el: El): boolean {
  for (const child of el.children) if (typeof child !== 'string' && (child.tag === 'h1' || hasHeadline(child))) return true;
  return false;
}

/** An article's own header (inside the article, or holding its headline) rather than the site's. */
function isHeaderToKeep(el: El): boolean {
  for (let p = el.parent; p !== null; p = p.parent) if (p.tag === 'article' || p.tag === 'main') return true;
  return hasHeadline(el);
}

/** Measures text, link text, commas and own (inline) text of every kept element. */
export function measure(el: El, inLink: boolean): void {
  let text = 0;
  let link = 0;
  let commas = 0;
  let inline = 0;
  let ptext = 0;
  const isLink = inLink || (el.tag === 'a' && el.attrs['href'] !== undefined);
  for (const child of el.children) {
    if (typeof child === 'string') {
      const n = textLength(child);
      text += n;
      inline += n;
      if (isLink) link += n;
      commas += child.match(COMMA)?.length ?? 0;
      continue;
    }
    if (child.removed) continue;
    measure(child, isLink);
    text += child.text;
    link += child.link;
    commas += child.commas;
    ptext += child.ptext;
    if (!BLOCK_TAGS.has(child.tag)) inline += child.text;
  }
  el.text = text;
  el.link = link;
  el.commas = commas;
  el.inline = inline;
  el.ptext = el.tag === 'p' ? text - link : ptext;
  el.score = 0;
}

function isHidden(el: El): boolean {
  return el.attrs['hidden'] !== undefined || el.attrs['aria-hidden'] === 'true'
    || (el.attrs['style'] !== undefined && HIDDEN_STYLE.test(el.attrs['style']));
}

/** Whether a furniture-looking element holds most of the page's text (a wrapper around everything). */
function holdsPage(el: El, page: El): boolean {
  if (COMMENTS.test(el.cls)) return false;
  if (page.ptext >= MIN_PAGE_PARAGRAPH_TEXT && el.ptext >= page.ptext * PARAGRAPH_SHARE) return true;
  return el.text >= page.text * WRAPPER_SHARE || (el.text >= page.text * PROTECTED_SHARE && el.link < el.text * 0.5);
}

/** Fewest items of a gallery (slides, each an image with a caption). */
const GALLERY_MIN_ITEMS = 8;
/** Share of the items that must hold an image. */
const GALLERY_MEDIA_SHARE = 0.75;
/** Most text of a slide on average: a caption, not a section of an article. */
const GALLERY_MAX_ITEM_CHARS = 300;
const MEDIA_TAGS = new Set(['img', 'picture', 'figure', 'video']);
const ITEM_HEADINGS = new Set(['h2', 'h3', 'h4']);

/** Whether an element holds an image (1), a sub-heading (2, an article section rather than a slide) or neither (0). */
function mediaOf(el: El): number {
  let found = 0;
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    if (ITEM_HEADINGS.has(child.tag)) return 2;
    if (MEDIA_TAGS.has(child.tag)) found = 1;
    else {
      const inner = mediaOf(child);
      if (inner === 2) return 2;
      if (inner === 1) found = 1;
    }
  }
  return found;
}

/**
 * A gallery: many sibling items, nearly all of them an image with a short caption and none with a
 * sub-heading (which would make it a list article). Dropped when the page has article text besides it.
 */
function isGallery(el: El, page: El): boolean {
  let items = 0;
  let media = 0;
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    items++;
  }
  if (items < GALLERY_MIN_ITEMS || el.text > items * GALLERY_MAX_ITEM_CHARS) return false;
  if (page.ptext - el.ptext < MIN_PAGE_PARAGRAPH_TEXT) return false;
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    const kind = mediaOf(child);
    if (kind === 2) return false;
    media += kind;
  }
  return media >= items * GALLERY_MEDIA_SHARE;
}

function isFurniture(el: El, page: El): boolean {
  if (isGallery(el, page)) return true;
  const role = el.attrs['role'];
  if (role !== undefined && DROP_ROLES.has(role.toLowerCase()) && !holdsPage(el, page)) return true;
  if (DROP_TAGS.has(el.tag)) {
    // Some sites wrap everything in a form (ASP.NET) or the article in an aside.
    if (el.tag === 'form') return el.text < page.text * FORM_SHARE;
    return el.tag !== 'aside' || !holdsPage(el, page);
  }
  if (el.tag === 'header' && !isHeaderToKeep(el)) return true;
  if (isHidden(el)) return true;
  if (el.cls === '' || el.tag === 'article' || el.tag === 'main' || !BOILERPLATE.test(el.cls)) return false;
  if (CONTENT_HINT.test(el.cls) || el.attrs['itemprop'] === 'articleBody') return false;
  return !holdsPage(el, page);
}

/** Drops furniture by tag, role, visibility and class/id; needs {@link measure}d elements. */
export function dropFurniture(el: El, page: El = el): void {
  for (const child of el.children) {
    if (typeof child === 'string' || child.removed) continue;
    if (isFurniture(child, page)) child.removed = true;
    else dropFurniture(child, page);
  }
}

export function linkDensity(el: El): number {
  return el.text === 0 ? 0 : el.link / el.text;
}

function classWeight(el: El): number {
  if (el.cls === '') return 0;
  let w = 0;
  if (POSITIVE.test(el.cls)) w += CLASS_WEIGHT;
  if (NEGATIVE.test(el.cls)) w -= CLASS_WEIGHT;
  return w;
}

function initialScore(el: El): number {
  let s = classWeight(el);
  if (el.tag === 'article') s += 10;
  if (el.attrs['itemprop'] === 'articleBody') s += 30;
  if (el.tag === 'main' || el.attrs['role'] === 'main') s += 5;
  if (el.tag === 'div') s += 5;
  return s;
}

/** Collects elements that own paragraph text, adding their scores to ancestors. */
function scoreParagraphs(el: El, candidates: Set<El>): void {
  for (const child of el.children) {
    if (typeof child === 'string' || child.removed) continue;
    scoreParagraphs(child, candidates);
  }
  if (el.inline < MIN_PARAGRAPH_CHARS || el.parent === null) return;
  if (!PARAGRAPH_TAGS.has(el.tag) && el.tag !== 'div' && el.tag !== 'section' && el.tag !== 'span') return;
  if (el.link > el.text * 0.5) return;
  // Length counts without a cap: a few long paragraphs outweigh many short teaser lines.
  const score = 1 + el.commas / 2 + el.inline / 50;
  let level = 0;
  // A container with its own text (a div of text and line breaks) is a candidate itself.
  const first = PARAGRAPH_TAGS.has(el.tag) ? el.parent : el;
  for (let a: El | null = first; a !== null && level < 5; a = a.parent) {
    if (NOT_CONTAINERS.has(a.tag)) continue;
    if (!candidates.has(a)) {
      candidates.add(a);
      a.score = initialScore(a);
    }
    a.score += level === 0 ? score : level === 1 ? score / 2 : score / (level * 3);
    level++;
  }
}

/** The article: the best-scoring container (grown over its lead and parts) and its sibling blocks; the whole body when no paragraph scores. */
export function pickContent(body: El): El[] {
  const candidates = new Set<El>();
  scoreParagraphs(body, candidates);
  let best: El | null = null;
  for (const c of candidates) {
    c.score *= 1 - linkDensity(c);
    if (best === null || c.score > best.score) best = c;
  }
  if (best === null) return [body];
  best = expand(climb(best, candidates));
  return withSiblings(best);
}

/** Moves up to an ancestor when other strong candidates sit under it too (article split in parts). */
function climb(best: El, candidates: Set<El>): El {
  const strong = [...candidates].filter((c) => c !== best && c.score >= best.score * 0.75);
  if (strong.length === 0) return best;
  for (let a = best.parent; a !== null; a = a.parent) {
    let inside = 0;
    for (const c of strong) {
      for (let p: El | null = c; p !== null; p = p.parent) {
        if (p === a) {
          inside++;
          break;
        }
      }
    }
    if (inside >= Math.min(2, strong.length) && a.tag !== 'body') return a;
    if (a.text > best.text * 3) break;
  }
  return best;
}

/** A sibling with this much text, few links and paragraphs of its own continues the article. */
const SIBLING_MIN_CHARS = 150;
const SIBLING_MAX_LINK_DENSITY = 0.2;

function hasParagraphs(el: El): boolean {
  if (el.tag === 'p' && el.text >= MIN_PARAGRAPH_CHARS) return true;
  for (const child of el.children) if (typeof child !== 'string' && !child.removed && hasParagraphs(child)) return true;
  return false;
}

/** Most levels the container grows by to take in the article's lead and other parts. */
const EXPAND_LEVELS = 2;
/** Link density above which text a parent adds is furniture, not more article. */
const EXPAND_MAX_ADDED_LINK_DENSITY = 0.1;
/** Most text a parent may add, as a multiple of the container's text. */
const EXPAND_MAX_GROWTH = 1;

/** Text a parent may add and still count as a bare wrapper. */
const WRAPPER_MAX_ADDED_CHARS = 30;

/** Grows the container to its parent when what the parent adds reads like article text (lead, other parts). */
function expand(best: El): El {
  let el = best;
  let levels = 0;
  while (levels < EXPAND_LEVELS) {
    const parent = el.parent;
    if (parent === null || parent.parent === null) break;
    const added = parent.text - el.text;
    if (added > el.text * EXPAND_MAX_GROWTH || parent.link - el.link > added * EXPAND_MAX_ADDED_LINK_DENSITY) break;
    if (parent.cls !== '' && NEGATIVE.test(parent.cls)) break;
    // A bare wrapper (no text of its own) does not count as a level.
    if (added > WRAPPER_MAX_ADDED_CHARS) levels++;
    el = parent;
  }
  return el;
}

const SENTENCE_END = /[.!?:"“”»«)]\s*$/u;

function ownText(el: El): string {
  let s = '';
  for (const child of el.children) {
    if (typeof child === 'string') s += child;
    else if (!child.removed) s += ownText(child);
  }
  return s.replace(SPACE_RUN, ' ').trim();
}

/** The container plus siblings that continue the article. */
function withSiblings(best: El): El[] {
  const parent = best.parent;
  if (parent === null) return [best];
  const threshold = Math.max(10, best.score * 0.2);
  const out: El[] = [];
  for (const child of parent.children) {
    if (typeof child === 'string' || child.removed) continue;
    if (child === best) {
      out.push(child);
      continue;
    }
    const density = linkDensity(child);
    let keep = child.score >= threshold && (child.cls === '' || !NEGATIVE.test(child.cls));
    if (!keep && child.text >= SIBLING_MIN_CHARS && density < SIBLING_MAX_LINK_DENSITY && hasParagraphs(child)
      && (child.cls === '' || !NEGATIVE.test(child.cls))) keep = true;
    if (!keep && child.tag === 'p') {
      if (child.text >= 80 && density < 0.25) keep = true;
      else if (child.text > 0 && child.text < 80 && density === 0 && SENTENCE_END.test(ownText(child))) keep = true;
    }
    if (keep) out.push(child);
  }
  return out;
}
