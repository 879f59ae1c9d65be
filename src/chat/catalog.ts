/**
 * The shape of the command catalog: every chat command with its subcommands and typed options, as data
 * (no handlers). The catalog itself is generated from the command files (`src/commands/catalog.ts`);
 * Discord builds its slash-command registration from it, Slack and the console their help text, and the
 * one command-line parser (`command-line.ts`) reads typed text by it.
 */

/**
 * What an option takes; each kind has its own check with a specific human error (`option-kinds.ts`).
 * - `text`: free words (a name, a query), with an optional pattern and length limits;
 * - `url`: an http(s) address; `channel`: a channel of the workspace's platform (`#C1`, `<#123>`, `discord:123`);
 * - `cron`: a five-field cron expression; `timezone`: an IANA time zone; `choice`: one of `choices`.
 */
export type OptionKind = 'text' | 'url' | 'channel' | 'cron' | 'timezone' | 'choice';

export interface OptionSpec {
  name: string;
  /** What the option is, shown in Discord's option list and in help. */
  description: string;
  kind: OptionKind;
  required: boolean;
  /** What to say when it is missing, as "<command> needs …" (e.g. "a word to search for"). @defaultValue the description */
  missing?: string;
  /** An example value for replies ("e.g. /figures Siemens"). @defaultValue none */
  example?: string;
  /** The values of a `choice` option. */
  choices?: readonly string[];
  /** Values offered while typing: the workspace's digest or source names. */
  autocomplete?: 'digest' | 'source';
  /** Takes the rest of the line (queries with spaces, names). Only the last option. */
  rest?: boolean;
  /** A `text` option's shape, with the words that say what is expected when it does not match. */
  pattern?: { regex: RegExp; expected: string };
  /** Length limits of a `text` option (after trimming). @defaultValue 1 and 200 */
  minLength?: number;
  maxLength?: number;
}

export interface SubcommandSpec {
  name: string;
  description: string;
  options: readonly OptionSpec[];
}

export interface CommandSpec {
  name: string;
  description: string;
  /** Admin-only commands need the platform's "manage" right (Discord: Manage Server; Slack: admin/owner or the admin list). */
  adminOnly: boolean;
  /** Either options or subcommands, never both. */
  options?: readonly OptionSpec[];
  subcommands?: readonly SubcommandSpec[];
}

/** The catalog entry of `command`, and of its subcommand `sub` when it names one. */
export function findSpec(catalog: readonly CommandSpec[], command: string, sub?: string): { spec: CommandSpec; sub: SubcommandSpec | undefined } | undefined {
  const spec = catalog.find((c) => c.name === command);
  if (spec === undefined) return undefined;
  return { spec, sub: sub === undefined ? undefined : spec.subcommands?.find((s) => s.name === sub) };
}
