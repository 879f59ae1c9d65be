/**
 * The one parser for typed command text, shared by the console and Slack: words (quotes, straight or curly,
 * group them; Slack's `<https://…|label>`, `<#C1|name>` forms and `&amp;` entities are read), the command and
 * subcommand, then one value per catalog option, each checked by its kind (`option-kinds.ts`). Discord's typed
 * options go through the same option reading in the dispatcher (`readOptions`).
 */
import { DigestError, type Result } from '../errors.ts';
import { nearNames } from '../format/near-names.ts';
import { isTimeZone } from '../digests/definition.ts';
import { findSpec, type CommandSpec, type OptionSpec } from './catalog.ts';
import { checkOption, echoArg } from './option-kinds.ts';
import { commandHead, exampleLine, usageLine, type CommandStyle } from './usage.ts';

export interface Token {
  kind: 'word' | 'url' | 'channel';
  value: string;
  /** Quoted words are one value as typed: never a command name, never split into cron fields. */
  quoted: boolean;
}

/** A parsed command line: the catalog command and its argument words (subcommand first, then option values in catalog order). */
export interface ParsedCommand {
  command: string;
  args: string[];
  adminOnly: boolean;
}

const OPEN_QUOTES = new Set(['"', '“', '”', '„']);
const CLOSE_QUOTES = new Set(['"', '“', '”']);

function invalid(message: string): { ok: false; error: DigestError } {
  return { ok: false, error: new DigestError('command/invalid', message) };
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&');
}

/** Reads one `<…>` form (link, channel, user or special mention). */
function bracketToken(inner: string): Token {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? null : decodeEntities(inner.slice(bar + 1));
  if (target.startsWith('#')) return { kind: 'channel', value: target.slice(1), quoted: false };
  if (target.startsWith('@')) return { kind: 'word', value: `@${label ?? target.slice(1)}`, quoted: false };
  if (target.startsWith('!')) return { kind: 'word', value: label ?? target, quoted: false };
  return { kind: 'url', value: decodeEntities(target), quoted: false };
}

/** Where the token starting at `i` ends, and the token. */
function nextToken(text: string, i: number): Result<{ end: number; token: Token | null }, DigestError> {
  const ch = text[i] ?? '';
  if (/\s/u.test(ch)) return { ok: true, value: { end: i + 1, token: null } };
  if (ch === '<') {
    const end = text.indexOf('>', i + 1);
    if (end < 0) return invalid('A "<" is not closed; leave it out or put the text in quotes.');
    return { ok: true, value: { end: end + 1, token: bracketToken(text.slice(i + 1, end)) } };
  }
  if (OPEN_QUOTES.has(ch)) {
    let end = i + 1;
    while (end < text.length && !CLOSE_QUOTES.has(text[end] ?? '')) end += 1;
    if (end >= text.length) return invalid('A quote is not closed.');
    return { ok: true, value: { end: end + 1, token: { kind: 'word', value: decodeEntities(text.slice(i + 1, end)), quoted: true } } };
  }
  // A single quote groups words only when it opens a word and is closed ('my channel'); Moody's stays a word.
  const single = ch === '\'' ? text.indexOf('\'', i + 1) : -1;
  if (single > 0) return { ok: true, value: { end: single + 1, token: { kind: 'word', value: decodeEntities(text.slice(i + 1, single)), quoted: true } } };
  let end = i;
  while (end < text.length && !/[\s<]/u.test(text[end] ?? '')) end += 1;
  return { ok: true, value: { end, token: { kind: 'word', value: decodeEntities(text.slice(i, end)), quoted: false } } };
}

/** Splits command text into tokens. */
export function tokenize(text: string): Result<Token[], DigestError> {
  const tokens: Token[] = [];
  for (let i = 0; i < text.length;) {
    const next = nextToken(text, i);
    if (!next.ok) return next;
    if (next.value.token !== null) tokens.push(next.value.token);
    i = next.value.end;
  }
  return { ok: true, value: tokens };
}

/**
 * Whether a bare word after a cron's fields is its time zone: an IANA zone with a slash (Europe/Berlin) or UTC
 * (any case), that the runtime knows. The one guess for every typed command line.
 */
export function looksLikeTimeZone(word: string): boolean {
  return (word.includes('/') || word.toUpperCase() === 'UTC') && isTimeZone(word);
}

/** Where a command's options are read, for the replies. */
export interface OptionContext {
  platform: string;
  style: CommandStyle;
  command: string;
  sub?: string | undefined;
}

function missingMessage(option: OptionSpec, options: readonly OptionSpec[], at: OptionContext): string {
  const head = commandHead(at.style, at.command, at.sub);
  const example = exampleLine(at.style, at.command, at.sub, options);
  return `${head} needs ${option.missing ?? `its ${option.name} (${option.description})`}${example === null ? '' : `, e.g. ${example}`}.`;
}

