/**
 * The bot in console mode: no tokens, no servers. SQLite under DATA_DIR, the
 * digest definitions in digests/, their schedules running, and a prompt that
 * takes the same slash commands as the chat platforms. The digests are shown
 * once at start; scheduled runs print when due (missed ones, late). Ends when
 * stdin ends or on /quit.
 */
import { createInterface } from 'node:readline';
import { dirname, join, resolve } from 'node:path';
import {
  buildDigest, createScheduler, deliverRun, digestCommand, dispatchCommand, fetchDocument, createConfiguredHttpClient, helpCommand, loadDigestDefinitions,
  openSqliteStore, readFolderSource, systemClock,
  type BuildDigestDeps, type Command, type Config, type DigestCommandDeps, type DigestDefinition, type Logger,
  type MessagePublisher, type RawArticle, type SourceDefinition,
} from '../../src/index.ts';
import { writeLine, type CliIo } from '../cli/io.ts';
import { renderMessageText } from './render-message.ts';

/** Bump when the engine's output changes, so cached digests are rebuilt. */
const ENGINE_VERSION = '0.1.0';
const WORKSPACE = 'console:local';

export interface ConsoleBotContext {
  projectRoot: string;
  config: Config;
  logger: Logger;
}

export async function runConsoleBot(io: CliIo & { stdin: NodeJS.ReadableStream }, ctx: ConsoleBotContext): Promise<number> {
  const loaded = await loadDigestDefinitions(resolve(ctx.projectRoot, 'digests'));
  const definitions: { def: DigestDefinition; dir: string }[] = [];
  for (const item of loaded) {
    if (item.ok) definitions.push({ def: item.value.definition, dir: dirname(item.value.file) });
    else await writeLine(io.stderr, `error: ${item.error.message}`);
  }
  const store = openSqliteStore(join(resolve(io.cwd, ctx.config.store.dataDir), 'digestbot.sqlite'));
  store.workspaces.upsert({ id: WORKSPACE, name: 'Console' }, systemClock.now().toISOString());
  const http = createConfiguredHttpClient(ctx.config.fetch);
  const dirOf = new Map(definitions.map(({ def, dir }) => [def.name, dir]));
  const build = (def: DigestDefinition): BuildDigestDeps => ({
    store, workspaceId: WORKSPACE, clock: systemClock, logger: ctx.logger, engineVersion: ENGINE_VERSION,
    async readSource(source: SourceDefinition): Promise<RawArticle[]> {
      if (source.type === 'folder') return readFolderSource(resolve(dirOf.get(def.name) ?? ctx.projectRoot, source.path));
      const page = await fetchDocument(http, source.url);
      return [{ name: source.url, url: page.url, bytes: page.bytes, contentType: page.contentType }];
    },
  });
  const publisher: MessagePublisher = {
    async publish(channel, message) {
      await writeLine(io.stdout, `\n[${channel}]\n${renderMessageText(message)}`);
      return { ref: null };
    },
  };
  const byName = (name: string): DigestDefinition | undefined => definitions.find((d) => d.def.name === name)?.def;
  const scheduler = createScheduler({
    ledger: store.ledger, clock: systemClock, logger: ctx.logger, graceMs: ctx.config.schedule.graceMs,
    deliver: (run) => deliverRun({
      ledger: store.ledger, publisher, clock: systemClock, logger: ctx.logger,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      async buildMessage(key) {
        const def = byName(key.digest);
        if (def === undefined) throw new Error(`digest ${key.digest} is no longer defined`);
        const { message } = await buildDigest(build(def), def);
        return key.late ? { ...message, subtitle: `${message.subtitle ?? ''} · late: scheduled for ${key.scheduledFor.toISOString()}` } : message;
      },
    }, run),
  }, definitions.flatMap(({ def }) => (def.schedule === undefined ? [] : [{
    digest: def.name, cron: def.schedule.cron, timezone: def.schedule.timezone,
    channels: def.channels.filter((c) => c.startsWith('console:')),
  }])));

  type Deps = DigestCommandDeps;
  const commands: Command<Deps>[] = [];
  // Each command validates its own arguments; the list erases their argument types.
  commands.push(digestCommand as unknown as Command<Deps>, helpCommand<Deps>(() => commands));
  const deps = { definitions: () => definitions.map((d) => d.def), logger: ctx.logger, build };

  for (const { def } of definitions) {
    const { message } = await buildDigest(build(def), def);
    await writeLine(io.stdout, renderMessageText(message));
  }
  await scheduler.start();
  const when = definitions.map(({ def }) => (def.schedule ? `${def.name}: ${def.schedule.cron} (${def.schedule.timezone})` : `${def.name}: on demand`)).join('; ');
  await writeLine(io.stdout, `\ndigestbot console · schedules: ${when} · type /help, /digest, /quit`);

  const rl = createInterface({ input: io.stdin, terminal: false });
  for await (const line of rl) {
    const text = line.trim();
    if (text === '') continue;
    if (text === '/quit' || text === '/exit') break;
    const reply = await dispatchCommand(commands, deps, { workspaceId: WORKSPACE, userId: 'console', isAdmin: true }, text);
    await writeLine(io.stdout, renderMessageText(reply));
  }
  rl.close();
  await scheduler.stop();
  store.close();
  return 0;
}
