/**
 * `digestbot ground --jsonl`: the grounding check on any summary, no model
 * involved. Reads `{id, source, summary}` lines (source: article text;
 * summary: a string, or an array of strings or of `{text, sources}` with
 * sentence ids) and writes `{id, sentences: [{text, supported, problems}]}`
 * per line. A summary sentence that cites no ids is checked against the
 * whole article.
 */
import { z } from 'zod';
import { groundClaims, groundText } from '../../src/index.ts';
import { writeLine } from './io.ts';
import { readLines } from './read-lines.ts';

const claimSchema = z.object({ text: z.string(), sources: z.array(z.number().int()).optional() });
const groundLineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  source: z.string(),
  summary: z.union([z.string(), z.array(z.union([z.string(), claimSchema]))]),
});

function groundLine(line: string, lineNo: number): { json: string; failed: boolean } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { json: JSON.stringify({ id: '', error: `line ${lineNo}: not valid JSON` }), failed: true };
  }
  const parsed = groundLineSchema.safeParse(raw);
  if (!parsed.success) {
    const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String((raw as { id: unknown }).id) : '';
    return { json: JSON.stringify({ id, error: `line ${lineNo}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}` }), failed: true };
  }
  const { id, source, summary } = parsed.data;
  const withIds = Array.isArray(summary) && summary.some((s) => typeof s !== 'string');
  const sentences = withIds
    ? groundClaims(source, summary.map((s) => (typeof s === 'string' ? { text: s } : s)))
    : groundText(source, summary as string | string[]);
  return {
    json: JSON.stringify({ id, sentences: sentences.map((s) => ({ text: s.text, supported: s.supported, problems: s.problems })) }),
    failed: false,
  };
}

/** Runs the check over standard input; resolves with the number of lines that failed. */
export async function runGround(stdin: NodeJS.ReadableStream, stdout: NodeJS.WritableStream): Promise<number> {
  let failed = 0;
  let lineNo = 0;
  for await (const item of readLines(stdin)) {
    lineNo++;
    if (item.tooLong) {
      failed++;
      await writeLine(stdout, JSON.stringify({ id: '', error: `line ${lineNo}: longer than the line limit` }));
      continue;
    }
    if (item.line.trim() === '') continue;
    const out = groundLine(item.line, lineNo);
    if (out.failed) failed++;
    await writeLine(stdout, out.json);
  }
  return failed;
}
