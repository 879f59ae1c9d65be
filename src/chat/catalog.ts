/**
 * The command catalog: every chat command with its subcommands and options,
 * described once, platform-neutral. Discord builds its slash-command
 * registration from it, Slack its help text, the console its /help.
 */

export type OptionKind = 'string' | 'url';

export interface OptionSpec {
  name: string;
  description: string;
  kind: OptionKind;
  required: boolean;
  /** Fixed values the user picks from. */
  choices?: readonly string[];
  /** Values offered while typing: the workspace's digest or source names. */
  autocomplete?: 'digest' | 'source';
  /** Takes the rest of the line (queries with spaces, cron expressions). Only the last option. */
  rest?: boolean;
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

const url = (description: string): OptionSpec => ({ name: 'url', description, kind: 'url', required: true });
const query: OptionSpec = { name: 'query', description: 'words to look for in recent articles', kind: 'string', required: true, rest: true };
const digestName = (required: boolean): OptionSpec => ({
  name: 'digest', description: 'digest name', kind: 'string', required, autocomplete: 'digest',
});

export const COMMAND_CATALOG: readonly CommandSpec[] = [
  { name: 'digest', description: 'The latest digest, built now', adminOnly: false, options: [digestName(false)] },
  {
    name: 'summarize', description: 'Summary, key figures and risks of one article', adminOnly: false, options: [
      url('article URL (http or https)'),
      { name: 'lang', description: 'summary language with an LLM configured (default: the article\'s)', kind: 'string', required: false, choices: ['de', 'en', 'article'] },
    ],
  },
  { name: 'figures', description: 'Key figures from recent articles matching a query', adminOnly: false, options: [query] },
  { name: 'risks', description: 'Risks from recent articles matching a query', adminOnly: false, options: [query] },
  {
    name: 'sources', description: 'Manage news sources', adminOnly: true, subcommands: [
      {
        name: 'add', description: 'Add a feed or page (shows what it yields before saving)', options: [
          url('feed or page URL'),
          { name: 'name', description: 'short name (default: the feed title)', kind: 'string', required: false, rest: true },
        ],
      },
      { name: 'remove', description: 'Remove a source', options: [{ name: 'source', description: 'source name or id', kind: 'string', required: true, autocomplete: 'source', rest: true }] },
      { name: 'list', description: 'Sources with their health', options: [] },
    ],
  },
  {
    name: 'schedule', description: 'When and where digests are posted', adminOnly: true, subcommands: [
      {
        name: 'set', description: 'Post a digest on a schedule', options: [
          digestName(true),
          { name: 'cron', description: 'cron expression, e.g. "30 7 * * 1-5"', kind: 'string', required: true },
          { name: 'timezone', description: 'IANA time zone, e.g. Europe/Berlin', kind: 'string', required: true },
          { name: 'channel', description: 'target channel (default: this channel)', kind: 'string', required: false },
          { name: 'chart', description: 'attach a key-figures chart (default: unchanged; off for a new digest)', kind: 'string', required: false, choices: ['chart:on', 'chart:off'] },
        ],
      },
      { name: 'show', description: 'Schedules of all digests', options: [] },
      { name: 'off', description: 'Stop posting a digest', options: [digestName(true)] },
    ],
  },
  { name: 'help', description: 'What the bot can do', adminOnly: false, options: [] },
];
