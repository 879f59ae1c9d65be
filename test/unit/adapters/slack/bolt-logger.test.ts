/** Bolt's logger on the Logger port: constant messages, SDK text in meta, debug dropped. */
import { describe, expect, it } from 'vitest';
import { toBoltLogger } from '../../../../adapters/slack/bolt-logger.ts';

describe('toBoltLogger', () => {
  it('given SDK log lines, then they arrive under constant messages with the text in meta.detail, cut short', () => {
    const lines: [string, string, unknown][] = [];
    const record = (level: string) => (msg: string, meta?: Record<string, unknown>) => lines.push([level, msg, meta?.['detail']]);
    const bolt = toBoltLogger({ debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') });
    bolt.debug('http request body: {"text":"whole article"}');
    bolt.info('Now connected to Slack');
    bolt.warn('Failed to verify', new Error('bad signature'));
    bolt.error({ code: 'x' }, 'y'.repeat(600));
    expect(lines).toEqual([
      ['debug', 'slack sdk info', 'Now connected to Slack'],
      ['warn', 'slack sdk warning', 'Failed to verify bad signature'],
      ['error', 'slack sdk error', expect.stringMatching(/^\{"code":"x"\} y+…$/u)],
    ]);
    expect(String(lines[2]?.[2]).length).toBe(501);
  });
});
