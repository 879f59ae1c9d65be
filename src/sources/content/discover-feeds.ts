/**
 * Feed discovery: the feeds a page announces with `<link rel="alternate" type="…">` (RSS, Atom, JSON Feed).
 * Hrefs are resolved against `<base href>` (when the page has one) and the page URL, deduplicated by canonical
 * URL, and ordered RSS/Atom first, JSON Feed after, comment feeds last within each group.
 */
import { parseHtml } from '../../engine/extract/html/bounded-parser.ts';
import { parseHttpUrl, tryCanonicalUrl } from './canonical-url.ts';
import { collapse } from './html-text.ts';

/** A feed a page links to. */
export interface DiscoveredFeed {
  /** Absolute feed URL. */
  url: string;
  type: 'rss' | 'atom' | 'json-feed';
  /** The link's `title` attribute, whitespace collapsed. */
  title: string | null;
}

const FEED_TYPES: Readonly<Record<string, DiscoveredFeed['type']>> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json-feed',
  'application/json': 'json-feed',
};

/** Titles of feeds that carry comments rather than articles. */
const COMMENT_FEED = /\b(?:comments?|kommentare?)\b/iu;

function rank(feed: DiscoveredFeed): number {
  return (feed.type === 'json-feed' ? 2 : 0) + (feed.title !== null && COMMENT_FEED.test(feed.title) ? 1 : 0);
}

/** The feeds `html` (served from `baseUrl`) announces, best first. */
export function discoverFeeds(html: string, baseUrl: string): DiscoveredFeed[] {
  let base = baseUrl;
  const found: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  parseHtml(
    html,
    {
      onopentag(name, attrs) {
        if (name === 'base' && attrs['href'] !== undefined) {
          const resolved = parseHttpUrl(attrs['href'], baseUrl);
          if (resolved !== null) base = resolved.href;
          return;
        }
        if (name !== 'link' && name !== 'a') return;
        const rels = (attrs['rel'] ?? '').toLowerCase().split(/\s+/u);
        const mediaType = (attrs['type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        const type = FEED_TYPES[mediaType];
        if (!rels.includes('alternate') || type === undefined || (attrs['href'] ?? '').trim() === '') return;
        const url = parseHttpUrl(attrs['href'] ?? '', base);
        const key = url === null ? null : tryCanonicalUrl(url.href);
        if (url === null || key === null || seen.has(key)) return;
        seen.add(key);
        found.push({ url: url.href, type, title: collapse(attrs['title'] ?? '') });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  return found
    .map((feed, index) => ({ feed, index }))
    .sort((a, b) => rank(a.feed) - rank(b.feed) || a.index - b.index)
    .map(({ feed }) => feed);
}
