/**
 * The bot, platform-neutral: digest definitions, the source poll loop, the
 * schedules with their delivery ledger, and the commands behind ChatCore.
 * Adapters add a publisher per platform and feed chat requests to `core`.
 * One process, one store, one scheduler, whatever adapters run.
 */
import type { CommandSpec } from '../chat/catalog.ts';
import { COMMAND_CATALOG } from '../chat/catalog.ts';
import type { ChatCore, ChatRequest } from '../chat/core.ts';
import { dispatchRequest } from '../commands/dispatch.ts';
import { digestCommand, workspaceDigests } from '../commands/digest.ts';
import { figuresCommand, risksCommand } from '../commands/figures.ts';
import { helpCommand } from '../commands/help.ts';
import { scheduleOffCommand, scheduleSetCommand, scheduleShowCommand } from '../commands/schedule.ts';
import { audit, type CommandServices } from '../commands/services.ts';
import { sourcesAddCommand, sourcesListCommand, sourcesRemoveCommand } from '../commands/sources.ts';
import { summarizeCommand } from '../commands/summarize.ts';
import type { Command } from '../commands/types.ts';
import { buildDigest, type BuiltDigest, type FolderSource, type RawArticle } from '../digests/build-digest.ts';
import type { DigestDefinition } from '../digests/definition.ts';
import type { Digest } from '../engine/schema.ts';
import { DigestError, toDigestError } from '../errors.ts';
import { inProcessDigester, type ArticleDigester } from '../digesting/article-digester.ts';
import { digestBytes } from '../digesting/digest-articles.ts';
import type { Message, MessagePublisher } from '../messages/model.ts';
import { elapsedMs, noopMetrics, type BotMetrics } from '../metrics.ts';
import type { Clock, Logger } from '../ports.ts';
import { deliverRun } from '../schedule/deliver-run.ts';
import { createScheduler, type Scheduler } from '../schedule/scheduler.ts';
import type { HttpClient } from '../sources/http/client.ts';
import { pollSource, type PollPolicy } from '../polling/poll-source.ts';
import type { SourceRecord, Store } from '../store/port.ts';
import { commandLabel, commandProbe } from './command-outcome.ts';
import { createDefinitionRegistry, scheduleId, type DefinitionRegistry } from '../digests/definition-registry.ts';
import { singleFlight } from './single-flight.ts';

/** Where (in the store's bot state) the bot notes when it was last running, and how often. */
export const ALIVE_KEY = 'alive_at';
const ALIVE_EVERY_MS = 60_000;
/** Where the bot notes its very first start: no run before it was ever missed. */
const FIRST_START_KEY = 'first_started_at';

/** Bump when the engine's output changes, so cached digests are rebuilt. */
export const ENGINE_VERSION = '0.2.1';

export interface BotOptions {
  store: Store;
  http: HttpClient;
  clock: Clock;
  logger: Logger;
  policy: PollPolicy;
  /** Missed runs younger than this are posted late at start. */
  graceMs: number;
  /** Definitions from digests/ with their folders. */
  files: readonly { def: DigestDefinition; dir: string }[];
  /** Reads a folder source, its path resolved against the definition's folder. */
  readFolder(source: FolderSource, dir: string | null): Promise<RawArticle[]>;
  /** @defaultValue ENGINE_VERSION */
  engineVersion?: string;
  /** Sleep between delivery attempts. @defaultValue setTimeout */
  sleep?(ms: number): Promise<void>;
  /** How often the poll loop looks for due sources, in ms; 0 turns the loop off. @defaultValue 60000 */
  pollTickMs?: number;
  /** Sources polled at once by the loop. @defaultValue 4 */
  pollConcurrency?: number;
  /** Told about fetches, posts, failed deliveries and commands. @defaultValue noopMetrics */
  metrics?: BotMetrics;
  /** Runs the engine; its owner closes it after stop(). @defaultValue inProcessDigester (on the event loop) */
  digester?: ArticleDigester;
}

export interface Bot {
  core: ChatCore;
  definitions: DefinitionRegistry;
  /** Routes scheduled posts for channels `platform:*` to a publisher. Call before start(). */
  addPublisher(platform: string, publisher: MessagePublisher): void;
  /** Catches up on missed runs, starts the schedules and the poll loop. Resolves with the late runs posted. */
  start(): Promise<number>;
  stop(): Promise<void>;
  build(def: DigestDefinition): Promise<BuiltDigest>;
  /** Polls every due source once (the loop's tick). Resolves with the number polled. */
  pollDue(): Promise<number>;
  /** Whether the bot is started (schedules running) and not stopped. */
  isRunning(): boolean;
}

