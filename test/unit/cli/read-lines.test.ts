import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines, type LineItem } from '../../../adapters/cli/read-lines.ts';

async function collect(chunks: (string | Uint8Array)[], max?: number): Promise<LineItem[]> {
  const out: LineItem[] = [];
  for await (const item of readLines(Readable.from(chunks, { objectMode: true }), max)) out.push(item);
  return out;
}

describe('readLines', () => {
  it('given lines split across chunks with CRLF and no final newline, then each line comes out whole', async () => {
    const lines = await collect(['{"a":', '1}\r\n{"b"', ':2}\n', 'last']);
    expect(lines.map((l) => l.line)).toEqual(['{"a":1}', '{"b":2}', 'last']);
  });

  it('given a multi-byte character split between chunks, then it is decoded intact', async () => {
    const bytes = new TextEncoder().encode('Grüße\n');
    const lines = await collect([bytes.slice(0, 3), bytes.slice(3)]);
    expect(lines.map((l) => l.line)).toEqual(['Grüße']);
  });

  it('given a line over the limit, then it is reported once as too long and the next line still comes', async () => {
    const lines = await collect(['x'.repeat(30), 'y'.repeat(30), '\nok\n'], 40);
    expect(lines).toEqual([{ line: '', tooLong: true }, { line: 'ok', tooLong: false }]);
  });
});
