/**
 * Digest definitions: which sources, when, where to, in which label language.
 * Stored as JSON files in digests/ and validated here at load.
 */
import cron from 'node-cron';
import { z } from 'zod';
import { ENTRY_SUMMARY_WORDS, SUMMARY_WORDS } from '../engine/summarize/budget.ts';

/** A cron expression node-cron accepts (five or six fields; names like MON allowed). */
export function isPlausibleCron(expr: string): boolean {
  return expr.trim().split(/\s+/u).length >= 5 && cron.validate(expr);
}

/** Whether `tz` is an IANA time zone this runtime knows. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const sourceDefinitionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('folder'),
    name: z.string().min(1),
    /** Folder of article files (.html, .txt), relative to the definition file. */
    path: z.string().min(1),
  }),
  z.object({
    type: z.literal('url'),
    name: z.string().min(1),
    /** A feed (RSS, Atom, JSON Feed) or a web page (article or listing); the type is detected from the content. */
    url: z.url({ protocol: /^https?$/u }),
  }),
  z.object({
    /** Every source added from chat in the digest's workspace. */
    type: z.literal('workspace'),
  }),
]);
export type SourceDefinition = z.infer<typeof sourceDefinitionSchema>;

export const scheduleSchema = z.object({
  cron: z.string().refine(isPlausibleCron, 'not a valid cron expression'),
  timezone: z.string().refine(isTimeZone, 'not an IANA time zone'),
});
export type Schedule = z.infer<typeof scheduleSchema>;

const keyword = z.string().trim().min(1).max(100);

export const digestDefinitionSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/u, 'lower-case letters, digits and dashes').max(64),
  title: z.string().min(1).max(200),
  /** Workspace the digest belongs to: `console:local`, `discord:<guild>`, `slack:<team>`. */
  workspace: z.string().regex(/^(console|discord|slack):\S+$/u).default('console:local'),
  /** Language of labels in the posted digest. */
  language: z.enum(['de', 'en']).default('en'),
  sources: z.array(sourceDefinitionSchema).min(1),
  /** Only articles mentioning one of these words (title, summary, figures, risks), as whole words (src/search/word-match.ts). Empty: all. */
  include: z.array(keyword).max(50).default([]),
  /** No articles mentioning any of these words. */
  exclude: z.array(keyword).max(50).default([]),
  schedule: scheduleSchema.optional(),
  /** Target channels, as `platform:channel` (e.g. `console:main`, `discord:1234`). */
  channels: z.array(z.string().regex(/^(console|discord|slack):\S+$/u)).default(['console:main']),
  maxArticles: z.number().int().min(1).max(50).default(10),
  /**
   * Most entries from one source, so a busy feed cannot crowd out the others; what it cuts is reported as
   * "and N more from <source>" with the source's link. @defaultValue a fair share: `maxArticles` divided by the
   * number of sources with new articles, rounded up, at least 2
   */
  maxPerSource: z.number().int().min(1).max(50).optional(),
  lookbackHours: z.number().positive().max(24 * 30).default(24),
  /** Attach a PNG chart of the entries' percent changes (green up, red down) to the posted digest. */
  chart: z.boolean().default(false),
  /**
   * Most words in each entry's summary (whole sentences only). Up to the engine's summary budget (75), which
   * is what an entry holds at most.
   */
  summaryWords: z.number().int().min(10).max(SUMMARY_WORDS).default(ENTRY_SUMMARY_WORDS),
  /**
   * A bundled sample digest (digests/sample.json): shown until the workspace's first own source is added,
   * labelled as samples, and then hidden everywhere (`/digest`, `/figures`, `/risks`, schedules).
   */
  sample: z.boolean().default(false),
  /** `llm`: model-written summaries checked against the article (needs LLM_BASE_URL; else extractive). */
  summary: z.enum(['extractive', 'llm']).default('extractive'),
  /** Language of model-written summaries: `de`, `en`, or each article's own. */
  summaryLanguage: z.enum(['de', 'en', 'article']).default('article'),
});
export type DigestDefinition = z.infer<typeof digestDefinitionSchema>;
