/** Charset decoding of page bytes: BOM, header, in-document declaration, UTF-8 check, windows-1252 fallback. */
import { describe, expect, it } from 'vitest';
import { decodeHtml, looksBinary } from '../../../../src/engine/extract/charset.ts';

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
/** "Grüße aus Köln" in windows-1252 / ISO-8859-1 bytes. */
const LATIN1_GREETING = [...ascii('Gr'), 0xfc, 0xdf, ...ascii('e aus K'), 0xf6, ...ascii('ln')];
const UTF8_GREETING = [...new TextEncoder().encode('Grüße aus Köln')];
const page = (head: string, body: number[]): Uint8Array =>
  new Uint8Array([...ascii(`<html><head>${head}</head><body><p>`), ...body, ...ascii('</p></body></html>')]);

describe('decodeHtml', () => {
  it('given windows-1252 bytes with a meta charset, then umlauts decode', () => {
    expect(decodeHtml(page('<meta charset="windows-1252">', LATIN1_GREETING))).toContain('Grüße aus Köln');
  });

  it('given ISO-8859-1 declared by http-equiv, then it is read as windows-1252', () => {
    const bytes = page('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', [...LATIN1_GREETING, 0x80]);
    expect(decodeHtml(bytes)).toContain('Grüße aus Köln€');
  });

  it('given UTF-8 bytes with a meta charset, then they decode as UTF-8', () => {
    expect(decodeHtml(page('<meta charset="utf-8">', UTF8_GREETING))).toContain('Grüße aus Köln');
  });

  it('given a Content-Type header charset, then it overrides the document declaration', () => {
    const bytes = page('<meta charset="utf-8">', LATIN1_GREETING);
    expect(decodeHtml(bytes, 'text/html; charset=latin1')).toContain('Grüße aus Köln');
  });

  it('given a UTF-8 BOM, then it wins over a header that says otherwise and is stripped', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...UTF8_GREETING]);
    expect(decodeHtml(bytes, 'text/html; charset=windows-1252')).toBe('Grüße aus Köln');
  });

  it('given UTF-16LE and UTF-16BE BOMs, then the text decodes', () => {
    const le = [0xff, 0xfe, ...[...'Köln'].flatMap((c) => [c.charCodeAt(0), 0])];
    const be = [0xfe, 0xff, ...[...'Köln'].flatMap((c) => [0, c.charCodeAt(0)])];
    expect(decodeHtml(new Uint8Array(le))).toBe('Köln');
    expect(decodeHtml(new Uint8Array(be))).toBe('Köln');
  });

  it('given Latin-1 bytes mislabelled as UTF-8, then they fall back to windows-1252 without U+FFFD', () => {
    const text = decodeHtml(page('<meta charset="utf-8">', LATIN1_GREETING));
    expect(text).toContain('Grüße aus Köln');
    expect(text).not.toContain('\uFFFD');
  });

  it('given no declaration, then valid UTF-8 is UTF-8 and anything else windows-1252', () => {
    expect(decodeHtml(page('', UTF8_GREETING))).toContain('Grüße aus Köln');
    expect(decodeHtml(page('', LATIN1_GREETING))).toContain('Grüße aus Köln');
  });

  it('given an unknown charset label, then it sniffs instead of throwing', () => {
    expect(decodeHtml(page('<meta charset="x-made-up">', UTF8_GREETING), 'text/html; charset=bogus')).toContain('Grüße aus Köln');
  });

  it('given an XML declaration with an encoding, then it is used', () => {
    const bytes = new Uint8Array([...ascii('<?xml version="1.0" encoding="ISO-8859-1"?><html><body><p>'), ...LATIN1_GREETING]);
    expect(decodeHtml(bytes)).toContain('Grüße aus Köln');
  });
});

describe('looksBinary', () => {
  it('given text, then it is not binary', () => {
    expect(looksBinary(page('', UTF8_GREETING))).toBe(false);
  });

  it.each([
    ['PDF', ascii('%PDF-1.7\n')],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0]],
    ['GIF', ascii('GIF89a')],
    ['ZIP', [0x50, 0x4b, 0x03, 0x04, 0x14]],
    ['gzip', [0x1f, 0x8b, 0x08]],
  ])('given %s magic bytes, then it is binary', (_name, bytes) => {
    expect(looksBinary(new Uint8Array([...bytes, ...ascii(' some text after the magic number')]))).toBe(true);
  });

  it('given a NUL byte in the first 4 KB, then it is binary', () => {
    expect(looksBinary(new Uint8Array([...ascii('abc'), 0, ...ascii('def')]))).toBe(true);
  });

  it('given a UTF-16 file with a BOM (full of NUL bytes), then it is text', () => {
    expect(looksBinary(new Uint8Array([0xff, 0xfe, 0x41, 0, 0x42, 0]))).toBe(false);
  });
});

describe('decodeHtml on nearly valid UTF-8', () => {
  it('given UTF-8 text with one stray Latin-1 byte, then the umlauts stay intact', () => {
    const umlauts = [...new TextEncoder().encode('Grüße aus Köln, München und Düsseldorf, schöne Grüße. ')];
    const bytes = page('<meta charset="utf-8">', [...umlauts, ...umlauts, 0xe9, ...ascii(' fin')]);
    const text = decodeHtml(bytes);
    expect(text).toContain('Grüße aus Köln, München und Düsseldorf');
    expect(text.split('\uFFFD')).toHaveLength(2);
  });
});
