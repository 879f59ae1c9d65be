import { describe, expect, it } from 'vitest';
import { itemCountText, MAX_SOURCE_ITEMS, readSourceDocument } from '../../../src/sources/read-source.ts';

function rss(items: number): Uint8Array {
  const list = Array.from({ length: items }, (_, i) => `<item><title>Item ${String(i)}</title><link>https://example.org/${String(i)}</link></item>`);
  return Buffer.from(`<?xml version="1.0"?><rss version="2.0"><channel><title>Busy</title>${list.join('')}</channel></rss>`);
}

describe('item count of a source document', () => {
  it('given a feed of 500 items, then 100 are read and the count says it was capped', () => {
    const doc = readSourceDocument(rss(500), 'application/rss+xml', 'https://example.org/feed');
    expect(doc.items).toHaveLength(MAX_SOURCE_ITEMS);
    expect(doc.totalItems).toBe(500);
    expect(itemCountText(doc)).toBe('100 of 500 items (capped)');
  });

  it('given a feed of 12 items, then all are read and the count is plain', () => {
    const doc = readSourceDocument(rss(12), 'application/rss+xml', 'https://example.org/feed');
    expect(itemCountText(doc)).toBe('12 item(s)');
  });
});
