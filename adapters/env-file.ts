/**
 * The `.env` file read at start (README "Setup (.env)"): `.env` in the working directory, or the file ENV_FILE names.
 * Node's own parser (`util.parseEnv`, the one behind `--env-file`) reads the values; a check before it refuses lines
 * that parser would silently drop (no `KEY=`, an unclosed quote), naming the line. The process environment wins
 * over the file: a key set in both keeps the process's value, so a deployment's settings are never overridden.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { DigestError } from '../src/index.ts';

const ASSIGNMENT = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*=\s*(.*)$/u;
const QUOTES = new Set(['"', "'", '`']);

/** The quote a value opens and does not close on its own line, or null. */
function openQuote(value: string): string | null {
  const quote = value[0];
  if (quote === undefined || !QUOTES.has(quote)) return null;
  return value.indexOf(quote, 1) === -1 ? quote : null;
}

/** Problems of an env file's text, each naming its line; empty when every line is a comment, blank or `KEY=value`. */
export function envFileProblems(text: string): string[] {
  const problems: string[] = [];
  let open: { quote: string; line: number } | null = null;
  for (const [i, raw] of text.split(/\r?\n/u).entries()) {
    if (open !== null) {
      if (raw.includes(open.quote)) open = null;
      continue;
    }
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = ASSIGNMENT.exec(raw);
    if (match === null) {
      problems.push(`line ${String(i + 1)}: expected KEY=value, got "${line.slice(0, 60)}"`);
      continue;
    }
    const quote = openQuote((match[1] ?? '').trim());
    if (quote !== null) open = { quote, line: i + 1 };
  }
  if (open !== null) problems.push(`line ${String(open.line)}: the quoted value is never closed`);
  return problems;
}

export interface EnvFileOptions {
  /** The working directory `.env` and a relative ENV_FILE are found in. */
  cwd: string;
  /** The process environment: ENV_FILE is read from it, and its keys win over the file's. */
  env: Record<string, string | undefined>;
}

/**
 * The environment the configuration is read from: the file's keys under the process's.
 * A missing `.env` is fine (nothing added); a missing ENV_FILE, an unreadable or a malformed file is not.
 * @throws DigestError `config/env-file` naming the file and every bad line.
 */
export function environmentWithEnvFile(options: EnvFileOptions): Record<string, string | undefined> {
  const named = options.env['ENV_FILE']?.trim() ?? '';
  const path = resolve(options.cwd, named === '' ? '.env' : named);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && named === '') return options.env;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String((err as Error).message);
    throw new DigestError('config/env-file', `cannot read the env file ${path} (ENV_FILE): ${why}`, { cause: err });
  }
  const problems = envFileProblems(text);
  if (problems.length > 0) {
    throw new DigestError('config/env-file', `malformed env file ${path}:\n${problems.map((p) => `  ✖ ${p}`).join('\n')}`);
  }
  const fromFile = parseEnv(text) as Record<string, string | undefined>;
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [key, value] of Object.entries(options.env)) if (value !== undefined) merged[key] = value;
  return merged;
}
