/** Builds the article digester from the validated configuration: the worker pool, or the main thread with 0 workers. */
import type { DigestConfig } from '../config.ts';
import type { Logger } from '../ports.ts';
import { inProcessDigester, type ArticleDigester } from './article-digester.ts';
import { createWorkerPoolDigester } from './worker-pool.ts';

export function createConfiguredDigester(config: DigestConfig, logger: Logger): ArticleDigester {
  if (config.workers === 0) return inProcessDigester;
  return createWorkerPoolDigester({
    timeoutMs: config.timeoutMs, maxQueue: config.maxQueue, logger,
    ...(config.workers === null ? {} : { workers: config.workers }),
  });
}
