/**
 * The LLM summary of one fetched or read article (bytes as the engine takes
 * them): the engine digests it (extractive summary, figures, risks stay
 * extractive), its sentence split gives the ids the model cites, and the
 * content hash keys the cache. A feed article digested earlier (on a worker
 * thread, bytes gone) takes the same path from its digest and the sentence
 * split kept in the digest cache ({@link summarizeDigested}).
 */
import { createHash } from 'node:crypto';
import { analyseArticle } from '../engine/analyse.ts';
import { digestArticle, type DigestInput } from '../engine/digest.ts';
import { prepareInput } from '../engine/input.ts';
import type { Digest } from '../engine/schema.ts';
import type { RuleLanguage } from '../engine/types.ts';
import type { LlmSummarizer, LlmSummary, SummaryLanguage } from './summarize-llm.ts';

export interface ArticleBytes {
  bytes: Uint8Array;
  contentType: string | null;
  url: string | undefined;
}

/** The digest of the article with the summary the summarizer decided on. */
export interface SummarizedArticle {
  digest: Digest;
  summary: LlmSummary;
}

/** Digests the article (page or text) and asks for its LLM summary in `language` (extractive when the model's fails). */
export async function summarizeInput(llm: LlmSummarizer, input: DigestInput, workspaceId: string, language: SummaryLanguage): Promise<SummarizedArticle> {
  const { digest, article: extracted } = digestArticle(input);
  const { article } = analyseArticle(extracted);
  const contentHash = createHash('sha256').update('html' in input ? input.html : input.text).digest('hex');
  const summary = await llm.summarize({ workspaceId, contentHash, article, extractive: digest.summary, language });
  return { digest, summary };
}

/** An article digested earlier: its digest, the sentence split it was made from, and the hash of its bytes (the digest cache key). */
export interface DigestedArticle {
  digest: Digest;
  text: { rules: RuleLanguage; sentences: readonly string[] };
  contentHash: string;
}

/** The LLM summary of an article digested earlier, from its kept sentence split (extractive when the model's fails). */
export function summarizeDigested(llm: LlmSummarizer, digested: DigestedArticle, workspaceId: string, language: SummaryLanguage): Promise<LlmSummary> {
  const { digest, text, contentHash } = digested;
  const article = { title: digest.title, language: digest.language, rules: text.rules, sentences: text.sentences.map((t) => ({ text: t })) };
  return llm.summarize({ workspaceId, contentHash, article, extractive: digest.summary, language });
}

/** {@link summarizeInput} for bytes as fetched or read from a folder. */
export function summarizeMaterial(llm: LlmSummarizer, material: ArticleBytes, workspaceId: string, language: SummaryLanguage): Promise<SummarizedArticle> {
  return summarizeInput(llm, prepareInput(material.bytes, material.url ?? 'article', material.contentType, material.url), workspaceId, language);
}

/** The heading of a summary section, marking model-written text as such. */
export function summaryHeading(summary: LlmSummary | null, de: boolean): string {
  if (summary?.kind !== 'llm') return de ? 'Zusammenfassung' : 'Summary';
  return de ? 'Zusammenfassung (KI-generiert, gegen den Artikel geprüft)' : 'Summary (model-written, checked against the article)';
}
