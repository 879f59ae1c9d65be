/**
 * Listing pages (section fronts, blog indexes): which of their links lead to articles, and whether a page is a
 * listing at all or one long article.
 *
 * A link counts as an article link when all of these hold:
 * - it is an http(s) link on the same site (same registrable domain; subdomains count), not the page itself;
 * - it is not inside navigation furniture: `<nav>`, `<footer>`, `<form>`, a `<header>` outside an `<article>`,
 *   ARIA navigation/contentinfo/search/menu roles, or an element whose class/id has a word like nav, menu,
 *   footer, breadcrumb, pagination, share, social, tags, meta, cookie;
 * - its `rel` is not tag, author, prev, next or sponsored;
 * - its path has no furniture segment (tag, thema, category, author, login, search, page, impressum, …), no
 *   file extension of an image, PDF, media or data file, and no search or pagination query (`?page=2`, `?s=`);
 * - its path looks like an article: a last segment with a hyphen, underscore or digit (`/lokales/neue-bruecke`,
 *   `/artikel/12345`), or at least two segments where an earlier one holds digits (`/2026/11/flut`) or the last
 *   is a long word or a page file (`.html`). Bare section paths (`/politik/inland`) and all-digit date archives
 *   (`/2026/11`) do not count.
 */
import { parseHtml } from '../../engine/extract/html/bounded-parser.ts';
import { isSameSite, parseHttpUrl, tryCanonicalUrl } from './canonical-url.ts';

/** Options for {@link extractArticleLinks}. */
export interface ArticleLinkOptions {
  /** Most links returned. @defaultValue 50 */
  limit?: number;
}

export const DEFAULT_ARTICLE_LINK_LIMIT = 50;

const EXCLUDED_TAGS = new Set(['nav', 'footer', 'form', 'menu', 'dialog', 'select', 'button']);
const EXCLUDED_ROLES = new Set(['navigation', 'contentinfo', 'search', 'menu', 'menubar', 'tablist', 'dialog']);
const HIDDEN_TAGS = new Set(['script', 'style', 'template', 'noscript', 'svg']);
const EXCLUDED_CLASS_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'subnav', 'menu', 'menue', 'footer', 'breadcrumb', 'breadcrumbs', 'pagination', 'pager',
  'paging', 'share', 'sharing', 'social', 'socials', 'tags', 'tagcloud', 'meta', 'cookie', 'cookies', 'consent', 'skip',
  'login', 'topbar', 'sitemap',
]);
const EXCLUDED_RELS = new Set(['tag', 'author', 'prev', 'next', 'sponsored', 'search', 'license', 'help']);
const EXCLUDED_SEGMENTS = new Set([
  'tag', 'tags', 'thema', 'themen', 'schlagwort', 'schlagworte', 'stichwort', 'topic', 'topics', 'category',
  'categories', 'kategorie', 'kategorien', 'rubrik', 'ressort', 'author', 'authors', 'autor', 'autoren', 'autorin',
  'profil', 'profile', 'user', 'users', 'login', 'logout', 'signin', 'sign-in', 'signup', 'sign-up', 'register',
  'registrieren', 'registrierung', 'anmelden', 'abmelden', 'account', 'konto', 'search', 'suche', 'page', 'seite',
  'feed', 'rss', 'atom', 'impressum', 'imprint', 'datenschutz', 'privacy', 'kontakt', 'contact', 'agb', 'terms',
  'about', 'ueber-uns', 'newsletter', 'share', 'teilen', 'abo', 'subscribe', 'shop', 'cart', 'warenkorb', 'hilfe',
  'help', 'faq', 'jobs', 'karriere', 'mediadaten', 'wp-admin', 'wp-login', 'cdn-cgi', 'print', 'drucken',
]);
const EXCLUDED_QUERY = new Set(['page', 'paged', 's', 'q', 'query', 'search', 'suche', 'replytocom', 'share', 'print', 'login', 'action']);
const FILE_EXTENSION = /\.(?:jpe?g|png|gif|webp|avif|svg|ico|bmp|tiff?|pdf|zip|gz|rar|7z|mp3|mp4|m4a|wav|ogg|webm|mov|avi|xml|rss|atom|json|css|js|docx?|xlsx?|pptx?|odt|ics|vcf|epub|exe|dmg|apk)$/iu;
const PAGE_EXTENSION = /\.(?:s?html?|php|aspx?|jsp)$/iu;
const PAGINATION_SEGMENT = /^(?:page|seite)[-_]?\d+$/iu;
const NON_HTTP = /^(?:mailto|javascript|tel|sms|data|ftp|file|whatsapp|fb-messenger):/iu;

