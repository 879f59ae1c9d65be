/**
 * Builds the one bot runtime every adapter shares: digest definitions from
 * digests/, the SQLite store under DATA_DIR, the guarded HTTP client and the
 * platform-neutral bot (schedules, poll loop, commands).
 */
import { dirname, join, resolve } from 'node:path';
import {
  createBot, createConfiguredHttpClient, loadDigestDefinitions, openSqliteStore, readFolderSource, systemClock,
  type Bot, type Config, type DigestDefinition, type Logger, type Store,
} from '../src/index.ts';

export interface Runtime {
  bot: Bot;
  store: Store;
  /** Problems with definition files (each named); the valid ones are loaded anyway. */
  definitionErrors: string[];
  close(): Promise<void>;
}

export interface RuntimeOptions {
  projectRoot: string;
  cwd: string;
  config: Config;
  logger: Logger;
  /** @defaultValue 60000; tests turn the loop off with 0 */
  pollTickMs?: number;
}

export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, logger } = options;
  const files: { def: DigestDefinition; dir: string }[] = [];
  const definitionErrors: string[] = [];
  for (const item of await loadDigestDefinitions(resolve(options.projectRoot, config.store.digestsDir))) {
    if (item.ok) files.push({ def: item.value.definition, dir: dirname(item.value.file) });
    else definitionErrors.push(item.error.message);
  }
  const store = openSqliteStore(join(resolve(options.cwd, config.store.dataDir), 'digestbot.sqlite'));
  const bot = createBot({
    store, logger, clock: systemClock, files,
    http: createConfiguredHttpClient(config.fetch),
    policy: config.sources,
    graceMs: config.schedule.graceMs,
    pollConcurrency: config.sources.concurrency,
    readFolder: (source, dir) => readFolderSource(resolve(dir ?? options.projectRoot, source.path)),
    ...(options.pollTickMs === undefined ? {} : { pollTickMs: options.pollTickMs }),
  });
  return {
    bot, store, definitionErrors,
    async close() {
      await bot.stop();
      store.close();
    },
  };
}
