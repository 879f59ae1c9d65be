import type { ExtractedArticle } from '../types.ts';

/** Placeholder: replaced by line-evidence furniture removal. */
export function extractFromText(text: string): ExtractedArticle {
  const paragraphs = text.split(/\n\s*\n/u).map((s) => s.replace(/\s+/gu, ' ').trim()).filter((s) => s.length > 0);
  return {
    title: null, byline: null, published: null, declaredLanguage: null, url: null,
    paragraphs, headings: [], description: null, paywallHints: [],
  };
}
