/**
 * Article extraction from a page's HTML:
 * parse into a lean tree (collecting head metadata) → drop furniture by tag,
 * role and class/id → score containers by their paragraphs and pick the
 * article with its sibling blocks → collect text blocks in reading order →
 * the JSON-LD `articleBody` instead when the markup gave much less text →
 * metadata (title, by-line, date, language, canonical URL) and paywall hints.
 */
import { collectBlocks } from './html/blocks.ts';
import { dropFurniture, measure, pickContent } from './html/content.ts';
import {
  pickByline, pickDescription, pickLanguage, pickPublished, pickUrl, readJsonLd, textsOf,
} from './html/metadata.ts';
import { jsonLdBodyInstead } from './html/json-ld-body.ts';
import { findPaywallHints } from './html/paywall.ts';
import { pickTitle } from './html/title.ts';
import { parsePage } from './html/tree.ts';
import type { ExtractedArticle } from '../types.ts';

/** Options for HTML extraction. */
export interface HtmlExtractOptions {
  /** The page's URL, used to resolve the canonical URL. @defaultValue undefined */
  url?: string;
}

/** How many `<h1>` elements are considered for the headline. */
const MAX_HEADLINES = 5;

/** Extracts the article and its metadata from a page's HTML. Never throws on malformed markup. */
export function extractFromHtml(html: string, options: HtmlExtractOptions = {}): ExtractedArticle {
  const { body, meta } = parsePage(html);
  const facts = readJsonLd(meta.jsonLd);
  const url = pickUrl(meta, options.url);
  const siteNames = [meta.meta.get('og:site_name'), meta.meta.get('application-name'), meta.meta.get('apple-mobile-web-app-title')]
    .filter((n): n is string => n !== undefined);
  const title = pickTitle({
    ogTitle: meta.meta.get('og:title') ?? meta.meta.get('twitter:title') ?? null,
    jsonLdHeadline: facts.headline,
    docTitle: meta.title === '' ? null : meta.title,
    h1s: textsOf(body, 'h1', MAX_HEADLINES),
    siteNames: [...siteNames, ...facts.siteNames],
    url: url ?? options.url ?? null,
  });
  const byline = pickByline(meta, facts, body);
  const paywallHints = findPaywallHints(body, facts.isAccessibleForFree);

  measure(body, false);
  dropFurniture(body);
  measure(body, false);
  const blocks = collectBlocks(pickContent(body));

  let paragraphs: string[] = [];
  let headings: number[] = [];
  for (const block of blocks) {
    if (paragraphs.length === 0 && block.text === title) continue;
    if (block.heading) headings.push(paragraphs.length);
    paragraphs.push(block.text);
  }
  // An app shell or teaser whose article is only in its structured data.
  const fromJsonLd = jsonLdBodyInstead(facts.articleBody, paragraphs);
  if (fromJsonLd !== null) {
    paragraphs = fromJsonLd;
    headings = [];
  }
  return {
    title,
    byline,
    published: pickPublished(meta, facts),
    declaredLanguage: pickLanguage(meta),
    url,
    paragraphs,
    headings,
    description: pickDescription(meta),
    paywallHints,
  };
}
