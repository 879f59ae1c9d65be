/**
 * The real core for the abuse campaign: a SQLite file in a temp dir, the bot
 * built by createBot with the given HTTP client and the production article
 * digester (the worker-thread pool as configured by loadConfig, DIGEST_* keys
 * from `digestEnv`), and a logger that keeps the error codes the core logs
 * (the reason behind a refusal).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createBot, createConfiguredDigester, loadConfig, openSqliteStore, systemClock, type Bot, type HttpClient, type Store,
} from '../../../src/index.ts';
import { recordingLogger, type LogEntry } from '../../../test/fakes/discord/harness.ts';

export type LoggedLine = LogEntry;

export interface CoreEnv {
  bot: Bot;
  store: Store;
  logs: LoggedLine[];
  close(): Promise<void>;
}

/** `digestEnv`: configuration keys as in the environment (e.g. DIGEST_TIMEOUT_MS); unset keys take their defaults. */
export function startCoreEnv(http: HttpClient, digestEnv: Record<string, string> = {}): CoreEnv {
  const dir = mkdtempSync(join(tmpdir(), 'abuse-'));
  const store = openSqliteStore(join(dir, 'bot.sqlite'));
  const logs: LoggedLine[] = [];
  const logger = recordingLogger(logs);
  // What adapters/runtime.ts builds: the article digester from the configuration.
  const digester = createConfiguredDigester(loadConfig(digestEnv).digest, logger);
  const bot = createBot({
    store, http, clock: systemClock, logger, graceMs: 0, pollTickMs: 0, files: [], digester,
    policy: { pollIntervalMs: 900_000, pauseAfterFailures: 3, newSourceItems: 3 },
    readFolder: () => Promise.resolve([]),
    sleep: () => Promise.resolve(),
  });
  return {
    bot, store, logs,
    async close() {
      await bot.stop();
      await digester.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The error codes in log lines from index `from` on. */
export function codesSince(logs: readonly LoggedLine[], from: number): string[] {
  return logs.slice(from).flatMap((l) => (typeof l.meta?.['code'] === 'string' ? [l.meta['code']] : []));
}
