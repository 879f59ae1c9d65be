import { describe, expect, it } from 'vitest';
import { DigestError } from '../../../src/errors.ts';
import { looksLikeHtml, prepareInput } from '../../../src/engine/input.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('prepareInput', () => {
  it.each([
    ['<!DOCTYPE html><html><body><p>x</p></body></html>', true],
    ['<html lang="de"><p>Hallo</p></html>', true],
    ['  <div class="a"><p>Text</p></div>', true],
    ['Der Umsatz stieg um 5 Prozent. Die Marge <3 % blieb.', false],
    ['Revenue rose 5% to $2bn.\n\nShares fell.', false],
  ])('given %j, then HTML is %s', (text, expected) => {
    expect(looksLikeHtml(text)).toBe(expected);
  });

  it('given HTML bytes with a URL, then html input carries the URL', () => {
    expect(prepareInput(enc('<html><body><p>Hallo</p></body></html>'), 'x', null, 'https://a.example/x'))
      .toEqual({ html: '<html><body><p>Hallo</p></body></html>', url: 'https://a.example/x' });
  });

  it('given plain text bytes, then text input', () => {
    expect(prepareInput(enc('Ein Satz. Noch einer.'), 'x')).toEqual({ text: 'Ein Satz. Noch einer.', url: undefined });
  });

  it.each([
    ['a PDF', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0x01]), 'input/binary'],
    ['a NUL-laden file', new Uint8Array([0x41, 0x00, 0x42, 0x00]), 'input/binary'],
    ['whitespace only', enc(' \n\t '), 'input/empty'],
  ])('given %s, then a %s error naming the source', (_name, bytes, code) => {
    try {
      prepareInput(bytes, 'file.x');
      expect.unreachable('should throw');
    } catch (err) {
      expect(err).toBeInstanceOf(DigestError);
      expect((err as DigestError).code).toBe(code);
      expect((err as DigestError).message).toContain('file.x');
    }
  });
});
