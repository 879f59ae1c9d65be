/**
 * The Slack adapter: a Bolt app in HTTP mode (Slack calls /slack/events,
 * Bolt checks the signature) or Socket Mode (we connect out with the app
 * token). It answers the `/digest` slash command: ack at once, then parse,
 * check admin rights for admin-only commands, run the core and send the
 * rendered payloads to the response_url. It also returns the publisher for
 * scheduled posts (chat.postMessage; charts with files.uploadV2 after the post
 * is recorded, cancelled by stop()).
 */
import { App, HTTPReceiver, webApi } from '@slack/bolt';
import { DigestError, type ChatCore, type Logger, type MessagePublisher, type SlackConfig } from '../../src/index.ts';
import { toBoltLogger } from './bolt-logger.ts';
import { ADMIN_CACHE_MS, createSlackAdminCheck } from './check-admin.ts';
import { SLACK_COMMAND } from './parse-command.ts';
import { guardSlackReplays } from './replay-guard.ts';
import { createSlackPublisher, type SlackUploadFile } from './slack-publisher.ts';
import { createSlashCommandHandler } from './slash-command.ts';
import { installationReceiverOptions, installationTokens, tokenArg, type SlackInstallations } from './workspace-tokens.ts';

export interface SlackAdapterOptions {
  config: SlackConfig;
  core: ChatCore;
  logger: Logger;
  /** Platform-qualified user ids that count as admins (`slack:U123`), besides workspace admins and owners. */
  adminUserIds: readonly string[];
  /**
   * Retry policy of the Web API client (node-retry options). A 429 is retried after its Retry-After;
   * tests pass `{ retries: 1, minTimeout: 0 }` or `{ retries: 0 }` to stay fast.
   * @defaultValue DEFAULT_SLACK_RETRY (3 retries, 1 s to 10 s apart)
   */
  retry?: webApi.RetryOptions;
  /** How long an admin answer from users.info is cached, in ms. @defaultValue 300000 (5 minutes) */
  adminCacheMs?: number;
  /** OAuth installation to many workspaces (HTTP mode): each request and post uses its workspace's stored token. @defaultValue none: one bot token */
  installations?: SlackInstallations;
}

export interface SlackAdapter {
  /** Posts scheduled messages to `slack:<channel id>`. */
  publisher: MessagePublisher;
  /** Stops receiving (closes the HTTP server or the socket), waits for commands in progress and cancels chart uploads still running. */
  stop(): Promise<void>;
  /** The HTTP port actually listened on (useful with port 0); null in Socket Mode. */
  port: number | null;
}

/** The Web API retry policy used unless one is given. */
export const DEFAULT_SLACK_RETRY: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 10_000, randomize: true };

function newApp(options: SlackAdapterOptions): App {
  const { config, logger } = options;
  const clientOptions = { retryConfig: options.retry ?? DEFAULT_SLACK_RETRY, ...(config.apiUrl === null ? {} : { slackApiUrl: config.apiUrl }) };
  const oauth = options.installations;
  const common = { ...(oauth === undefined && config.botToken !== null ? { token: config.botToken } : {}), logger: toBoltLogger(logger), clientOptions, deferInitialization: true };
  if (config.mode === 'http') {
    if (config.signingSecret === null) throw new DigestError('config/invalid', 'Slack HTTP mode needs the signing secret');
    // Bolt's own receiver (with OAuth: /slack/install and /slack/oauth_redirect, tokens from the installation store);
    // the signature and replay check in front of it is the one check per request.
    const receiver = new HTTPReceiver({
      signingSecret: config.signingSecret, logger: common.logger, signatureVerification: false,
      ...(oauth === undefined ? {} : installationReceiverOptions(oauth)),
    });
    guardSlackReplays(receiver, { signingSecret: config.signingSecret, logger });
    return new App({ ...common, receiver });
  }
  if (config.appToken === null) throw new DigestError('config/invalid', 'Slack socket mode needs the app-level token');
  return new App({ ...common, socketMode: true, appToken: config.appToken });
}

