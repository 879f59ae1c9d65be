/**
 * The Logger port on pino: JSON lines to stderr, or appended to a file. Log lines never go to stdout, where the
 * console bot's chat and the headless bot's digests are; and when the console bot runs on a terminal, where stderr
 * shows up in the same window as the chat, they go to a file under DATA_DIR unless LOG_FILE says otherwise.
 */
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import type { Logger } from '../src/index.ts';

export interface LogTarget {
  /** LOG_FILE, or null. */
  file: string | null;
  /** True for the console bot (the chat is this process's terminal). */
  console: boolean;
  /** Whether stdout and stderr are terminals (the same window, then). */
  stdoutIsTerminal: boolean;
  stderrIsTerminal: boolean;
  cwd: string;
  dataDir: string;
}

/** The file the log goes to (an absolute path), or null for stderr. */
export function logFileFor(target: LogTarget): string | null {
  if (target.file !== null) return resolve(target.cwd, target.file);
  if (target.console && target.stdoutIsTerminal && target.stderrIsTerminal) return join(resolve(target.cwd, target.dataDir), 'digestbot.log');
  return null;
}

/** @param file where the JSON lines are appended (folders created); null: stderr. @defaultValue null */
export function createPinoLogger(level: string, file: string | null = null): Logger {
  const destination = file === null ? pino.destination(2) : pino.destination({ dest: file, append: true, mkdir: true, sync: true });
  const log = pino({ level, base: { app: 'digestbot' } }, destination);
  return {
    debug: (msg, meta) => log.debug(meta ?? {}, msg),
    info: (msg, meta) => log.info(meta ?? {}, msg),
    warn: (msg, meta) => log.warn(meta ?? {}, msg),
    error: (msg, meta) => log.error(meta ?? {}, msg),
  };
}
