/** Internal shapes passed between the engine's stages. */

/** Languages with their own rules; anything else is processed with English rules. */
export type RuleLanguage = 'de' | 'en';

/** What extraction makes of a page (HTML) or of scraped plain text. */
export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  /** ISO 8601 date or date-time, when the page states one. */
  published: string | null;
  /** Language the page declares (`<html lang>`, meta), lower-case primary subtag, if any. */
  declaredLanguage: string | null;
  /** Canonical URL when the page states one. */
  url: string | null;
  /** Main text blocks in reading order: paragraphs, list items and sub-headings. */
  paragraphs: string[];
  /** Which paragraphs are sub-headings (indexes into `paragraphs`). */
  headings: number[];
  /** Short standfirst/description the page gives (meta description), if any. */
  description: string | null;
  /** Evidence that the page is only a teaser or behind a paywall (e.g. paywall markup seen). */
  paywallHints: string[];
}

/** A sentence with its place in the article. */
export interface Sentence {
  /** Verbatim text, trimmed. */
  text: string;
  /** Index of the paragraph it belongs to. */
  paragraph: number;
  /** Position among all sentences of the article (0-based). */
  index: number;
  /** Whether its paragraph is a sub-heading. */
  heading: boolean;
}

/** The analysed article every later stage reads. */
export interface AnalysedArticle {
  title: string | null;
  language: string;
  rules: RuleLanguage;
  paragraphs: string[];
  sentences: Sentence[];
}
