/**
 * One Slack test setup: the fake Slack, the recording core, the real
 * adapter (Bolt) pointed at the fake, and a recording logger.
 */
import type { Logger, SlackConfig } from '../../../src/index.ts';
import { startSlackAdapter, type SlackAdapter, type SlackAdapterOptions } from '../../../adapters/slack/start-slack.ts';
import { createFakeChatCore, type FakeChatCore } from '../../fakes/fake-chat-core.ts';
import { startFakeSlackApi, type FakeSlackApi, type FakeSlackUser } from '../../fakes/slack/fake-slack-api.ts';
import { postSlashCommand, type PostResult, type SignOptions } from '../../fakes/slack/signed-request.ts';

export const SIGNING_SECRET = 'test-signing-secret';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  meta: Record<string, unknown> | undefined;
}

/** A Logger that keeps every line, for asserting on log messages. */
export function recordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (msg: string, meta?: Record<string, unknown>): void => {
    lines.push({ level, msg, meta });
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export interface SlackHarness {
  api: FakeSlackApi;
  core: FakeChatCore;
  adapter: SlackAdapter;
  logger: ReturnType<typeof recordingLogger>;
  /** Sends a signed `/digest <text>`; the reply goes to a response_url named `id`. */
  command(text: string, options?: { id?: string; userId?: string; sign?: Partial<SignOptions> }): Promise<PostResult & { id: string }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  mode?: 'http' | 'socket';
  users?: FakeSlackUser[];
  adminUserIds?: string[];
  retry?: SlackAdapterOptions['retry'];
}

/** Starts the fake Slack, then the adapter against it (retries off unless given); close() stops both. */
export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const api = await startFakeSlackApi({ users: options.users ?? [] });
  const core = createFakeChatCore();
  const logger = recordingLogger();
  const config: SlackConfig = {
    botToken: 'xoxb-test-token', mode: options.mode ?? 'http', signingSecret: SIGNING_SECRET, appToken: 'xapp-test-token',
    port: 0, host: '127.0.0.1', apiUrl: api.apiUrl,
  };
  let adapter: SlackAdapter;
  try {
    adapter = await startSlackAdapter({ config, core, logger, adminUserIds: options.adminUserIds ?? [], retry: options.retry ?? { retries: 0 } });
  } catch (err) {
    await api.close();
    throw err;
  }
  let counter = 0;
  return {
    api, core, adapter, logger,
    async command(text, opts = {}) {
      counter += 1;
      const id = opts.id ?? `r${counter}`;
      const result = await postSlashCommand(
        `http://127.0.0.1:${adapter.port ?? 0}/slack/events`,
        { text, responseUrl: api.responseUrl(id), ...(opts.userId === undefined ? {} : { userId: opts.userId }) },
        { signingSecret: SIGNING_SECRET, ...opts.sign },
      );
      return { ...result, id };
    },
    async close() {
      await adapter.stop();
      if (config.mode === 'socket') await api.waitFor(() => api.socketConnections() === 0);
      await api.close();
    },
  };
}

/** The response_url posts of one command. */
export function repliesTo(api: FakeSlackApi, id: string): Record<string, unknown>[] {
  return api.responses.filter((r) => r.id === id).map((r) => r.body);
}
