/**
 * The keys by which an already-seen feed item is recognised: its canonical URL, its GUID and a hash of its
 * normalised title and text. Any one matching means "seen", so a feed that rewrites timestamps, adds tracking
 * parameters or republishes an item under a new GUID does not cause a repeat.
 */
import { createHash } from 'node:crypto';
import { tryCanonicalUrl } from './canonical-url.ts';
import type { FeedItem } from './feed-types.ts';
import { htmlToText } from './html-text.ts';

/** The dedup keys of one item. */
export interface ItemKeys {
  /** {@link canonicalUrl} of the item's URL; null when it has none. */
  canonicalUrl: string | null;
  /** The trimmed GUID; null when the feed gives none. */
  guid: string | null;
  /** {@link contentHash} of title and text (summary, else the content's plain text). */
  contentHash: string;
}

/** http(s) URLs written inside text; their tracking parameters must not change the hash. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'»«”“]+/giu;

/** Text normalised for hashing: NFC, lower case, URLs canonicalised, whitespace collapsed. Digits are kept. */
export function normalizeForHash(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(URL_IN_TEXT, (url) => tryCanonicalUrl(url.replace(/[.,;:!?)\]]+$/u, '')) ?? url)
    .replace(/[\s\u00a0]+/gu, ' ')
    .trim();
}

/**
 * SHA-256 (hex) over the normalised title and text. Equal for the same words whatever their case, spacing,
 * Unicode composition or tracking parameters in embedded URLs; different as soon as a word or a digit differs.
 */
export function contentHash(title: string | null, text: string | null): string {
  const normalized = `${normalizeForHash(title ?? '')}\n${normalizeForHash(text ?? '')}`;
  return createHash('sha256').update(normalized, 'utf8').digest('hex');
}

/** The keys used to recognise an already-seen item. */
export function itemKeys(item: FeedItem): ItemKeys {
  const guid = item.guid?.trim() ?? '';
  return {
    canonicalUrl: item.url === null ? null : tryCanonicalUrl(item.url),
    guid: guid === '' ? null : guid,
    contentHash: contentHash(item.title, item.summary ?? htmlToText(item.contentHtml)),
  };
}