const CRON_HINT = 'The cron needs 5 fields followed by the time zone, e.g. 30 7 * * 1-5 Europe/Berlin, or the cron in quotes: "30 7 * * 1-5" Europe/Berlin.';

/** The value of one option from the tokens left: how many tokens it takes, and the raw text, or a reason. */
function take(option: OptionSpec, last: boolean, left: readonly Token[]): Result<{ used: number; raw: string }, string> {
  const first = left[0] as Token;
  if (option.rest === true && last) return { ok: true, value: { used: left.length, raw: left.map((t) => t.value).join(' ') } };
  if (option.kind === 'cron' && !first.quoted) {
    const zone = left.findIndex((t) => !t.quoted && looksLikeTimeZone(t.value));
    if (zone < 1) return { ok: false, error: CRON_HINT };
    return { ok: true, value: { used: zone, raw: left.slice(0, zone).map((t) => t.value).join(' ') } };
  }
  return { ok: true, value: { used: 1, raw: first.value } };
}

/** The prefix every choice of an option shares up to a colon (`chart:` of chart:on|chart:off), or null. */
function choicePrefix(option: OptionSpec): string | null {
  const first = option.choices?.[0];
  if (first === undefined || !first.includes(':')) return null;
  const prefix = first.slice(0, first.indexOf(':') + 1).toLowerCase();
  return option.choices?.every((c) => c.toLowerCase().startsWith(prefix)) === true ? prefix : null;
}

/**
 * The optional option a word is for: the one it is a choice of (or whose choice prefix it has), else the first
 * empty free-form one (else the filled one: two given), else the first one still empty (whose check then says what it takes).
 */
function flagFor(flags: readonly { option: OptionSpec; index: number }[], word: string, values: readonly (string | undefined)[]): { option: OptionSpec; index: number } | undefined {
  const w = word.toLowerCase();
  return flags.find((f) => f.option.choices?.some((c) => c.toLowerCase() === w) === true)
    ?? flags.find((f) => { const prefix = choicePrefix(f.option); return prefix !== null && w.startsWith(prefix); })
    ?? flags.find((f) => f.option.choices === undefined && values[f.index] === undefined)
    ?? flags.find((f) => f.option.choices === undefined)
    ?? flags.find((f) => values[f.index] === undefined);
}

/**
 * The trailing optional options, taken in any order (`#markets chart:on` or `chart:on #markets`): each word goes
 * to the option it is a choice of, else to the free-form one. Fills `values`; a reason when a word fits nowhere.
 */
function readFlags(options: readonly OptionSpec[], from: number, tokens: readonly Token[], at: OptionContext, values: (string | undefined)[]): string | null {
  const flags = options.map((option, index) => ({ option, index })).slice(from);
  for (const token of tokens) {
    const flag = flagFor(flags, token.value, values);
    if (flag === undefined) return `Too many words: "${echoArg(tokens.map((t) => t.value).join(' '))}" is left over.`;
    const before = values[flag.index];
    if (before !== undefined) {
      return flags.length > 1 ? `two ${flag.option.name}s given ("${echoArg(before)}", "${echoArg(token.value)}").` : `Too many words: "${echoArg(token.value)}" is left over.`;
    }
    const checked = checkOption(flag.option, token.value, at.platform);
    if (!checked.ok) return `${checked.error}.`;
    values[flag.index] = checked.value;
  }
  return null;
}

/**
 * Reads the option values from `tokens` in catalog order, each checked by its kind; the trailing optional
 * options (unless one takes the rest of the line) in any order.
 * @returns one value per option in catalog order (undefined for a left-out optional one), or a reason for the user.
 */
export function readOptions(options: readonly OptionSpec[], tokens: readonly Token[], at: OptionContext): Result<(string | undefined)[], DigestError> {
  const usage = (): string => {
    const spec: CommandSpec = { name: at.command, description: '', adminOnly: false, options };
    return usageLine(at.style, spec, at.sub === undefined ? undefined : { name: at.sub, description: '', options });
  };
  const values: (string | undefined)[] = options.map(() => undefined);
  let i = 0;
  for (const [index, option] of options.entries()) {
    if (!option.required && options.slice(index).every((o) => !o.required && o.rest !== true)) {
      const reason = readFlags(options, index, tokens.slice(i), at, values);
      return reason === null ? { ok: true, value: values } : invalid(`${reason} Usage: ${usage()}`);
    }
    if (i >= tokens.length) {
      if (option.required) return invalid(`${missingMessage(option, options, at)} Usage: ${usage()}`);
      continue;
    }
    const taken = take(option, index === options.length - 1, tokens.slice(i));
    if (!taken.ok) return invalid(`${taken.error} Usage: ${usage()}`);
    const checked = checkOption(option, taken.value.raw, at.platform);
    if (!checked.ok) return invalid(`${checked.error}. Usage: ${usage()}`);
    values[index] = checked.value;
    i += taken.value.used;
  }
  const extra = tokens.slice(i).map((t) => t.value).join(' ');
  return extra === '' ? { ok: true, value: values } : invalid(`Too many words: "${echoArg(extra)}" is left over. Usage: ${usage()}`);
}

