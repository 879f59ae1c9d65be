/**
 * The bot in console mode: no tokens, no servers. The shared runtime (SQLite
 * under DATA_DIR, the digests in digests/, schedules and the poll loop) with
 * a terminal as the chat: the console workspace's digests are shown at start,
 * scheduled runs print when due (missed ones, late), and the prompt takes the
 * same slash commands as the chat platforms. Ends when stdin ends or on /quit.
 * A digest's key-figures chart (definitions with "chart": true) is saved as a
 * PNG under the chart directory and its path printed.
 */
import { createInterface } from 'node:readline';
import { OWN_SLASH, parseCommandText, type Bot, type Message, type MessagePublisher } from '../../src/index.ts';
import { writeLine, type CliIo } from '../cli/io.ts';
import type { Runtime } from '../runtime.ts';
import { renderMessageText } from './render-message.ts';
import { chartLine } from './save-chart.ts';

export const CONSOLE_WORKSPACE = 'console:local';
const CONSOLE_CHANNEL = 'console:main';

/** A message as console text, with the path of its saved chart when it has one. */
async function consoleText(message: Message, chartDir: string | null): Promise<string> {
  const line = await chartLine(chartDir, message.image);
  return line === null ? renderMessageText(message) : `${renderMessageText(message)}\n${line}`;
}

/** Prints posted messages; charts go to `chartDir` as PNG files. @param chartDir @defaultValue null (charts are not saved) */
export function consolePublisher(out: NodeJS.WritableStream, chartDir: string | null = null): MessagePublisher {
  return {
    async publish(channel, message) {
      await writeLine(out, `\n[${channel}]\n${await consoleText(message, chartDir)}`);
      return { ref: null };
    },
  };
}

/**
 * Runs one typed line as a console user (an admin: the console belongs to whoever runs it). The line is read by
 * the core's command-line parser (Slack's too); the leading slash may be left out (`sources list`).
 */
export async function runConsoleLine(bot: Bot, text: string): Promise<Message> {
  const parsed = parseCommandText(text, bot.core.catalog, 'console', OWN_SLASH);
  if (!parsed.ok) return { title: 'Not understood', sections: [{ lines: [parsed.error.message] }], ephemeral: true };
  return bot.core.run({
    workspaceId: CONSOLE_WORKSPACE, userId: 'console:operator', isAdmin: true, channelId: CONSOLE_CHANNEL,
    command: parsed.value.command, args: parsed.value.args,
  });
}

export interface ConsoleBotOptions {
  /** Where digests' charts are saved (e.g. `<DATA_DIR>/charts`). @defaultValue null (not saved; a note is printed) */
  chartDir?: string | null;
}

export async function runConsoleBot(io: CliIo & { stdin: NodeJS.ReadableStream }, runtime: Runtime, options: ConsoleBotOptions = {}): Promise<number> {
  const { bot } = runtime;
  const chartDir = options.chartDir ?? null;
  for (const error of runtime.definitionErrors) await writeLine(io.stderr, `error: ${error}`);
  bot.addPublisher('console', consolePublisher(io.stdout, chartDir));
  const listed = await bot.definitions.list(CONSOLE_WORKSPACE);
  const defs = listed.map((d) => d.def);
  // While only the samples are there, the empty default digest is not shown at start.
  const shown = listed.some((d) => d.def.sample) ? listed.filter((d) => d.origin !== 'default').map((d) => d.def) : defs;
  for (const def of shown) {
    const { message } = await bot.build(def);
    await writeLine(io.stdout, await consoleText(message, chartDir));
  }
  await bot.start();
  const when = defs.map((def) => (def.schedule ? `${def.name}: ${def.schedule.cron} (${def.schedule.timezone})` : `${def.name}: on demand`)).join('; ');
  await writeLine(io.stdout, `\ndigestbot console · schedules: ${when || 'none'} · type /help, /digest, /sources add <url>, /quit`);

  const rl = createInterface({ input: io.stdin, terminal: false });
  for await (const line of rl) {
    const text = line.trim();
    if (text === '') continue;
    if (text === '/quit' || text === '/exit') break;
    await writeLine(io.stdout, renderMessageText(await runConsoleLine(bot, text)));
  }
  rl.close();
  await runtime.close();
  return 0;
}
