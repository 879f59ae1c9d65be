/**
 * Configuration from the environment, validated once at start-up. This is the
 * only file that knows environment variable names; everything else receives
 * typed slices of the result.
 */
import { z } from 'zod';
import { DigestError } from './errors.ts';
import { clusterOf, discordIngressOf, ingressEnv, refineIngress, slackOAuthOf, type ClusterConfig, type DiscordIngressConfig, type SlackOAuthConfig } from './ingress-config.ts';

export type { ClusterConfig, DiscordIngressConfig, SlackOAuthConfig } from './ingress-config.ts';

const commaList = z.string().default('').transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== ''));
const optionalText = z.string().trim().optional().transform((s) => (s === undefined || s === '' ? null : s));
const httpUrl = z.url({ protocol: /^https?$/u }).optional();
/** A port number, or unset: an empty value (`KEY=` in an env file) counts as unset. */
const optionalPort = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.coerce.number().int().min(0).max(65_535).optional());

export const configSchema = z.object({
  /** Total time allowed for one fetch (all redirects, headers and body), in ms. @defaultValue 15000 */
  FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** Time allowed for DNS, and again for connect + TLS, in ms. @defaultValue 5000 */
  FETCH_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** Largest body accepted, in bytes after decompression. @defaultValue 5 MiB */
  FETCH_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(5 * 1024 * 1024),
  /** Largest body accepted as received (compressed), in bytes. @defaultValue FETCH_MAX_BYTES */
  FETCH_MAX_COMPRESSED_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).optional(),
  /** Requests at once per host. @defaultValue 2 */
  FETCH_PER_HOST_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  /** Private hosts/networks that may be fetched anyway (comma list of names, addresses, CIDRs). @defaultValue none */
  FETCH_ALLOW_PRIVATE_HOSTS: commaList,
  /** User-Agent sent with every fetch. @defaultValue the built-in one */
  FETCH_USER_AGENT: optionalText,
  /** Minutes between polls of each source. @defaultValue 15 */
  POLL_INTERVAL_MINUTES: z.coerce.number().min(1).max(24 * 60).default(15),
  /** Consecutive failures after which a source is paused. @defaultValue 8 */
  SOURCE_PAUSE_AFTER_FAILURES: z.coerce.number().int().min(1).max(100).default(8),
  /** Items of a newly added source that go into the next digest; the rest are marked seen. @defaultValue 3 */
  NEW_SOURCE_ITEMS: z.coerce.number().int().min(0).max(50).default(3),
  /** Sources fetched at once by the poll loop (each host is still limited by FETCH_PER_HOST_CONCURRENCY). @defaultValue 16 */
  POLL_CONCURRENCY: z.coerce.number().int().min(1).max(512).default(16),
  /** Worker threads that digest articles off the event loop; 0 digests on the main thread (no time budget). @defaultValue 2 (1 on a single core) */
  DIGEST_WORKERS: z.coerce.number().int().min(0).max(32).optional(),
  /** Time one article may take to digest, in ms; past it the worker is replaced and the article fails (extract/timeout). @defaultValue 10000 */
  DIGEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  /** Articles that may wait for a digest worker; more are refused (digest/busy) and polled articles retried later. @defaultValue 64 */
  DIGEST_QUEUE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(64),
  /** Folder of the digest definition files, relative to the project. @defaultValue digests */
  DIGESTS_DIR: z.string().min(1).default('digests'),
  /** Folder of the SQLite database file. @defaultValue ./data */
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * Where the store lives: unset or `sqlite:` for the SQLite file under DATA_DIR (`sqlite:<path>` for another
   * file), `postgres://user:password@host:5432/db` (or `postgresql://`) for a shared PostgreSQL database.
   * @defaultValue unset (SQLite under DATA_DIR)
   */
  DATABASE_URL: z.string().trim().regex(/^(sqlite:|postgres(ql)?:\/\/)/u, 'must start with sqlite: or postgres:// (postgresql://)').optional(),
  /** Missed scheduled runs younger than this are posted (late) after a restart. @defaultValue 6 */
  SCHEDULE_GRACE_HOURS: z.coerce.number().min(0).max(72).default(6),
  /** Schedules set from chat must leave at least this many minutes between runs. @defaultValue 15 */
  MIN_SCHEDULE_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Log level of the JSON log on stderr. @defaultValue warn */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('warn'),
  /** File the JSON log is appended to instead of stderr (relative to the working directory). @defaultValue unset: stderr, or <DATA_DIR>/digestbot.log for the console bot on a terminal */
  LOG_FILE: optionalText,
  /** With no Discord or Slack configured, run without chat (schedules, polling, /metrics and /healthz) instead of the console. @defaultValue false */
  HEADLESS: z.stringbool().default(false),
  /** The env file read at start, relative to the working directory; only from the process environment (read before the file). @defaultValue .env */
  ENV_FILE: optionalText,
  /** User ids (platform-qualified, e.g. slack:U123) allowed to run admin commands besides platform admins. @defaultValue none */
  ADMIN_USER_IDS: commaList,
  /** Discord bot token; with DISCORD_APPLICATION_ID it turns the Discord adapter on. */
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  /** Discord REST base (tests point it at a local fake). @defaultValue https://discord.com/api */
  DISCORD_API_URL: httpUrl,
  /** Slack bot token (xoxb-); with SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (socket mode) it turns the Slack adapter on. */
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  /** http: Slack calls our HTTP endpoint; socket: we connect out with the app token. @defaultValue http */
  SLACK_MODE: z.enum(['http', 'socket']).default('http'),
  /** Port and address of the Slack HTTP receiver. @defaultValue 3000, 0.0.0.0 */
  SLACK_PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  SLACK_HOST: z.string().min(1).default('0.0.0.0'),
  /** Slack Web API base (tests point it at a local fake). @defaultValue https://slack.com/api/ */
  SLACK_API_URL: httpUrl,
  /** Port of the operator HTTP server (/metrics, /healthz); unset: no server; 0: any free port (logged). @defaultValue unset */
  METRICS_PORT: optionalPort,
  /** Address the operator HTTP server listens on. @defaultValue 127.0.0.1 */
  METRICS_HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** OpenAI-compatible API base including /v1 (Ollama: http://127.0.0.1:11434/v1); unset: no LLM summaries. @defaultValue unset */
  LLM_BASE_URL: httpUrl,
  /** Model name sent to the provider; required with LLM_BASE_URL. */
  LLM_MODEL: optionalText,
  /** Bearer token for the provider; local servers need none. @defaultValue none */
  LLM_API_KEY: optionalText,
  /** Tokens each workspace may spend per UTC day. @defaultValue 200000 */
  LLM_DAILY_TOKENS: z.coerce.number().int().min(0).default(200_000),
  /** Article text sent at most, in tokens (about four characters each). @defaultValue 3000 */
  LLM_MAX_INPUT_TOKENS: z.coerce.number().int().min(200).max(200_000).default(3000),
  /** Longest answer asked for, in tokens. @defaultValue 400 */
  LLM_MAX_OUTPUT_TOKENS: z.coerce.number().int().min(50).max(4000).default(400),
  /** Time allowed for one model call, in ms. @defaultValue 30000 */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** Model calls at once. @defaultValue 2 */
  LLM_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  ...ingressEnv,
}).superRefine((env, ctx) => {
  refineIngress(env, ctx);
  if ((env.LLM_BASE_URL === undefined) !== (env.LLM_MODEL === null)) {
    ctx.addIssue({ code: 'custom', path: [env.LLM_MODEL === null ? 'LLM_MODEL' : 'LLM_BASE_URL'], message: 'LLM_BASE_URL and LLM_MODEL go together' });
  }
  if ((env.DISCORD_TOKEN === null) !== (env.DISCORD_APPLICATION_ID === null)) {
    ctx.addIssue({ code: 'custom', path: [env.DISCORD_TOKEN === null ? 'DISCORD_TOKEN' : 'DISCORD_APPLICATION_ID'], message: 'DISCORD_TOKEN and DISCORD_APPLICATION_ID go together' });
  }
  const slackAny = env.SLACK_BOT_TOKEN !== null || env.SLACK_SIGNING_SECRET !== null || env.SLACK_APP_TOKEN !== null || env.SLACK_CLIENT_ID !== null;
  if (!slackAny) return;
  if (env.SLACK_BOT_TOKEN === null && env.SLACK_CLIENT_ID === null) ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'the Slack adapter needs its bot token' });
  if (env.SLACK_MODE === 'http' && env.SLACK_SIGNING_SECRET === null) {
    ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'Slack HTTP mode needs the signing secret' });
  }
  if (env.SLACK_MODE === 'socket' && env.SLACK_APP_TOKEN === null) {
    ctx.addIssue({ code: 'custom', path: ['SLACK_APP_TOKEN'], message: 'Slack socket mode needs the app-level token (xapp-)' });
  }
});