/** Argument words as given by a platform with typed options (Discord), as tokens: each one value, never split. */
export function wordTokens(words: readonly string[]): Token[] {
  return words.map((value) => ({ kind: 'word', value, quoted: true }));
}

/** "did you mean /summarize?" for a name that is no command, or nothing. */
export function didYouMean(catalog: readonly CommandSpec[], name: string, style: CommandStyle): string {
  const near = nearNames(name, catalog.map((c) => c.name))[0];
  return near === undefined ? '' : ` Did you mean ${commandHead(style, near)}?`;
}

function mapOk<T, U>(result: Result<T, DigestError>, f: (value: T) => U): Result<U, DigestError> {
  return result.ok ? { ok: true, value: f(result.value) } : result;
}

/** The values given, in order (left-out optional options dropped), as ChatRequest args. */
const given = (values: readonly (string | undefined)[]): string[] => values.filter((v): v is string => v !== undefined);

function subcommandArgs(spec: CommandSpec, rest: readonly Token[], at: OptionContext): Result<string[], DigestError> {
  const subs = spec.subcommands ?? [];
  const names = subs.map((s) => s.name).join(', ');
  const head = commandHead(at.style, spec.name);
  const word = rest[0];
  if (word === undefined) return invalid(`${head} needs one of: ${names}.`);
  const sub = findSpec([spec], spec.name, word.value.toLowerCase())?.sub;
  if (sub === undefined) return invalid(`${head} has no "${echoArg(word.value)}"; use one of: ${names}.`);
  const values = readOptions(sub.options, rest.slice(1), { ...at, sub: sub.name });
  return values.ok ? { ok: true, value: [sub.name, ...given(values.value)] } : values;
}

/** The command a text names with its first word (`/sources` or `sources`), if any. */
function namedCommand(catalog: readonly CommandSpec[], head: Token | undefined, style: CommandStyle): CommandSpec | undefined {
  if (head === undefined || head.quoted) return undefined;
  const name = head.value.replace(/^\//u, '').toLowerCase();
  return catalog.find((c) => c.name === name && c.name !== style.implicit);
}

function unknownCommand(catalog: readonly CommandSpec[], tokens: readonly Token[], style: CommandStyle): { ok: false; error: DigestError } {
  const word = echoArg(tokens[0]?.value ?? '');
  const help = commandHead(style, 'help');
  if (word === '' || word === '/') return invalid(`Say a command; try ${help}.`);
  const name = word.replace(/^\//u, '').toLowerCase();
  const hint = didYouMean(catalog, name, style);
  if (style.slash !== null) return invalid(`"${word}" is not a command, and a digest name is one word.${hint} Try ${help}.`);
  return invalid(`There is no ${word.startsWith('/') ? word : `/${word}`}.${hint === '' ? '' : hint} Try ${help}.`);
}

/**
 * Parses command text into a catalog command. The first word names the command, with or without its slash
 * (`/sources list`, `sources list`); with an implicit command (Slack's `/digest`), a text that names none is
 * that command's arguments (`/digest morning`).
 * @returns the command and its args, or a `command/invalid` error whose message is for the user.
 */
export function parseCommandText(
  text: string, catalog: readonly CommandSpec[], platform: string, style: CommandStyle,
): Result<ParsedCommand, DigestError> {
  const tokenized = tokenize(text);
  if (!tokenized.ok) return tokenized;
  const tokens = tokenized.value;
  const named = namedCommand(catalog, tokens[0], style);
  const implicit = style.implicit === undefined ? undefined : catalog.find((c) => c.name === style.implicit);
  const command = named ?? (tokens.length <= 1 || style.slash === null ? implicit : undefined);
  if (command === undefined || (named === undefined && implicit === undefined)) return unknownCommand(catalog, tokens, style);
  const rest = named === undefined ? tokens : tokens.slice(1);
  const at: OptionContext = { platform, style, command: command.name };
  const args = command.subcommands === undefined ? mapOk(readOptions(command.options ?? [], rest, at), given) : subcommandArgs(command, rest, at);
  return args.ok ? { ok: true, value: { command: command.name, args: args.value, adminOnly: command.adminOnly } } : args;
}
