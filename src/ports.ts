/**
 * Small ports the core depends on instead of globals: logging and time.
 * Implementations are built in adapters/main.ts and passed down.
 */

/** Structured logger: constant messages, variables in `meta`. Never tokens or article bodies. */
export interface Logger {
  debug(msg: string, meta?: Record<string, unknown>): void;
  info(msg: string, meta?: Record<string, unknown>): void;
  warn(msg: string, meta?: Record<string, unknown>): void;
  error(msg: string, meta?: Record<string, unknown>): void;
}

/** The current time, injectable so schedules and backoff are testable. */
export interface Clock {
  now(): Date;
}

/** A logger that drops everything (tests, and callers that do not care). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };
