/**
 * The normalised shape every feed format (RSS 2.0, Atom, RDF/RSS 1.0, JSON Feed) is turned into,
 * as zod schemas: the parser validates its own output against them before returning it.
 */
import { z } from 'zod';

/** An absolute http(s) URL. */
const absoluteUrl = z.url({ protocol: /^https?$/u });

export const feedItemSchema = z.object({
  /** The item's own identifier (RSS guid, Atom id, JSON Feed id, RDF about), trimmed. */
  guid: z.string().min(1).nullable(),
  /** The article's address, absolute (resolved against xml:base and the feed link). */
  url: absoluteUrl.nullable(),
  /** Plain text (tags stripped, entities decoded). */
  title: z.string().min(1).nullable(),
  /** ISO 8601 in UTC (`2026-11-24T07:00:00.000Z`). */
  published: z.iso.datetime().nullable(),
  /** The feed's own summary or description as plain text (tags stripped, entities decoded). */
  summary: z.string().min(1).nullable(),
  /** Full content as HTML (`content:encoded`, Atom content, JSON Feed content_html; plain text escaped). */
  contentHtml: z.string().min(1).nullable(),
  /** Author names, comma-separated. */
  author: z.string().min(1).nullable(),
});
export type FeedItem = z.infer<typeof feedItemSchema>;

export const parsedFeedSchema = z.object({
  format: z.enum(['rss', 'atom', 'rdf', 'json-feed']),
  /** Plain-text feed title. */
  title: z.string().min(1).nullable(),
  /** The site the feed belongs to, absolute. */
  link: absoluteUrl.nullable(),
  /** Items in feed order. An empty feed has none (not an error). */
  items: z.array(feedItemSchema),
});
export type ParsedFeed = z.infer<typeof parsedFeedSchema>;

/** What {@link detectSourceType} recognises. */
export type SourceType = 'rss' | 'atom' | 'rdf' | 'json-feed' | 'html' | 'text' | 'unknown';

/** The source types {@link parseFeed} reads. */
export type FeedFormat = ParsedFeed['format'];
