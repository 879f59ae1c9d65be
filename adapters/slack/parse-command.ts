/**
 * Slack has one slash command, `/digest`; its text carries the catalog's
 * commands as subcommands (`/digest sources add <url> [name…]`). This file
 * turns that text into the catalog command and its argument words, and
 * builds the Slack help text from the catalog.
 *
 * Slack escapes the text when the command has `should_escape` on: URLs come
 * as `<https://…>` or `<https://…|label>`, channels as `<#C123|name>`, and
 * `&`, `<`, `>` as entities. Quotes (straight or curly) group words.
 */
import {
  COMMAND_CATALOG, DigestError, looksLikeTimeZone, type CommandSpec, type Message, type OptionSpec, type Result,
} from '../../src/index.ts';

/** The slash command Slack sends. */
export const SLACK_COMMAND = '/digest';

/** A parsed `/digest …`: the catalog command and its argument words (subcommand first, then option values in catalog order). */
export interface SlackCommandCall {
  command: string;
  args: string[];
  adminOnly: boolean;
}

type TokenKind = 'word' | 'url' | 'channel';

interface Token {
  kind: TokenKind;
  value: string;
  quoted: boolean;
}

const OPEN_QUOTES = new Set(['"', '“', '”', '„']);
const CLOSE_QUOTES = new Set(['"', '“', '”']);

function decodeEntities(text: string): string {
  return text.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&');
}

/** Reads one `<…>` form (link, channel, user or special mention) starting after the `<`. */
function bracketToken(inner: string): Token {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? null : decodeEntities(inner.slice(bar + 1));
  if (target.startsWith('#')) return { kind: 'channel', value: target.slice(1), quoted: false };
  if (target.startsWith('@')) return { kind: 'word', value: `@${label ?? target.slice(1)}`, quoted: false };
  if (target.startsWith('!')) return { kind: 'word', value: label ?? target, quoted: false };
  return { kind: 'url', value: decodeEntities(target), quoted: false };
}

function invalid(message: string): Result<never, DigestError> {
  return { ok: false, error: new DigestError('command/invalid', message) };
}

/** Splits Slack command text into tokens. */
function tokenize(text: string): Result<Token[], DigestError> {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (/\s/u.test(ch)) {
      i += 1;
    } else if (ch === '<') {
      const end = text.indexOf('>', i + 1);
      if (end < 0) return invalid('A "<" is not closed; leave it out or put the text in quotes.');
      tokens.push(bracketToken(text.slice(i + 1, end)));
      i = end + 1;
    } else if (OPEN_QUOTES.has(ch)) {
      let end = i + 1;
      while (end < text.length && !CLOSE_QUOTES.has(text[end] ?? '')) end += 1;
      if (end >= text.length) return invalid('A quote is not closed.');
      tokens.push({ kind: 'word', value: decodeEntities(text.slice(i + 1, end)), quoted: true });
      i = end + 1;
    } else {
      let end = i;
      while (end < text.length && !/[\s<]/u.test(text[end] ?? '')) end += 1;
      tokens.push({ kind: 'word', value: decodeEntities(text.slice(i, end)), quoted: false });
      i = end;
    }
  }
  return { ok: true, value: tokens };
}

/** `<url>`, `[name]`, `<query…>`: how an option is written in usage lines. */
function optionUsage(option: OptionSpec): string {
  const name = `${option.name}${option.rest === true ? '…' : ''}`;
  return option.required ? `<${name}>` : `[${name}]`;
}