export interface FetchConfig {
  timeoutMs: number;
  connectTimeoutMs: number;
  maxBytes: number;
  maxCompressedBytes: number;
  perHostConcurrency: number;
  allowPrivateHosts: string[];
  userAgent: string | null;
}

export interface DiscordConfig {
  token: string;
  applicationId: string;
  apiUrl: string | null;
  /** How commands come in (gateway or the HTTP interactions endpoint). @defaultValue gateway, as before */
  ingress?: DiscordIngressConfig;
}

export interface SlackConfig {
  /** Null with OAuth installation (`oauth`): each workspace's token comes from its installation. */
  botToken: string | null;
  /** OAuth installation to many workspaces (SLACK_CLIENT_ID …). @defaultValue none */
  oauth?: SlackOAuthConfig | null;
  mode: 'http' | 'socket';
  signingSecret: string | null;
  appToken: string | null;
  port: number;
  host: string;
  apiUrl: string | null;
}

/** Where and how articles are digested (see src/digesting/). */
export interface DigestConfig {
  /** Worker threads; 0: on the main thread; null: the pool's default (2, 1 on a single core). */
  workers: number | null;
  timeoutMs: number;
  maxQueue: number;
}

/** The operator HTTP server (/metrics, /healthz). */
export interface OpsConfig {
  /** 0: any free port. */
  port: number;
  host: string;
}

