import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';

const message = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (err) {
    return (err as Error).message;
  }
  return '';
};

describe('METRICS_PORT and METRICS_HOST', () => {
  it('given METRICS_PORT unset or empty (KEY= in an env file), then there is no ops server', () => {
    expect(loadConfig({}).ops).toBeNull();
    expect(loadConfig({ METRICS_PORT: '' }).ops).toBeNull();
    expect(loadConfig({ METRICS_PORT: '  ', METRICS_HOST: '0.0.0.0' }).ops).toBeNull();
  });

  it('given a port, then the server listens on loopback unless METRICS_HOST says otherwise', () => {
    expect(loadConfig({ METRICS_PORT: '9464' }).ops).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }).ops).toEqual({ port: 9464, host: '0.0.0.0' });
    expect(loadConfig({ METRICS_PORT: '0' }).ops).toEqual({ port: 0, host: '127.0.0.1' });
  });

  it('given a port out of range or not a number, then the key is named', () => {
    expect(message({ METRICS_PORT: '70000' })).toContain('METRICS_PORT');
    expect(message({ METRICS_PORT: 'ninety' })).toContain('METRICS_PORT');
    expect(message({ METRICS_PORT: '94.5' })).toContain('METRICS_PORT');
  });
});