/** Whether an element shuts its links out of the article links. */
function isExcludedContainer(name: string, attrs: Record<string, string>, inArticle: boolean): boolean {
  if (EXCLUDED_TAGS.has(name) || (name === 'header' && !inArticle)) return true;
  const role = (attrs['role'] ?? '').toLowerCase();
  if (EXCLUDED_ROLES.has(role) || (role === 'banner' && !inArticle)) return true;
  if (attrs['aria-hidden'] === 'true') return true;
  const words = `${attrs['class'] ?? ''} ${attrs['id'] ?? ''}`.toLowerCase().split(/[\s_-]+/u);
  return words.some((word) => EXCLUDED_CLASS_WORDS.has(word));
}

/** Whether a same-site URL's path and query look like an article (see the module comment). */
export function looksLikeArticleUrl(url: URL): boolean {
  const segments = url.pathname.split('/').filter((s) => s !== '');
  const last = segments[segments.length - 1];
  if (last === undefined || FILE_EXTENSION.test(last)) return false;
  const words = segments.map((s) => decodeURIComponentSafe(s).toLowerCase().replace(PAGE_EXTENSION, ''));
  if (words.some((w) => EXCLUDED_SEGMENTS.has(w) || PAGINATION_SEGMENT.test(w))) return false;
  if ([...url.searchParams.keys()].some((k) => EXCLUDED_QUERY.has(k.toLowerCase()))) return false;
  if (words.every((w) => /^\d+$/u.test(w))) return false;
  const slug = words[words.length - 1] ?? '';
  if (/[-_]/u.test(slug) && /\p{L}{2}/u.test(slug)) return true;
  if (/\d/u.test(slug) && slug.length >= 3) return true;
  if (segments.length < 2) return false;
  return words.slice(0, -1).some((w) => /\d/u.test(w)) || slug.length > 12 || PAGE_EXTENSION.test(last);
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

interface Frame {
  tag: string;
  excluded: boolean;
  inArticle: boolean;
  /** Characters of paragraph text (outside links) in `<p>` children of this element. */
  prose: number;
}

/** What one pass over a page finds. */
interface LinkScan {
  /** Article links in page order, deduplicated by canonical URL (fragment dropped), uncapped. */
  links: string[];
  /** The most paragraph text (outside links) any single element holds in its `<p>` children. */
  maxProse: number;
}

function scanPage(html: string, pageUrl: string | null): LinkScan {
  let base = pageUrl === null ? null : parseHttpUrl(pageUrl);
  const pageKey = base === null ? null : tryCanonicalUrl(base.href);
  const stack: Frame[] = [{ tag: '#root', excluded: false, inArticle: false, prose: 0 }];
  const links: string[] = [];
  const seen = new Set<string>();
  let hidden = 0;
  let linkDepth = 0;
  let paragraph: number | null = null;
  let maxProse = 0;

  const considerLink = (href: string, rel: string): void => {
    if (base === null || href === '' || href.startsWith('#') || NON_HTTP.test(href)) return;
    if (rel.split(/\s+/u).some((r) => EXCLUDED_RELS.has(r))) return;
    const url = parseHttpUrl(href, base.href);
    if (url === null || !isSameSite(url.hostname, base.hostname) || !looksLikeArticleUrl(url)) return;
    url.hash = '';
    const key = tryCanonicalUrl(url.href);
    if (key === null || key === pageKey || seen.has(key)) return;
    seen.add(key);
    links.push(url.href);
  };

  parseHtml(
    html,
    {
      onopentag(name, attrs) {
        const parent = stack[stack.length - 1] ?? stack[0];
        const inArticle = (parent?.inArticle ?? false) || name === 'article' || attrs['role'] === 'article';
        const excluded = (parent?.excluded ?? false) || isExcludedContainer(name, attrs, inArticle);
        stack.push({ tag: name, excluded, inArticle, prose: 0 });
        if (HIDDEN_TAGS.has(name)) hidden++;
        if (name === 'p') paragraph = 0;
        if (name === 'base' && attrs['href'] !== undefined && base !== null) base = parseHttpUrl(attrs['href'], base.href) ?? base;
        if (name !== 'a') return;
        linkDepth++;
        if (!excluded && hidden === 0) considerLink((attrs['href'] ?? '').trim(), (attrs['rel'] ?? '').toLowerCase());
      },
      ontext(text) {
        if (hidden === 0 && linkDepth === 0 && paragraph !== null) paragraph += text.replace(/\s+/gu, ' ').length;
      },
      onclosetag(name) {
        let index = stack.length - 1;
        while (index > 0 && stack[index]?.tag !== name) index--;
        if (index === 0) return;
        stack.length = index;
        if (HIDDEN_TAGS.has(name)) hidden = Math.max(0, hidden - 1);
        if (name === 'a') linkDepth = Math.max(0, linkDepth - 1);
        if (name === 'p' && paragraph !== null) {
          const parent = stack[stack.length - 1];
          if (parent !== undefined) {
            parent.prose += paragraph;
            maxProse = Math.max(maxProse, parent.prose);
          }
          paragraph = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  return { links, maxProse };
}

/**
 * The article links of a listing page, in page order, deduplicated by canonical URL (each returned as first
 * written, made absolute, fragment dropped), at most `limit`.
 */
export function extractArticleLinks(html: string, baseUrl: string, options: ArticleLinkOptions = {}): string[] {
  const limit = options.limit ?? DEFAULT_ARTICLE_LINK_LIMIT;
  return scanPage(html, baseUrl).links.slice(0, Math.max(0, limit));
}

/** At least this many article links before a page can be a listing. */
export const LISTING_MIN_LINKS = 5;
/** Paragraph text in one element from which a page reads as an article, whatever its links. */
export const ARTICLE_MIN_PROSE = 1200;

/** Where a page says it lives (`<link rel="canonical">`, `og:url`); used when no URL is passed. */
function declaredUrl(html: string): string | null {
  let found: string | null = null;
  parseHtml(html, {
    onopentag(name, attrs) {
      if (found !== null) return;
      const rel = (attrs['rel'] ?? '').toLowerCase();
      if (name === 'link' && rel.split(/\s+/u).includes('canonical')) found = parseHttpUrl(attrs['href'] ?? '')?.href ?? null;
      if (name === 'meta' && attrs['property'] === 'og:url') found = parseHttpUrl(attrs['content'] ?? '')?.href ?? null;
    },
  }, { lowerCaseTags: true, lowerCaseAttributeNames: true });
  return found;
}

/** A page URL for pages given without one: relative links then count as same-site. */
const PLACEHOLDER_URL = 'https://page.invalid/';

/**
 * Whether a page is a listing (section front, index) rather than an article. A listing has many article links
 * ({@link LISTING_MIN_LINKS} or more) and little running text: no single element holds {@link ARTICLE_MIN_PROSE}
 * characters of paragraph text outside links. An article's body is one element with many paragraphs, so it
 * stays an article even with a block of related-article links below it; a listing's teasers each sit in their
 * own small container. `baseUrl` decides which absolute links are same-site; without it, the page's canonical
 * URL is used, else only relative links count.
 */
export function looksLikeListingPage(html: string, baseUrl?: string): boolean {
  const scan = scanPage(html, baseUrl ?? declaredUrl(html) ?? PLACEHOLDER_URL);
  return scan.links.length >= LISTING_MIN_LINKS && scan.maxProse < ARTICLE_MIN_PROSE;
}