/** The optional LLM summaries (README "LLM summaries (optional)"). */
export interface LlmConfig {
  baseUrl: string;
  model: string;
  apiKey: string | null;
  dailyTokens: number;
  maxInputTokens: number;
  maxOutputTokens: number;
  timeoutMs: number;
  concurrency: number;
}

/** The validated configuration, as the rest of the program sees it. */
export interface Config {
  fetch: FetchConfig;
  sources: { pollIntervalMs: number; pauseAfterFailures: number; newSourceItems: number; concurrency: number };
  /** `databaseUrl`: DATABASE_URL, null when unset (SQLite under `dataDir`). */
  store: { dataDir: string; digestsDir: string; databaseUrl: string | null };
  schedule: { graceMs: number; minGapMinutes: number };
  digest: DigestConfig;
  /** file: null writes the log to stderr (the console bot on a terminal picks a file under DATA_DIR instead). */
  log: { level: 'debug' | 'info' | 'warn' | 'error'; file: string | null };
  /** HEADLESS: no chat platform and no console; schedules, polling and the operator server only. */
  headless: boolean;
  adminUserIds: string[];
  /** Null when Discord is not configured. */
  discord: DiscordConfig | null;
  /** Null when Slack is not configured. */
  slack: SlackConfig | null;
  /** Null when METRICS_PORT is unset (no operator server). */
  ops: OpsConfig | null;
  /** Null when LLM_BASE_URL is unset: every summary is extractive. */
  llm: LlmConfig | null;
  /** Several instances on one database (the gateway lease). */
  cluster: ClusterConfig;
}

