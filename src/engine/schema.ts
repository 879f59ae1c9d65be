import { z } from 'zod';

/** Kinds of quantity a key figure can be. */
export const figureKindSchema = z.enum(['money', 'percent', 'percentage-points', 'factor', 'count', 'quantity']);
export type FigureKind = z.infer<typeof figureKindSchema>;

export const qualifierSchema = z.enum(['about', 'more-than', 'less-than', 'at-least', 'up-to']);
export type Qualifier = z.infer<typeof qualifierSchema>;

export const directionSchema = z.enum(['up', 'down']);

/**
 * What a figure stands for beside the result reported now (no basis): an earlier period's value ('prior'),
 * analysts' expectation ('estimate'), the company's own forecast ('guidance'), or a goal or price target ('target').
 */
export const basisSchema = z.enum(['prior', 'estimate', 'guidance', 'target']);
export type Basis = z.infer<typeof basisSchema>;
export type Direction = z.infer<typeof directionSchema>;

/**
 * One key figure. `value` is the full number ("3 Mrd." → 3000000000,
 * "34 Prozent" → 34); `valueMax` is set for ranges.
 */
export const figureSchema = z.object({
  kind: figureKindSchema,
  value: z.number(),
  valueMax: z.number().optional(),
  /** ISO 4217 code, for money. */
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  /** Unit for counts and quantities ("Mitarbeiter", "km/h", "bp"). */
  unit: z.string().optional(),
  qualifier: qualifierSchema.optional(),
  direction: directionSchema.optional(),
  /** Absent for the figure reported now; see {@link basisSchema}. */
  basis: basisSchema.optional(),
  /** Period the figure refers to ("Q3", "y/y", "2026"). */
  period: z.string().optional(),
  /** Short label of what the figure measures ("Cloud-Umsatz"). */
  label: z.string(),
  /** The figure as written in the article. */
  text: z.string(),
  /** The verbatim sentence it came from. */
  sentence: z.string(),
});
export type Figure = z.infer<typeof figureSchema>;

export const riskCategorySchema = z.enum([
  'financial',
  'geopolitical-regulatory',
  'competition',
  'market-volatility',
  'execution-adoption',
  'legal',
  'operational',
  'macro',
  'other',
]);
export type RiskCategory = z.infer<typeof riskCategorySchema>;

export const riskSchema = z.object({
  category: riskCategorySchema,
  /** Short statement of the risk, taken from the sentence. */
  text: z.string(),
  /** The verbatim sentence it came from. */
  sentence: z.string(),
});
export type Risk = z.infer<typeof riskSchema>;

export const digestSchema = z.object({
  title: z.string().nullable(),
  /** ISO 639-1 code of the detected language. */
  language: z.string(),
  /** Publish date as ISO 8601 (date or date-time), when known. */
  published: z.string().nullable(),
  url: z.string().nullable(),
  /** Verbatim sentences in article order, at most 75 words in all (the engine's `summaryWords`). */
  summary: z.array(z.string()),
  /**
   * The summary for a digest entry: picked on its own within the engine's `entrySummaryWords` (45 words),
   * not cut from `summary`. Absent in digests made before it existed.
   */
  entrySummary: z.array(z.string()).optional(),
  figures: z.array(figureSchema),
  risks: z.array(riskSchema),
  warnings: z.array(z.string()),
});
export type Digest = z.infer<typeof digestSchema>;

/** One line of `digest --jsonl` input. */
export const batchInputSchema = z
  .object({
    id: z.string(),
    text: z.string().optional(),
    html: z.string().optional(),
    url: z.string().optional(),
  })
  .refine((v) => v.text !== undefined || v.html !== undefined || v.url !== undefined, {
    message: 'one of text, html or url is required',
  });
export type BatchInput = z.infer<typeof batchInputSchema>;
