import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { DigestError } from '../../src/errors.ts';

describe('loadConfig', () => {
  it('given an empty environment, then defaults apply', () => {
    expect(loadConfig({})).toEqual({ fetch: { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024 }, store: { dataDir: './data' }, schedule: { graceMs: 6 * 3600 * 1000 }, log: { level: 'warn' } });
  });

  it('given numbers as strings, then they are coerced', () => {
    expect(loadConfig({ FETCH_TIMEOUT_MS: '2500', FETCH_MAX_BYTES: '4096' }).fetch).toEqual({ timeoutMs: 2500, maxBytes: 4096 });
  });

  it('given two bad keys, then one config/invalid error names both', () => {
    let caught: unknown;
    try {
      loadConfig({ FETCH_TIMEOUT_MS: 'soon', FETCH_MAX_BYTES: '1' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DigestError);
    const e = caught as DigestError;
    expect(e.code).toBe('config/invalid');
    expect(e.message).toContain('FETCH_TIMEOUT_MS');
    expect(e.message).toContain('FETCH_MAX_BYTES');
  });
});
