/**
 * The digest pipeline, top to bottom:
 * extract (HTML or plain text) → detect language → split sentences →
 * summary, key figures, risks → teaser/paywall warnings.
 * Pure: strings in, a Digest out; no I/O, no clock.
 */
import { analyseArticle } from './analyse.ts';
import { extractFromHtml } from './extract/html.ts';
import { extractFromText } from './extract/text.ts';
import { extractFigures } from './figures/index.ts';
import { extractRisks } from './risks/index.ts';
import type { Digest } from './schema.ts';
import { summarize } from './summarize.ts';
import { detectTeaser } from './teaser.ts';
import type { ExtractedArticle } from './types.ts';
import { DigestError, fail, ok, type Result } from '../errors.ts';

/** What the engine digests: a page's HTML or text scraped from a page. */
export type DigestInput = { html: string; url?: string | undefined } | { text: string; url?: string | undefined };

/** A digest plus the extracted article it was made from. */
export interface DigestResult {
  digest: Digest;
  article: ExtractedArticle;
}

/** Most figures and risks a digest lists. */
export const MAX_FIGURES = 15;
export const MAX_RISKS = 8;

/**
 * Digests one article.
 * @throws DigestError `extract/no-content` when no article text is found.
 */
export function digestArticle(input: DigestInput): DigestResult {
  const extracted = 'html' in input
    ? extractFromHtml(input.html, input.url === undefined ? {} : { url: input.url })
    : extractFromText(input.text);
  if (extracted.paragraphs.length === 0) {
    throw new DigestError('extract/no-content', 'no article text found on the page');
  }
  const { article, warnings } = analyseArticle(extracted);
  const teaserWarnings = detectTeaser(extracted, article);
  const digest: Digest = {
    title: extracted.title,
    language: article.language,
    published: extracted.published,
    url: extracted.url ?? input.url ?? null,
    summary: summarize(article),
    figures: extractFigures(article).slice(0, MAX_FIGURES),
    risks: extractRisks(article).slice(0, MAX_RISKS),
    warnings: [...warnings, ...teaserWarnings],
  };
  return { digest, article: extracted };
}

/** The extracted article body: paragraphs separated by a blank line. */
export function articleText(article: ExtractedArticle): string {
  return article.paragraphs.join('\n\n');
}

/** {@link digestArticle} for callers that handle many items: failures come back as values. */
export function tryDigestArticle(input: DigestInput): Result<DigestResult> {
  try {
    return ok(digestArticle(input));
  } catch (err) {
    if (err instanceof DigestError) return fail(err);
    throw err;
  }
}
