/**
 * `digest --jsonl`: one JSON object per input line in, one per output line,
 * in input order. Lines are read and written as a stream with a small window
 * of items in flight (URL fetches overlap), so memory stays constant.
 */
import {
  articleText, batchInputSchema, fetchDocument, prepareInput, toDigestError, tryDigestArticle,
  type DigestInput, type HttpClient,
} from '../../src/index.ts';
import { writeLine } from './io.ts';
import { readLines } from './read-lines.ts';

/** Options for a batch run. */
export interface BatchOptions {
  withText: boolean;
  /** Items processed at once (only URL fetches overlap). @defaultValue 4 */
  window?: number;
  http: HttpClient;
}

interface LineOutcome {
  json: string;
  failed: boolean;
}

function failure(id: string, error: string): LineOutcome {
  return { json: JSON.stringify({ id, error }), failed: true };
}

function parseLine(line: string, lineNo: number): { id: string; item?: ReturnType<typeof batchInputSchema.parse>; error?: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { id: '', error: `line ${lineNo}: not valid JSON` };
  }
  const rawId = typeof raw === 'object' && raw !== null && 'id' in raw ? String((raw as { id: unknown }).id) : '';
  const parsed = batchInputSchema.safeParse(raw);
  if (!parsed.success) {
    return { id: rawId, error: `line ${lineNo}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}` };
  }
  return { id: parsed.data.id, item: parsed.data };
}

async function processLine(line: string, lineNo: number, options: BatchOptions): Promise<LineOutcome> {
  const { id, item, error } = parseLine(line, lineNo);
  if (item === undefined) return failure(id, error ?? 'invalid line');
  try {
    let input: DigestInput;
    if (item.html !== undefined) input = { html: item.html, url: item.url };
    else if (item.text !== undefined) input = { text: item.text, url: item.url };
    else {
      const page = await fetchDocument(options.http, item.url ?? '');
      input = prepareInput(page.bytes, page.url, page.contentType, page.url);
    }
    const result = tryDigestArticle(input);
    if (!result.ok) return failure(id, result.error.message);
    const { digest, article } = result.value;
    const out = options.withText ? { id, ...digest, text: articleText(article) } : { id, ...digest };
    return { json: JSON.stringify(out), failed: false };
  } catch (err) {
    return failure(id, toDigestError(err).message);
  }
}

/** Runs the batch; resolves with the number of lines that failed. */
export async function runBatch(stdin: NodeJS.ReadableStream, stdout: NodeJS.WritableStream, options: BatchOptions): Promise<number> {
  const window = Math.max(1, options.window ?? 4);
  const pending: Promise<LineOutcome>[] = [];
  let failed = 0;
  let lineNo = 0;
  const flushOne = async (): Promise<void> => {
    const next = pending.shift();
    if (next === undefined) return;
    const outcome = await next;
    if (outcome.failed) failed++;
    await writeLine(stdout, outcome.json);
  };
  for await (const item of readLines(stdin)) {
    lineNo++;
    if (item.tooLong) {
      pending.push(Promise.resolve(failure('', `line ${lineNo}: longer than the line limit`)));
    } else if (item.line.trim() === '') {
      continue;
    } else {
      pending.push(processLine(item.line, lineNo, options));
    }
    if (pending.length >= window) await flushOne();
  }
  while (pending.length > 0) await flushOne();
  return failed;
}
