/**
 * The project's single error type (re-exported by src/errors.ts; here because the pure engine uses it and
 * imports nothing outside src/engine). Codes are namespaced string literals so
 * adapters can map them to user-facing text without parsing messages.
 */
export type DigestErrorCode =
  | 'input/not-found'
  | 'input/binary'
  | 'input/empty'
  | 'input/invalid'
  | 'fetch/timeout'
  | 'fetch/too-large'
  | 'fetch/http-status'
  | 'fetch/unreachable'
  | 'fetch/content-type'
  | 'fetch/too-many-redirects'
  | 'fetch/bad-url'
  | 'extract/no-content'
  | 'extract/timeout'
  | 'digest/busy'
  | 'digest/worker-crashed'
  | 'digest/worker-unavailable'
  | 'config/invalid'
  | 'config/env-file'
  | 'config/no-chat'
  | 'source/duplicate'
  | 'source/not-found'
  | 'source/empty'
  | 'store/open-failed'
  | 'fetch/invalid-url'
  | 'fetch/blocked-address'
  | 'fetch/rate-limited'
  | 'fetch/unsupported-type'
  | 'fetch/network'
  | 'feed/malformed'
  | 'schedule/invalid'
  | 'auth/not-admin'
  | 'command/invalid'
  | 'publish/failed'
  | 'publish/channel-missing'
  | 'publish/forbidden'
  | 'llm/timeout'
  | 'llm/rate-limited'
  | 'llm/http-status'
  | 'llm/network'
  | 'llm/invalid-output'
  | 'llm/unavailable'
  | 'llm/budget-exceeded'
  | 'installation/key-invalid'
  | 'installation/decrypt-failed'
  | 'lease/unavailable'
  | 'internal/unexpected';

export interface DigestErrorOptions {
  /** The underlying error, kept for logs. */
  cause?: unknown;
  /** Structured details for logs (never tokens or article bodies). */
  context?: Record<string, unknown>;
  /** Whether `message` may be shown to an end user as is. @defaultValue true */
  userFacing?: boolean;
}

export class DigestError extends Error {
  readonly code: DigestErrorCode;
  readonly context: Record<string, unknown> | undefined;
  readonly userFacing: boolean;

  constructor(code: DigestErrorCode, message: string, options: DigestErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DigestError';
    this.code = code;
    this.context = options.context;
    this.userFacing = options.userFacing ?? true;
  }
}

/** Normalises anything thrown into a DigestError, in one place. */
export function toDigestError(err: unknown): DigestError {
  if (err instanceof DigestError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new DigestError('internal/unexpected', message, { cause: err, userFacing: false });
}

/** Result union for expected failures of a single item. */
export type Result<T, E = DigestError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });
