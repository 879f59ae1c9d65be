import { describe, expect, it } from 'vitest';
import { acceptHeader, encodingOf, isAcceptedType, parseRetryAfter } from '../../../../src/sources/http/response-rules.ts';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-10-21T07:28:00Z');

  it('given seconds, then milliseconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('given an HTTP date, then the delay from now, and 0 for a date in the past', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:30:00 GMT', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:00:00 GMT', now)).toBe(0);
  });

  it('given nothing or garbage, then undefined', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('1.5', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('isAcceptedType', () => {
  it('given feed and page types, then each is accepted by its kind only', () => {
    expect(isAcceptedType('application/rss+xml; charset=utf-8', ['xml'])).toBe(true);
    expect(isAcceptedType('APPLICATION/ATOM+XML', ['xml'])).toBe(true);
    expect(isAcceptedType('application/feed+json', ['json-feed'])).toBe(true);
    expect(isAcceptedType('text/html;charset=windows-1252', ['html'])).toBe(true);
    expect(isAcceptedType('text/plain', ['text'])).toBe(true);
    expect(isAcceptedType('text/html', ['xml', 'json-feed'])).toBe(false);
    expect(isAcceptedType('application/octet-stream', ['html', 'xml', 'json-feed', 'text'])).toBe(false);
  });

  it('given no Content-Type, then it is accepted (sniffed downstream)', () => {
    expect(isAcceptedType(null, ['xml'])).toBe(true);
  });

  it('given kinds, then the Accept header lists their media types', () => {
    expect(acceptHeader(['json-feed'])).toBe('application/feed+json, application/json, */*;q=0.1');
  });
});

describe('encodingOf', () => {
  it('given known encodings, then they map; unknown or stacked ones are unsupported', () => {
    expect(encodingOf(undefined)).toBe('identity');
    expect(encodingOf('x-gzip')).toBe('gzip');
    expect(encodingOf('BR')).toBe('br');
    expect(encodingOf('zstd')).toBeNull();
    expect(encodingOf('gzip, br')).toBeNull();
  });
});
