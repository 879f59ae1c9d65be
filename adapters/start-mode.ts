/**
 * How `digestbot start` runs: on the configured chat platforms; in the console when someone can type (a terminal)
 * or commands are piped in; headless when HEADLESS is set. With none of these (no tokens, standard input /dev/null
 * or closed, as under systemd or `docker run -d`) the bot refuses to start and says why, so a service manager sees
 * a failure instead of a bot that quietly exits 0 and restarts forever.
 */
import { fstatSync } from 'node:fs';
import { isatty } from 'node:tty';
import { DigestError } from '../src/index.ts';

/** What standard input is: a terminal, something that can carry commands (pipe, file, socket), or nothing to read. */
export type StdinKind = 'terminal' | 'input' | 'none';

export type StartMode = 'platforms' | 'console' | 'headless';

/** Standard input of this process (fd 0) by its file type; /dev/null and a closed descriptor are 'none'. */
export function stdinKind(fd = 0): StdinKind {
  if (isatty(fd)) return 'terminal';
  try {
    const stat = fstatSync(fd);
    return stat.isFIFO() || stat.isFile() || stat.isSocket() ? 'input' : 'none';
  } catch {
    // EBADF: no standard input at all (started with fd 0 closed).
    return 'none';
  }
}

export const NO_CHAT_MESSAGE = [
  'no chat platform is configured and there is no terminal to run the console in (standard input is empty).',
  'Set DISCORD_TOKEN and DISCORD_APPLICATION_ID, or SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN',
  '(in the environment or the .env file), or HEADLESS=true to run only the schedules, polling and METRICS_PORT.',
].join('\n');

/**
 * Picks the mode. Platforms win when configured (HEADLESS is then ignored: the tokens say chat is wanted).
 * @throws DigestError `config/no-chat` when there is no platform, no HEADLESS and nothing to read commands from.
 */
export function chooseStartMode(options: { platformConfigured: boolean; headless: boolean; stdin: StdinKind }): StartMode {
  if (options.platformConfigured) return 'platforms';
  if (options.headless) return 'headless';
  if (options.stdin !== 'none') return 'console';
  throw new DigestError('config/no-chat', NO_CHAT_MESSAGE);
}