const COMMANDS: Command<CommandServices>[] = [];
COMMANDS.push(...([
  digestCommand, summarizeCommand, figuresCommand, risksCommand,
  sourcesAddCommand, sourcesRemoveCommand, sourcesListCommand,
  scheduleSetCommand, scheduleShowCommand, scheduleOffCommand,
  // Each command validates its own arguments; the list erases their argument types.
] as unknown as Command<CommandServices>[]), helpCommand<CommandServices>(() => COMMANDS));

/** Runs `fn` over the items, `size` at a time; one item's failure is logged and never stops the others. */
async function inBatches<T>(items: readonly T[], size: number, fn: (item: T) => Promise<void>, logger: Logger): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      if (item === undefined) continue;
      try {
        await fn(item);
      } catch (err) {
        logger.error('batch item failed', { err: err instanceof Error ? err.message : String(err) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

export function createBot(options: BotOptions): Bot {
  const { store, clock, logger } = options;
  const metrics = options.metrics ?? noopMetrics;
  const engineVersion = options.engineVersion ?? ENGINE_VERSION;
  const definitions = createDefinitionRegistry(store, options.files, logger);
  const publishers = new Map<string, MessagePublisher>();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const digester = options.digester ?? inProcessDigester;
  const pollDeps = { store, http: options.http, clock, logger, engineVersion, digester, policy: options.policy, metrics };
  let scheduler: Scheduler | null = null;
  /** The start-up catch-up's window while it runs: a scheduler replaced during it (a /schedule change) is cut short, its successor finishes it. */
  let catchingUpSince: Date | null = null;
  let pollTimer: NodeJS.Timeout | null = null;
  let aliveTimer: NodeJS.Timeout | null = null;
  let running = false;
  const markAlive = (): void => store.state.set(ALIVE_KEY, clock.now().toISOString());
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn);
    chain = next.catch(() => undefined);
    return next;
  };
  let polling: Promise<number> | null = null;

  const refresh = async (sources: readonly SourceRecord[]): Promise<void> => {
    await inBatches(sources, options.pollConcurrency ?? 4, async (s) => { await pollSource(pollDeps, s); }, logger);
  };
  // Concurrent builds of the same definition share one build (a burst of /digest, a run due at the same time).
  const build = singleFlight((def: DigestDefinition) => JSON.stringify(def), (def): Promise<BuiltDigest> => buildDigest({
    store, clock, logger, engineVersion, digester, refresh,
    readFolder: (source) => options.readFolder(source, definitions.get(def.workspace, def.name)?.dir ?? null),
  }, def));

  const publisher: MessagePublisher = {
    publish(channel, message, key) {
      const target = publishers.get(channel.split(':')[0] ?? '');
      if (target === undefined) throw new DigestError('publish/channel-missing', `no ${channel.split(':')[0] ?? '?'} adapter is running for ${channel}`);
      return target.publish(channel, message, key);
    },
  };

  const scheduled = (): DigestDefinition[] => definitions.list().map((d) => d.def).filter((d) => d.schedule !== undefined);
  const findScheduled = (id: string): DigestDefinition | undefined => scheduled().find((d) => scheduleId(d) === id);

  const makeScheduler = (missedSince: Date | null = null): Scheduler => createScheduler({
    ledger: store.ledger, clock, logger, graceMs: options.graceMs, missedSince,
    deliver: (run) => deliverRun({
      ledger: store.ledger, publisher, clock, logger, sleep, metrics,
      onPermanentFailure(failed, error) {
        const def = findScheduled(failed.digest);
        store.audit.append({
          workspaceId: def?.workspace ?? 'console:local', actor: 'bot', action: 'delivery.failed', target: failed.channel,
          details: `${def?.name ?? failed.digest}: ${error.message}`, at: clock.now().toISOString(),
        });
      },
      async buildMessage(run): Promise<Message> {
        const def = findScheduled(run.digest);
        if (def === undefined) throw new DigestError('schedule/invalid', `digest ${run.digest} is no longer scheduled`);
        const { message } = await build(def);
        return run.late ? { ...message, subtitle: `${message.subtitle ?? ''} · late: scheduled for ${run.scheduledFor.toISOString()}` } : message;
      },
    }, run),
  }, scheduled().map((def) => ({
    digest: scheduleId(def), cron: def.schedule?.cron ?? '', timezone: def.schedule?.timezone ?? 'UTC', channels: def.channels,
  })));

  const services: CommandServices = {
    store, http: options.http, clock, logger, engineVersion, digester, policy: options.policy, definitions, build, metrics,
    async channelWorkspace(channel) {
      const target = publishers.get(channel.split(':')[0] ?? '');
      return target?.workspaceOf === undefined ? undefined : target.workspaceOf(channel);
    },
    async folderDigests(workspaceId) {
      const out: Digest[] = [];
      for (const { def, dir } of definitions.list(workspaceId)) {
        for (const source of def.sources) {
          if (source.type !== 'folder') continue;
          const raws = await options.readFolder(source, dir).catch((err: unknown) => {
            logger.warn('folder source unreadable', { digest: def.name, folder: source.name, code: toDigestError(err).code, err });
            return [];
          });
          for (const raw of raws) {
            try {
              out.push((await digestBytes({ store, clock, engineVersion, digester }, { ...raw, url: raw.url ?? undefined })).digest);
            } catch (err) {
              logger.info('folder article skipped', { article: raw.name, code: err instanceof DigestError ? err.code : 'unknown' });
            }
          }
        }
      }
      return out;
    },
    schedulesChanged() {
      // Scheduler changes run one after another, so a change during start-up never leaves an old task behind.
      return serial(async () => {
        if (scheduler === null) return;
        await scheduler.stop();
        scheduler = makeScheduler(catchingUpSince);
        await scheduler.start({ catchUp: false });
      });
    },
  };

  const pollDue = async (): Promise<number> => {
    if (polling !== null) return polling;
    polling = (async () => {
      const due = store.sources.all().filter((s) => s.pausedReason === null);
      let polled = 0;
      await inBatches(due, options.pollConcurrency ?? 4, async (s) => {
        const outcome = await pollSource(pollDeps, s);
        if (outcome.status !== 'skipped') polled++;
      }, logger);
      return polled;
    })().finally(() => { polling = null; });
    return polling;
  };

  const core: ChatCore = {
    catalog: COMMAND_CATALOG as readonly CommandSpec[],
    async run(request: ChatRequest) {
      const started = clock.now();
      const ctx = { workspaceId: request.workspaceId, userId: request.userId, isAdmin: request.isAdmin, channelId: request.channelId };
      store.workspaces.upsert({ id: request.workspaceId, name: request.workspaceId }, started.toISOString());
      const name = request.command.toLowerCase();
      const probe = commandProbe(COMMANDS);
      const reply = await dispatchRequest(probe.commands, {
        ...services,
        onRefused: (c, command) => {
          probe.refused();
          audit(services, c, 'refused', command);
        },
      }, ctx, name, request.args);
      metrics.commandFinished({ command: commandLabel(COMMANDS, name, request.args), durationMs: elapsedMs(clock, started), outcome: probe.outcome() });
      return reply;
    },
    complete(workspaceId, kind, prefix) {
      const names = kind === 'digest'
        ? workspaceDigests(services, workspaceId).map((d) => d.name)
        : store.sources.list(workspaceId).map((s) => s.name);
      const p = prefix.toLowerCase();
      return Promise.resolve(names.filter((n) => n.toLowerCase().startsWith(p)).slice(0, 25));
    },
  };

  return {
    core, definitions, build, pollDue,
    isRunning: () => running,
    addPublisher(platform, p) {
      publishers.set(platform, p);
    },
    async start() {
      // Runs are "missed" only while the bot was down: from its last sign of life (minus one beat), never
      // before its first start, so a fresh install or a new schedule posts nothing late. The sign of life is
      // renewed only after the catch-up, so a process that dies during it leaves the window where it was.
      const aliveAt = store.state.get(ALIVE_KEY);
      let firstStart = store.state.get(FIRST_START_KEY);
      if (firstStart === null && aliveAt === null) {
        firstStart = clock.now().toISOString();
        store.state.set(FIRST_START_KEY, firstStart);
      }
      const missedSince = new Date(Math.max(
        firstStart === null ? -Infinity : Date.parse(firstStart),
        aliveAt === null ? -Infinity : Date.parse(aliveAt) - 2 * ALIVE_EVERY_MS,
      ));
      const started = makeScheduler(missedSince);
      catchingUpSince = missedSince;
      await serial(async () => {
        scheduler = started;
        await started.start({ catchUp: false });
      });
      running = true;
      // Catch-up outside the chain: it may take minutes, and schedule changes must not wait for it.
      let late = await started.catchUp();
      for (let current = started; running && scheduler !== null && scheduler !== current;) {
        current = scheduler;
        late += await current.catchUp();
      }
      catchingUpSince = null;
      if (running) {
        markAlive();
        aliveTimer = setInterval(markAlive, ALIVE_EVERY_MS);
        aliveTimer.unref();
      }
      const tick = options.pollTickMs ?? 60_000;
      if (tick > 0) {
        pollTimer = setInterval(() => {
          pollDue().catch((err: unknown) => logger.error('poll loop failed', { err: String(err) }));
        }, tick);
        pollTimer.unref();
      }
      return late;
    },
    async stop() {
      running = false;
      if (pollTimer !== null) clearInterval(pollTimer);
      if (aliveTimer !== null) {
        clearInterval(aliveTimer);
        markAlive();
      }
      pollTimer = null;
      aliveTimer = null;
      await polling?.catch(() => 0);
      await serial(async () => {
        await scheduler?.stop();
        scheduler = null;
      });
    },
  };
}
