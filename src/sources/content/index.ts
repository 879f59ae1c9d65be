/**
 * Source content handling, pure functions over bytes and strings (no network): what a body is, feed parsing,
 * feed discovery, listing-page links, and the keys that recognise an already-seen item.
 */
export { detectSourceType } from './detect-type.ts';
export { parseFeed } from './parse-feed.ts';
export type { ParseFeedOptions } from './parse-feed.ts';
export { feedItemSchema, parsedFeedSchema } from './feed-types.ts';
export type { FeedFormat, FeedItem, ParsedFeed, SourceType } from './feed-types.ts';
export { discoverFeeds } from './discover-feeds.ts';
export type { DiscoveredFeed } from './discover-feeds.ts';
export { DEFAULT_ARTICLE_LINK_LIMIT, extractArticleLinks, looksLikeArticleUrl, looksLikeListingPage } from './article-links.ts';
export type { ArticleLinkOptions } from './article-links.ts';
export { canonicalUrl, isSameSite, isTrackingParam, registrableDomain, tryCanonicalUrl, withoutTracking } from './canonical-url.ts';
export { contentHash, itemKeys } from './item-keys.ts';
export type { ItemKeys } from './item-keys.ts';
export { feedDateToIso } from './feed-dates.ts';
export { htmlToText } from './html-text.ts';