/** The usage line of a command or subcommand, e.g. `/digest sources add <url> [name…]`. */
export function usageLine(command: CommandSpec, subcommand?: { name: string; options: readonly OptionSpec[] }): string {
  const words = [SLACK_COMMAND];
  if (command.name !== 'digest') words.push(command.name);
  if (subcommand !== undefined) words.push(subcommand.name);
  for (const option of subcommand?.options ?? command.options ?? []) words.push(optionUsage(option));
  return words.join(' ');
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const CRON_FIELDS = 5;
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/u;

/**
 * Reads the option values from `tokens`, in catalog order.
 * @returns the words for ChatRequest.args, or a user-facing error.
 */
function readOptions(options: readonly OptionSpec[], tokens: Token[], usage: string): Result<string[], DigestError> {
  const args: string[] = [];
  let at = 0;
  for (const [index, option] of options.entries()) {
    const left = tokens.slice(at);
    if (left.length === 0) {
      if (option.required) return invalid(`Missing ${option.name} (${option.description}). Usage: ${usage}`);
      continue;
    }
    if (option.rest === true) {
      args.push(left.map((t) => t.value).join(' '));
      at = tokens.length;
      continue;
    }
    const token = left[0] as Token;
    if (option.name === 'cron' && !token.quoted) {
      const fields = left.slice(0, CRON_FIELDS);
      const after = left[CRON_FIELDS];
      if (fields.length < CRON_FIELDS || fields.some((t) => t.quoted) || after === undefined || !looksLikeTimeZone(after.value)) {
        return invalid(`The cron needs 5 fields followed by the time zone, e.g. 30 7 * * 1-5 Europe/Berlin, or the cron in quotes: "30 7 * * 1-5" Europe/Berlin. Usage: ${usage}`);
      }
      args.push(fields.map((t) => t.value).join(' '));
      at += CRON_FIELDS;
      continue;
    }
    // An optional option is left out when the word is a choice of a later one ("schedule set … chart:on" without a channel).
    if (!option.required && options.slice(index + 1).some((o) => o.choices?.includes(token.value) === true)) continue;
    const value = optionValue(option, token, usage);
    if (!value.ok) return value;
    args.push(value.value);
    at += 1;
  }
  const extra = tokens.slice(at);
  if (extra.length > 0) return invalid(`Too many words: "${extra.map((t) => t.value).join(' ')}" is left over. Usage: ${usage}`);
  return { ok: true, value: args };
}

function optionValue(option: OptionSpec, token: Token, usage: string): Result<string, DigestError> {
  if (option.kind === 'url') {
    return isHttpUrl(token.value) ? { ok: true, value: token.value } : invalid(`"${token.value}" is not a web address; ${option.name} needs an http or https URL. Usage: ${usage}`);
  }
  if (option.name === 'channel') {
    if (token.kind === 'channel' || CHANNEL_ID.test(token.value)) return { ok: true, value: `slack:${token.value}` };
    return invalid(`"${token.value}" is not a channel; mention it with #, e.g. #general. Usage: ${usage}`);
  }
  if (option.choices !== undefined && !option.choices.includes(token.value)) {
    return invalid(`${option.name} must be one of ${option.choices.join(', ')}. Usage: ${usage}`);
  }
  return { ok: true, value: token.value };
}

/**
 * Parses the text of `/digest` (without the command itself) into a catalog
 * command: empty text or a digest name → `digest`; a catalog command name
 * first (`summarize`, `sources add`, …) → that command.
 * @returns the command and its args, or a `command/invalid` error whose message is for the user.
 */
export function parseDigestCommand(text: string, catalog: readonly CommandSpec[] = COMMAND_CATALOG): Result<SlackCommandCall, DigestError> {
  const tokenized = tokenize(text);
  if (!tokenized.ok) return tokenized;
  const tokens = tokenized.value;
  const head = tokens[0];
  const named = head === undefined || head.quoted ? undefined : catalog.find((c) => c.name !== 'digest' && c.name === head.value.toLowerCase());
  const command = named ?? catalog.find((c) => c.name === 'digest');
  if (command === undefined) return invalid(`Unknown command; try ${SLACK_COMMAND} help.`);
  const rest = named === undefined ? tokens : tokens.slice(1);
  if (command.subcommands === undefined) {
    const args = readOptions(command.options ?? [], rest, usageLine(command));
    if (!args.ok) {
      return named === undefined && rest.length > 1
        ? invalid(`"${rest[0]?.value ?? ''}" is not a command, and a digest name is one word. Try ${SLACK_COMMAND} help.`)
        : args;
    }
    return { ok: true, value: { command: command.name, args: args.value, adminOnly: command.adminOnly } };
  }
  const names = command.subcommands.map((s) => s.name).join(', ');
  const subToken = rest[0];
  if (subToken === undefined) return invalid(`${SLACK_COMMAND} ${command.name} needs one of: ${names}.`);
  const sub = command.subcommands.find((s) => s.name === subToken.value.toLowerCase());
  if (sub === undefined) return invalid(`${SLACK_COMMAND} ${command.name} has no "${subToken.value}"; use one of: ${names}.`);
  const args = readOptions(sub.options, rest.slice(1), usageLine(command, sub));
  if (!args.ok) return args;
  return { ok: true, value: { command: command.name, args: [sub.name, ...args.value], adminOnly: command.adminOnly } };
}

/** The help text for Slack, built from the catalog: one usage line per command or subcommand, admin-only ones apart. */
export function slackHelpMessage(catalog: readonly CommandSpec[] = COMMAND_CATALOG): Message {
  const everyone: string[] = [];
  const admins: string[] = [];
  for (const command of catalog) {
    const lines = command.adminOnly ? admins : everyone;
    if (command.subcommands === undefined) lines.push(`${usageLine(command)} — ${command.description}`);
    else for (const sub of command.subcommands) lines.push(`${usageLine(command, sub)} — ${sub.description}`);
  }
  return {
    title: `${SLACK_COMMAND} commands`,
    sections: [
      { heading: 'For everyone', lines: everyone },
      { heading: 'Workspace admins only', lines: admins },
      { heading: 'Notes', lines: ['A cron is 5 fields, bare or in quotes, followed by the time zone: 30 7 * * 1-5 Europe/Berlin.', 'Name a channel with #, e.g. #general; without one, this channel is used.'] },
    ],
    ephemeral: true,
  };
}
