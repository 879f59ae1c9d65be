/**
 * The `ArticleDigester` port: turns an article's bytes into a digest. The engine is pure and synchronous;
 * where it runs is this port's choice. In-process (the default: tests, the CLI) it blocks the event loop for
 * as long as the article takes; the worker-thread pool (`digester/worker-pool.ts`, what the bot runs) keeps
 * the loop free for heartbeats and acks and gives each article a time budget.
 */
import { z } from 'zod';
import { digestArticle } from '../engine/digest.ts';
import { prepareInput } from '../engine/input.ts';
import type { Digest } from '../engine/schema.ts';

/** Bytes to digest, with what is needed to decode and name them. */
export interface Material {
  bytes: Uint8Array;
  /** The HTTP Content-Type (charset hint), or null. */
  contentType: string | null;
  /** Where the article lives (resolves relative links), when known. */
  url: string | undefined;
  /** How the article is named in errors (a URL, a file or feed item title). */
  name: string;
}

/**
 * The article's text as the engine split it into sentences (a sentence's id is its position), with the
 * language rules it was read with: what a model-written summary cites and is checked against, later,
 * without the article's bytes. Kept in the digest cache entry beside the digest.
 */
export const articleTextSchema = z.object({
  rules: z.enum(['de', 'en']),
  sentences: z.array(z.string()),
});
export type ArticleText = z.infer<typeof articleTextSchema>;

/** What a digester makes of an article: its digest and its sentence split. */
export interface DigestedMaterial {
  digest: Digest;
  text: ArticleText;
}

/** Digests articles. Failures reject with a DigestError (the engine's own, or the digester's: `extract/timeout`, `digest/busy`, `digest/worker-crashed`, `digest/worker-unavailable`). */
export interface ArticleDigester {
  digest(material: Material): Promise<DigestedMaterial>;
  /** Frees what the digester holds (worker threads); later calls to `digest` reject. */
  close(): Promise<void>;
}

/** Runs the engine on the given bytes, synchronously: what every digester does in the end. */
export function digestMaterial(material: Material): DigestedMaterial {
  const { digest, analysed } = digestArticle(prepareInput(material.bytes, material.name, material.contentType, material.url));
  return { digest, text: { rules: analysed.rules, sentences: analysed.sentences.map((s) => s.text) } };
}

/** The engine on the calling thread (today's behaviour): no time budget, blocks the event loop while it runs. */
export const inProcessDigester: ArticleDigester = {
  digest: (material) => new Promise<DigestedMaterial>((resolve) => { resolve(digestMaterial(material)); }),
  close: () => Promise.resolve(),
};
