import type { ExtractedArticle } from '../types.ts';

/** Options for HTML extraction. */
export interface HtmlExtractOptions {
  /** The page's URL, used to resolve the canonical URL. @defaultValue undefined */
  url?: string;
}

/** Placeholder: replaced by the scoring extractor. */
export function extractFromHtml(html: string, options: HtmlExtractOptions = {}): ExtractedArticle {
  const body = html.replace(/<(script|style)[^]*?<\/\1>/giu, ' ').replace(/<[^>]+>/gu, '\n');
  const paragraphs = body.split(/\n+/u).map((s) => s.trim()).filter((s) => s.length > 0);
  return {
    title: null, byline: null, published: null, declaredLanguage: null, url: options.url ?? null,
    paragraphs, headings: [], description: null, paywallHints: [],
  };
}
