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
import { ENTRY_SUMMARY_WORDS, SUMMARY_WORDS, summarizeAt } from './summarize.ts';
import { detectTeaser } from './teaser.ts';
import type { AnalysedArticle, ExtractedArticle } from './types.ts';
import { DigestError, fail, ok, type Result } from './errors.ts';

/** What the engine digests: a page's HTML or text scraped from a page. */
export type DigestInput = { html: string; url?: string | undefined } | { text: string; url?: string | undefined };

/** Options of the engine. */
export interface DigestOptions {
  /**
   * Most words in the summary (`/summarize`, the JSON output); sentences are never cut, fewer or shorter
   * ones are picked. @defaultValue {@link SUMMARY_WORDS} (75)
   */
  summaryWords?: number;
  /** Most words in the summary kept for digest entries (`entrySummary`). @defaultValue {@link ENTRY_SUMMARY_WORDS} (45) */
  entrySummaryWords?: number;
}

/** A digest plus the extracted article it was made from. */
export interface DigestResult {
  digest: Digest;
  article: ExtractedArticle;
  /** The analysed article (its sentence split gives the ids model-written summaries cite). */
  analysed: AnalysedArticle;
}

/** Most risks a digest lists. Figures are not capped: every figure found is listed, ranked (renderers show the top ones). */
export const MAX_RISKS = 8;

/**
 * Most article text analysed, in characters (long-reads run to about 60,000). The analysis reads about
 * 1 MB/s on a small machine, and a hostile page (5 MB of text, the default fetch cap) would otherwise block
 * the event loop for seconds; the text beyond the cap is left out, with a warning.
 */
export const MAX_ARTICLE_CHARS = 200_000;

/** `extracted` with its paragraphs cut at {@link MAX_ARTICLE_CHARS} characters, and whether anything was cut. */
function capText(extracted: ExtractedArticle): { extracted: ExtractedArticle; cut: boolean } {
  let total = 0;
  const kept: string[] = [];
  for (const paragraph of extracted.paragraphs) {
    if (total + paragraph.length > MAX_ARTICLE_CHARS) {
      const rest = paragraph.slice(0, MAX_ARTICLE_CHARS - total).replace(/[\uD800-\uDBFF]$/u, '').trim();
      if (rest !== '') kept.push(rest);
      return { extracted: { ...extracted, paragraphs: kept, headings: extracted.headings.filter((h) => h < kept.length) }, cut: true };
    }
    total += paragraph.length;
    kept.push(paragraph);
  }
  return { extracted, cut: false };
}

/**
 * Digests one article (its first {@link MAX_ARTICLE_CHARS} characters).
 * @throws DigestError `extract/no-content` when no article text is found.
 */
export function digestArticle(input: DigestInput, options: DigestOptions = {}): DigestResult {
  const { extracted, cut } = capText('html' in input
    ? extractFromHtml(input.html, input.url === undefined ? {} : { url: input.url })
    : extractFromText(input.text));
  if (extracted.paragraphs.length === 0) {
    throw new DigestError('extract/no-content', 'no article text found on the page');
  }
  const { article, warnings } = analyseArticle(extracted);
  const teaserWarnings = detectTeaser(extracted, article);
  const [summary = [], entrySummary = []] = summarizeAt(article, [
    options.summaryWords ?? SUMMARY_WORDS, options.entrySummaryWords ?? ENTRY_SUMMARY_WORDS,
  ]);
  const digest: Digest = {
    title: extracted.title,
    language: article.language,
    published: extracted.published,
    url: extracted.url ?? input.url ?? null,
    summary,
    entrySummary,
    figures: extractFigures(article),
    risks: extractRisks(article).slice(0, MAX_RISKS),
    warnings: [
      ...warnings, ...teaserWarnings,
      ...(cut ? [`length: only the first ${MAX_ARTICLE_CHARS.toLocaleString('en')} characters of the article were analysed`] : []),
    ],
  };
  return { digest, article: extracted, analysed: article };
}

/** The extracted article body: paragraphs separated by a blank line. */
export function articleText(article: ExtractedArticle): string {
  return article.paragraphs.join('\n\n');
}

/** {@link digestArticle} for callers that handle many items: failures come back as values. */
export function tryDigestArticle(input: DigestInput, options: DigestOptions = {}): Result<DigestResult> {
  try {
    return ok(digestArticle(input, options));
  } catch (err) {
    if (err instanceof DigestError) return fail(err);
    throw err;
  }
}
