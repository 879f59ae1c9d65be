/** The Logger port on pino, writing JSON lines to stderr. */
import { pino } from 'pino';
import type { Logger } from '../src/index.ts';

export function createPinoLogger(level: string): Logger {
  const log = pino({ level, base: { app: 'digestbot' } }, pino.destination(2));
  return {
    debug: (msg, meta) => log.debug(meta ?? {}, msg),
    info: (msg, meta) => log.info(meta ?? {}, msg),
    warn: (msg, meta) => log.warn(meta ?? {}, msg),
    error: (msg, meta) => log.error(meta ?? {}, msg),
  };
}
