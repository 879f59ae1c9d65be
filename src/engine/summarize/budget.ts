/**
 * Word budgets of summaries: the summary of `/summarize` and the JSON output
 * ({@link SUMMARY_WORDS}) and the shorter one of a digest entry
 * ({@link ENTRY_SUMMARY_WORDS}). Both are picked by the summarizer within
 * their budget; a digest definition with a budget of its own gets one of the
 * two, cut down without cutting a sentence ({@link entrySummary}).
 */
import { countWords } from '../text/words.ts';

/** Word budget of a summary (`/summarize`, the JSON output). */
export const SUMMARY_WORDS = 75;
/** Word budget of a digest entry's summary, unless its definition says otherwise. */
export const ENTRY_SUMMARY_WORDS = 45;

/** Words in a summary, as its budget counts them ({@link countWords}). */
export function summaryWords(summary: readonly string[]): number {
  let n = 0;
  for (const s of summary) n += countWords(s);
  return n;
}

/**
 * A summary cut down to `maxWords` without cutting a sentence: its sentences in order, each kept when it
 * still fits (the earlier ones first, as a news text states its point early). When none fits, the shortest
 * one alone (the earlier one on a tie).
 */
export function fitSummary(summary: readonly string[], maxWords: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const s of summary) {
    const n = countWords(s);
    if (used + n > maxWords) continue;
    kept.push(s);
    used += n;
  }
  if (kept.length > 0 || summary.length === 0) return kept;
  let best = summary[0] ?? '';
  for (const s of summary) if (countWords(s) < countWords(best)) best = s;
  return [best];
}

/**
 * A digest entry's summary within `maxWords`: the full summary when it fits; else the entry summary
 * (picked on its own within {@link ENTRY_SUMMARY_WORDS}), cut down by {@link fitSummary} when the budget is
 * smaller still. Without an entry summary (a digest made before there was one) the full summary is cut down.
 */
export function entrySummary(summary: readonly string[], entry: readonly string[] | undefined, maxWords: number): string[] {
  if (summaryWords(summary) <= maxWords) return [...summary];
  return fitSummary(entry !== undefined && entry.length > 0 ? entry : summary, maxWords);
}