/**
 * Reads and validates the environment.
 * @throws DigestError `config/invalid` listing every bad key.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // `KEY=` (or only spaces) means unset, as in most .env tools: without this, z.coerce.number() would read it as 0
  // (DIGEST_WORKERS= would silently digest on the main thread, NEW_SOURCE_ITEMS= would mean none).
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v === undefined || v.trim() !== ''));
  const parsed = configSchema.safeParse(given);
  if (!parsed.success) {
    throw new DigestError('config/invalid', `invalid configuration:\n${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  }
  const e = parsed.data;
  return {
    fetch: {
      timeoutMs: e.FETCH_TIMEOUT_MS,
      connectTimeoutMs: e.FETCH_CONNECT_TIMEOUT_MS,
      maxBytes: e.FETCH_MAX_BYTES,
      maxCompressedBytes: e.FETCH_MAX_COMPRESSED_BYTES ?? e.FETCH_MAX_BYTES,
      perHostConcurrency: e.FETCH_PER_HOST_CONCURRENCY,
      allowPrivateHosts: e.FETCH_ALLOW_PRIVATE_HOSTS,
      userAgent: e.FETCH_USER_AGENT,
    },
    sources: {
      pollIntervalMs: e.POLL_INTERVAL_MINUTES * 60_000,
      pauseAfterFailures: e.SOURCE_PAUSE_AFTER_FAILURES,
      newSourceItems: e.NEW_SOURCE_ITEMS,
      concurrency: e.POLL_CONCURRENCY,
    },
    store: { dataDir: e.DATA_DIR, digestsDir: e.DIGESTS_DIR, databaseUrl: e.DATABASE_URL ?? null },
    schedule: { graceMs: e.SCHEDULE_GRACE_HOURS * 60 * 60 * 1000, minGapMinutes: e.MIN_SCHEDULE_MINUTES },
    digest: { workers: e.DIGEST_WORKERS ?? null, timeoutMs: e.DIGEST_TIMEOUT_MS, maxQueue: e.DIGEST_QUEUE_LIMIT },
    log: { level: e.LOG_LEVEL, file: e.LOG_FILE },
    headless: e.HEADLESS,
    adminUserIds: e.ADMIN_USER_IDS,
    discord: e.DISCORD_TOKEN !== null && e.DISCORD_APPLICATION_ID !== null
      ? { token: e.DISCORD_TOKEN, applicationId: e.DISCORD_APPLICATION_ID, apiUrl: e.DISCORD_API_URL ?? null, ingress: discordIngressOf(e) }
      : null,
    slack: e.SLACK_BOT_TOKEN !== null || e.SLACK_CLIENT_ID !== null
      ? {
          botToken: e.SLACK_BOT_TOKEN, mode: e.SLACK_MODE, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN,
          port: e.SLACK_PORT, host: e.SLACK_HOST, apiUrl: e.SLACK_API_URL ?? null, oauth: slackOAuthOf(e),
        }
      : null,
    cluster: clusterOf(e.DATABASE_URL, e.INSTANCE_ID),
    ops: e.METRICS_PORT === undefined ? null : { port: e.METRICS_PORT, host: e.METRICS_HOST },
    llm: e.LLM_BASE_URL === undefined || e.LLM_MODEL === null ? null : {
      baseUrl: e.LLM_BASE_URL, model: e.LLM_MODEL, apiKey: e.LLM_API_KEY, dailyTokens: e.LLM_DAILY_TOKENS,
      maxInputTokens: e.LLM_MAX_INPUT_TOKENS, maxOutputTokens: e.LLM_MAX_OUTPUT_TOKENS, timeoutMs: e.LLM_TIMEOUT_MS, concurrency: e.LLM_CONCURRENCY,
    },
  };
}
