/**
 * Part (b) of the scale campaign: `n` concurrent slash commands against the
 * real discord.js adapter (fake Discord gateway) and the real Bolt HTTP
 * receiver (signed requests), the fakes and the load generator in a child
 * process (ack-fakes-child.ts) so that the bot's event loop carries only the
 * bot's work. The bot runs the real core (createBot over a temp SQLite store)
 * and the command is `/digest scale-news`, a folder digest of the bundled
 * samples; with `core: 'fake'` a recording core answers at once instead.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDiscordAdapter } from '../../../adapters/discord/start-discord.ts';
import { startSlackAdapter } from '../../../adapters/slack/start-slack.ts';
import { digestDefinitionSchema } from '../../../src/digests/definition.ts';
import { createBot, createConfiguredDigester, loadConfig, openSqliteStore, readFolderSource, silentLogger, type ChatCore } from '../../../src/index.ts';
import { createFakeChatCore } from '../../../test/fakes/fake-chat-core.ts';
import type { Burst, BurstResult, FakeInfo } from './ack-fakes-child.ts';
import { forkTsChild } from './child-process.ts';

export interface AckOptions {
  platform: 'discord' | 'slack';
  n: number;
  /** @defaultValue 'real' */
  core?: 'real' | 'fake';
}

export interface AckResult {
  platform: 'discord' | 'slack';
  n: number;
  core: 'real' | 'fake';
  acked: number;
  replies: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
  /** What the fakes measured, per command. */
  raw: BurstResult;
}

const SIGNING_SECRET = 'scale-signing-secret';
const SLACK_TEAM = 'T0001';

interface Child {
  child: ChildProcess;
  info: FakeInfo;
  burst(b: Burst): Promise<BurstResult>;
  close(): Promise<void>;
}

async function startChild(platform: 'discord' | 'slack'): Promise<Child> {
  const { child, first, close } = await forkTsChild<{ ready: FakeInfo }>(fileURLToPath(new URL('./ack-fakes-child.ts', import.meta.url)), [platform], 'ack fake');
  return {
    child, info: first.ready, close,
    burst: (b) => new Promise((ok, fail) => {
      child.once('message', (m) => {
        const msg = m as { result?: BurstResult; error?: string };
        if (msg.result !== undefined) ok(msg.result);
        else fail(new Error(`ack fake failed: ${msg.error ?? 'no result'}`));
      });
      child.send({ burst: b });
    }),
  };
}

/** The real core over a throwaway store, with the digest `scale-news` in `workspace`. */
function realCore(workspace: string): { core: ChatCore; close(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'scale-ack-'));
  const store = openSqliteStore(join(dir, 'bot.db'));
  const digester = createConfiguredDigester(loadConfig({}).digest, silentLogger);
  const samples = resolve(fileURLToPath(new URL('../../../digests/samples', import.meta.url)));
  const def = digestDefinitionSchema.parse({ name: 'scale-news', title: 'Scale news', language: 'en', workspace, sources: [{ type: 'folder', name: 'samples', path: samples }] });
  const bot = createBot({
    store, http: { get: () => Promise.reject(new Error('no HTTP in the ack benchmark')) }, clock: { now: () => new Date() }, logger: silentLogger,
    digester, graceMs: 0, files: [{ def, dir: samples }], readFolder: (source) => readFolderSource(source.path),
    policy: { pollIntervalMs: 15 * 60_000, pauseAfterFailures: 5, newSourceItems: 3 }, pollTickMs: 0,
  });
  return {
    core: bot.core,
    async close() {
      await digester.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function summarize(options: AckOptions, result: BurstResult): AckResult {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const at = (q: number): number => Math.round((sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN) * 100) / 100;
  return {
    platform: options.platform, n: options.n, core: options.core ?? 'real', acked: result.latencies.length - result.failedAcks, replies: result.replies,
    medianMs: at(0.5), p99Ms: at(0.99), maxMs: at(1), raw: result,
  };
}

/** Runs one burst of `n` commands on one platform; see the module comment. */
export async function runAckBench(options: AckOptions): Promise<AckResult> {
  const fakes = await startChild(options.platform);
  try {
    if (fakes.info.platform === 'discord') {
      const info = fakes.info;
      const real = options.core === 'fake' ? null : realCore(`discord:${info.guildId}`);
      const adapter = await startDiscordAdapter({
        config: { token: 'scale-token', applicationId: info.applicationId, apiUrl: info.apiUrl },
        core: real?.core ?? createFakeChatCore(), logger: silentLogger, adminUserIds: [],
      });
      try {
        return summarize(options, await fakes.burst({ n: options.n, command: 'digest', options: { digest: 'scale-news' } }));
      } finally {
        await adapter.stop();
        await real?.close();
      }
    }
    const real = options.core === 'fake' ? null : realCore(`slack:${SLACK_TEAM}`);
    const adapter = await startSlackAdapter({
      config: { botToken: 'xoxb-test-token', mode: 'http', signingSecret: SIGNING_SECRET, appToken: null, port: 0, host: '127.0.0.1', apiUrl: fakes.info.apiUrl },
      core: real?.core ?? createFakeChatCore(), logger: silentLogger, adminUserIds: [], retry: { retries: 0 },
    });
    try {
      const eventsUrl = `http://127.0.0.1:${String(adapter.port ?? 0)}/slack/events`;
      return summarize(options, await fakes.burst({ n: options.n, eventsUrl, signingSecret: SIGNING_SECRET, text: 'scale-news' }));
    } finally {
      await adapter.stop();
      await real?.close();
    }
  } finally {
    await fakes.close();
  }
}
