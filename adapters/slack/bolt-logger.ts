/**
 * Bolt's logger interface on the project's Logger port. The SDK's own lines
 * are free text, so they go into `meta.detail` (cut short) under constant
 * messages. SDK debug lines (request bodies) are dropped.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/index.ts';

const MAX_DETAIL = 500;

function show(part: unknown): string {
  if (part instanceof Error) return part.message;
  if (typeof part === 'string') return part;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}

function detail(parts: unknown[]): string {
  const text = parts.map(show).join(' ');
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

/** Wraps a Logger for Bolt, the Web API client and the Socket Mode client. */
export function toBoltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  return {
    debug() {},
    info: (...parts: unknown[]) => logger.debug('slack sdk info', { detail: detail(parts) }),
    warn: (...parts: unknown[]) => logger.warn('slack sdk warning', { detail: detail(parts) }),
    error: (...parts: unknown[]) => logger.error('slack sdk error', { detail: detail(parts) }),
    setLevel(next) {
      level = next;
    },
    getLevel: () => level,
    setName() {},
  };
}
