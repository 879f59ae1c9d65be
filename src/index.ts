/** The core's public entry: adapters import only from here. */
export { digestArticle, tryDigestArticle, articleText, MAX_RISKS, type DigestInput, type DigestResult } from './engine/digest.ts';
export { formatFigure, formatFigureValue, type LabelLanguage } from './format/figure.ts';
export { riskCategoryName, labelLanguageOf } from './format/risk-category.ts';
export { prepareInput, looksLikeHtml } from './engine/input.ts';
export {
  digestSchema, figureSchema, riskSchema, batchInputSchema,
  type Digest, type Figure, type Risk, type BatchInput,
} from './engine/schema.ts';
export {
  createHttpClient, createConfiguredHttpClient, createHostLimiter, type HostLimiter, fetchDocument, classifyHost, DEFAULT_USER_AGENT, HTTP_CLIENT_DEFAULTS,
  type HttpClient, type HttpClientOptions, type HttpResult, type GetOptions, type FetchedDocument, type FetchOverrides,
} from './sources/http/index.ts';
export * as sourceContent from './sources/content/index.ts';
export { DigestError, toDigestError, type DigestErrorCode, type Result } from './errors.ts';
export {
  digestDefinitionSchema, sourceDefinitionSchema, isPlausibleCron, isTimeZone,
  type DigestDefinition, type SourceDefinition,
} from './digests/definition.ts';
export { loadDigestDefinitions, type LoadedDefinition } from './digests/load-definitions.ts';
export { loadConfig, configSchema, type Config, type FetchConfig, type DigestConfig, type DiscordConfig, type SlackConfig, type OpsConfig } from './config.ts';
export { silentLogger, systemClock, type Clock, type Logger } from './ports.ts';
export type { Message, MessageSection, MessageLink, MessageImage, MessagePublisher } from './messages/model.ts';
export { idOn, parsePlatformId, platformId, platformOf, type PlatformId } from './messages/platform-id.ts';
export { chartRows, renderFiguresChart, type ChartRow, type FiguresChart } from './format/chart/index.ts';
export type { Store, StoreSession } from './store/port.ts';
export { openSqliteStore } from './store/sqlite/open.ts';
export { openStore, SQLITE_FILE, storeLocation, type StoreConfig } from './store/open-store.ts';
export { CLAIM_STALE_MS } from './store/postgres/open.ts';
export { buildDigest, digestChart, CHART_FILENAME, type BuildDigestDeps, type BuiltDigest, type FolderSource, type RawArticle } from './digests/build-digest.ts';
export { readFolderSource } from './sources/folder.ts';
export { inProcessDigester, digestMaterial, type ArticleDigester, type Material } from './digesting/article-digester.ts';
export { createWorkerPoolDigester, defaultDigestWorkers, type WorkerPoolOptions } from './digesting/worker-pool.ts';
export { createConfiguredDigester } from './digesting/from-config.ts';
export { deliverRun, type RunKey } from './schedule/deliver-run.ts';
export { createScheduler, DEFAULT_GRACE_MS, type Scheduler, type ScheduledDigest } from './schedule/scheduler.ts';
export { dispatchRequest } from './commands/dispatch.ts';
export { helpCommand } from './commands/help.ts';
export { defineCommand, defineSubcommand, type Command, type CommandContext, type CommandGroup } from './commands/types.ts';
export { COMMAND_CATALOG, catalogOf, commandsOf } from './commands/catalog.ts';
export { findSpec, type CommandSpec, type SubcommandSpec, type OptionSpec, type OptionKind } from './chat/catalog.ts';
export { parseCommandText, looksLikeTimeZone, tokenize, type ParsedCommand } from './chat/command-line.ts';
export { helpMessage, usageLine, OWN_SLASH, type CommandStyle } from './chat/usage.ts';
export type { ChatCore, ChatRequest } from './chat/core.ts';
export { createBot, ENGINE_VERSION, ALIVE_KEY, type Bot, type BotOptions } from './bot/create-bot.ts';
export { scheduleId, type DefinitionRegistry, type RegisteredDefinition } from './digests/definition-registry.ts';
export { pollSource, type PollOutcome, type PollPolicy } from './polling/poll-source.ts';
export {
  noopMetrics, countSourceStates, sourceState,
  type BotMetrics, type FetchFinished, type FetchOutcome, type DigestPosted, type DeliveryFailed, type DeliveryFailureKind,
  type CommandFinished, type CommandOutcome, type SourceState,
} from './metrics.ts';
export {
  backfillSource, backfillItems, listBackfillSources, resolveBackfillSource, nearNames,
  type BackfillOptions, type BackfillProgress, type BackfillReport, type NamedSource,
} from './polling/backfill-source.ts';
export { groundClaims, groundText, prepareText, rulesOf } from './engine/ground/ground-text.ts';
export {
  groundSentence, groundSummary, prepareSource,
  type GroundedSentence, type GroundProblem, type GroundProblemKind, type GroundSource, type SummaryClaim,
} from './engine/ground/index.ts';
export { createConfiguredLlm } from './llm/from-config.ts';
export { createLlmSummarizer, type LlmSummarizer, type LlmSummary, type SummaryLanguage } from './llm/summarize-llm.ts';
export { createOpenAiChatModel, type ChatModel } from './llm/chat-model.ts';
export { summarizeInput, summarizeMaterial, summaryHeading } from './llm/summarize-material.ts';
export type { LlmConfig } from './config.ts';
export type { ClusterConfig, DiscordIngressConfig, SlackOAuthConfig } from './config.ts';
export {
  RetryJobLater, type Job, type JobFinished, type JobHandler, type JobObserver, type JobQueue, type QueueDepth, type QueueSpec, type QueueTransaction,
  type SendOptions, type WorkOptions,
} from './queue/port.ts';
export { createInProcessQueue, type InProcessQueue } from './queue/in-process.ts';
export { enqueueRun, postQueuedRun, postQueueSpec, POST_QUEUE, POST_RETRIES, runOfPostJob, type PostJobData } from './schedule/deliver-run.ts';