/**
 * files.uploadV2 on a Web API client of its own per upload, whose requests (and retries) end when the
 * upload's signal aborts, so a given-up upload leaves no request or retry running behind it.
 */
function chartUpload(options: SlackAdapterOptions, tokenOf: (channel: string) => Promise<string | undefined>): SlackUploadFile {
  const { config } = options;
  return async (args, signal) => {
    const retry = options.retry ?? DEFAULT_SLACK_RETRY;
    const client = new webApi.WebClient(await tokenOf(args.channel_id), {
      ...(config.apiUrl === null ? {} : { slackApiUrl: config.apiUrl }),
      logger: toBoltLogger(options.logger),
      // p-retry stops retrying when onFailedAttempt throws (not in the RetryOptions type).
      retryConfig: { ...retry, onFailedAttempt: () => { signal.throwIfAborted(); } } as webApi.RetryOptions,
      fetch: (url, init) => fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal }),
    });
    return client.files.uploadV2(args);
  };
}

/**
 * Starts the Slack adapter (HTTP or Socket Mode per `config.mode`) and
 * resolves once it receives commands.
 * @throws DigestError `config/invalid` when Slack rejects the bot token (auth.test) or a secret is missing.
 */
export async function startSlackAdapter(options: SlackAdapterOptions): Promise<SlackAdapter> {
  const { config, core, logger } = options;
  const app = newApp(options);
  try {
    await app.init();
  } catch (err) {
    throw new DigestError('config/invalid', 'Slack did not accept the bot token (auth.test failed)', { cause: err });
  }
  const tokens = installationTokens(options.installations, config.botToken, logger);
  const isAdmin = createSlackAdminCheck({
    adminUserIds: options.adminUserIds,
    ttlMs: options.adminCacheMs ?? ADMIN_CACHE_MS,
    lookUp: async (user, team) => (await app.client.users.info({ user, ...tokenArg(await tokens.ofTeam(team)) })).user ?? {},
  });

  const handle = createSlashCommandHandler({ core, logger, isAdmin, listedAdmins: new Set(options.adminUserIds) });

  const inflight = new Set<Promise<void>>();
  app.command(SLACK_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    // The command's work starts on the loop's next turn, so the acks of commands already received go out
    // first instead of waiting behind it (200 at once: p99 ack of seconds otherwise).
    const task = new Promise<void>((resolve) => setImmediate(resolve)).then(() => tokens.commandSeen(command)).then(() => handle(command, respond));
    inflight.add(task);
    await task.finally(() => inflight.delete(task));
  });
  app.error(async (error) => {
    logger.error('slack app error', { platform: 'slack', code: error.code, err: error.message });
  });

  let port: number | null = null;
  if (config.mode === 'http') {
    const server = await app.start({ port: config.port, host: config.host });
    const address = server.address();
    port = typeof address === 'object' && address !== null ? address.port : config.port;
  } else {
    await app.start();
  }
  logger.info('slack adapter started', { platform: 'slack', mode: config.mode, port });

  const publisher = createSlackPublisher(async (args) => app.client.chat.postMessage({ ...args, ...tokenArg(await tokens.ofChannel(args.channel)) }), logger, chartUpload(options, tokens.ofChannel));
  let stopping: Promise<void> | null = null;
  return {
    publisher,
    port,
    stop() {
      stopping ??= (async () => {
        try {
          await app.stop();
        } catch (err) {
          logger.warn('slack adapter stop failed', { platform: 'slack', err: err instanceof Error ? err.message : String(err) });
        }
        await Promise.allSettled([...inflight, publisher.stop()]);
        logger.info('slack adapter stopped', { platform: 'slack', mode: config.mode });
      })();
      return stopping;
    },
  };
}
