/**
 * Configuration from the environment, validated once at start-up. This is the
 * only file that knows environment variable names; everything else receives
 * typed slices of the result.
 */
import { z } from 'zod';
import { DigestError } from './errors.ts';

export const configSchema = z.object({
  /** Total time allowed for fetching one page, in ms. @defaultValue 15000 */
  FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** Largest page accepted, in bytes after decompression. @defaultValue 5 MiB */
  FETCH_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(5 * 1024 * 1024),
  /** Folder of the SQLite database file. @defaultValue ./data */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Missed scheduled runs younger than this are posted (late) after a restart. @defaultValue 6 */
  SCHEDULE_GRACE_HOURS: z.coerce.number().min(0).max(72).default(6),
  /** Log level of the JSON log on stderr. @defaultValue warn */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('warn'),
});

/** The validated configuration, as the rest of the program sees it. */
export interface Config {
  fetch: { timeoutMs: number; maxBytes: number };
  store: { dataDir: string };
  schedule: { graceMs: number };
  log: { level: 'debug' | 'info' | 'warn' | 'error' };
}

/**
 * Reads and validates the environment.
 * @throws DigestError `config/invalid` listing every bad key.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new DigestError('config/invalid', `invalid configuration:\n${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  }
  return {
    fetch: { timeoutMs: parsed.data.FETCH_TIMEOUT_MS, maxBytes: parsed.data.FETCH_MAX_BYTES },
    store: { dataDir: parsed.data.DATA_DIR },
    schedule: { graceMs: parsed.data.SCHEDULE_GRACE_HOURS * 60 * 60 * 1000 },
    log: { level: parsed.data.LOG_LEVEL },
  };
}
