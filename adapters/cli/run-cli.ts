/** The `digestbot` command line: argument parsing and dispatch. */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import {
  createConfiguredDigester, createConfiguredHttpClient, digestArticle, silentLogger, toDigestError,
  type DigestConfig, type FetchConfig, type FetchOverrides, type LlmConfig,
} from '../../src/index.ts';
import { runBackfill, storeConfigOf } from './backfill.ts';
import { runBatch } from './batch.ts';
import { runEvalCommand } from './eval.ts';
import { runGround } from './ground.ts';
import { runLlmDigest } from './llm-digest.ts';
import { writeLine, type CliIo } from './io.ts';
import { loadInput } from './read-input.ts';
import { renderDigestText } from './render-text.ts';
import { runSamples } from './run-samples.ts';

export const USAGE = `usage:
  digestbot [start]                           the bot: Discord/Slack when configured, else the console with a /command prompt
  digestbot samples                           digest the bundled sample sources once and exit
  digestbot digest <path|url|-> [--json] [--with-text]
  digestbot digest <path|url|-> --lang de|en|article [--json]
                                              with LLM_BASE_URL set: a model-written summary in that language, each
                                              sentence checked against the article (--json: its grounding result)
  digestbot digest --jsonl [--with-text]      one JSON object per stdin line ({id, text|html|url})
  digestbot register-commands [--guild ID]    register the Discord slash commands (global, or one server at once)
  digestbot invite-url                        print the Discord invite link with the bot's minimal permissions
  digestbot backfill <source> [--limit N] [--since DATE] [--workspace ID]
                                              digest every article the source lists now into the store (nothing is
                                              posted; articles already digested by this engine version are skipped);
                                              <source> is a stored source's id, name or URL (added with /sources add or
                                              from a digest file), or the name of a "url" source in digests/*.json
  digestbot backfill --list                   list the sources backfill can name (id, name, workspace, URL, origin)
  digestbot eval                              the evaluation of npm run eval (needs ../shared/eval), with progress
  digestbot ground --jsonl                    the grounding check, no model: {id, source, summary} lines in,
                                              {id, sentences: [{text, supported, problems}]} lines out; a sentence
                                              without source ids is checked against the whole article
options:
  --json          print the digest as one JSON object
  --jsonl         batch mode: JSON Lines in on stdin, JSON Lines out, in input order
  --with-text     add the extracted article text ("text") to the JSON output
  --timeout-ms N  total time allowed for fetching a URL (default 15000)
  --max-bytes N   largest response accepted from a URL (default 5242880)
  --limit N       backfill: at most the N newest articles the source lists
  --since DATE    backfill: only articles published since DATE (2026-11-01, an ISO time, or 7d / 48h ago);
                  undated articles are kept
  --workspace ID  backfill: look the source up in this workspace only (e.g. discord:1234, console:local)
progress goes to standard error: a redrawn bar on a terminal, plain lines otherwise`;

const OPTIONS = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  jsonl: { type: 'boolean' },
  'with-text': { type: 'boolean' },
  'timeout-ms': { type: 'string' },
  'max-bytes': { type: 'string' },
  limit: { type: 'string' },
  since: { type: 'string' },
  workspace: { type: 'string' },
  list: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

class UsageError extends Error {}

/** The options each command takes (the others are usage errors). */
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  digest: ['json', 'jsonl', 'with-text', 'timeout-ms', 'max-bytes', 'lang'],
  backfill: ['limit', 'since', 'workspace', 'list', 'timeout-ms', 'max-bytes'],
  eval: [],
  ground: ['jsonl'],
};

function checkOptions(command: string, values: Record<string, unknown>): void {
  const allowed = COMMAND_OPTIONS[command];
  const backfillOnly = ['limit', 'since', 'workspace', 'list'];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || name === 'help') continue;
    if (allowed === undefined ? backfillOnly.includes(name) : !allowed.includes(name)) throw new UsageError(`--${name} does not apply to ${command}`);
  }
}

const RELATIVE = /^(\d+)([dh])$/u;

/** --since: a date, an ISO time, or `<n>d` / `<n>h` before `now`. */
export function parseSince(value: string | undefined, now: Date): Date | undefined {
  if (value === undefined) return undefined;
  const relative = RELATIVE.exec(value);
  if (relative !== null) return new Date(now.getTime() - Number(relative[1]) * (relative[2] === 'd' ? 86_400_000 : 3_600_000));
  const at = /^\d{4}-\d{2}-\d{2}/u.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) throw new UsageError(`--since takes a date (2026-11-01), an ISO time or 7d / 48h, got "${value}"`);
  return new Date(at);
}

/** Runs the CLI; resolves with the process exit code. */
/** What the composition root hands the CLI. */
export interface CliContext {
  projectRoot: string;
  /** Fetch limits from configuration; command-line flags override them. */
  fetch: FetchConfig;
  /** Where the store (DATA_DIR, DATABASE_URL) and the digest definitions are (`backfill`, `digest --lang`). */
  store: { dataDir: string; digestsDir: string; databaseUrl?: string | null };
  /** How `backfill` digests: worker threads with a time budget, as the bot does. @defaultValue on the main thread */
  digest?: DigestConfig;
  /** The LLM summaries' configuration (`digest --lang`). @defaultValue none */
  llm?: LlmConfig | null;
  /** Starts the long-running bot; resolves with the exit code when it ends. */
  startBot(): Promise<number>;
  /** Runs the Discord setup commands (`register-commands`, `invite-url`) with their own arguments. */
  discordCli(argv: string[]): Promise<number>;
}

export async function runCli(argv: string[], io: CliIo, ctx: CliContext): Promise<number> {
  if (argv[0] === 'register-commands' || argv[0] === 'invite-url') return ctx.discordCli(argv);
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    if (values.help) {
      await writeLine(io.stdout, USAGE);
      return 0;
    }
    const [command, ...rest] = positionals;
    checkOptions(command ?? 'start', values);
    if (command === undefined || command === 'start') return await ctx.startBot();
    if (command === 'samples') {
      return (await runSamples(resolve(ctx.projectRoot, 'digests'), io.stdout, io.stderr)) === 0 ? 0 : 1;
    }
    if (command === 'ground') {
      if (values.jsonl !== true || rest.length > 0) throw new UsageError('ground takes --jsonl and reads standard input');
      const failed = await runGround(io.stdin, io.stdout);
      if (failed > 0) await writeLine(io.stderr, `${failed} line(s) failed; see their "error" fields`);
      return 0;
    }
    if (command !== 'digest' && command !== 'backfill' && command !== 'eval') throw new UsageError(`unknown command "${command}"`);
    if (command === 'eval') {
      if (rest.length > 0) throw new UsageError('eval takes no arguments');
      return await runEvalCommand(io);
    }
    const overrides: FetchOverrides = {};
    const timeoutMs = positiveInt(values['timeout-ms'], 'timeout-ms');
    const maxBytes = positiveInt(values['max-bytes'], 'max-bytes');
    if (timeoutMs !== undefined) overrides.timeoutMs = timeoutMs;
    if (maxBytes !== undefined) overrides.maxBytes = maxBytes;
    const http = createConfiguredHttpClient(ctx.fetch, overrides);
    if (command === 'backfill') {
      const list = values.list === true;
      if (list ? rest.length > 0 : rest.length !== 1) throw new UsageError(list ? '--list takes no source' : 'backfill takes exactly one <source> (see --list)');
      const limit = positiveInt(values.limit, 'limit');
      const since = parseSince(values.since, new Date());
      return await runBackfill(io, {
        store: storeConfigOf(io.cwd, ctx.store), digestsDir: resolve(ctx.projectRoot, ctx.store.digestsDir), http,
        ...(ctx.digest === undefined ? {} : { digester: createConfiguredDigester(ctx.digest, silentLogger) }),
      }, {
        list, ...(rest[0] === undefined ? {} : { source: rest[0] }), ...(limit === undefined ? {} : { limit }),
        ...(since === undefined ? {} : { since }), ...(values.workspace === undefined ? {} : { workspace: values.workspace }),
      });
    }
    const withText = values['with-text'] === true;
    if (values.jsonl) {
      if (rest.length > 0) throw new UsageError('--jsonl reads standard input and takes no path');
      const failed = await runBatch(io.stdin, io.stdout, { withText, http });
      if (failed > 0) await writeLine(io.stderr, `${failed} line(s) failed; see their "error" fields`);
      return 0;
    }
    if (rest.length !== 1 || rest[0] === undefined) throw new UsageError('digest takes exactly one <path|url|->');
    const input = await loadInput(rest[0], { cwd: io.cwd, stdin: io.stdin, http });
    if (values.lang !== undefined) {
      const lang = values.lang;
      if (lang !== 'de' && lang !== 'en' && lang !== 'article') throw new UsageError(`--lang takes de, en or article, got "${lang}"`);
      if (ctx.llm === undefined || ctx.llm === null) throw new UsageError('--lang needs an LLM: set LLM_BASE_URL and LLM_MODEL');
      return await runLlmDigest(io, input, { llm: ctx.llm, store: storeConfigOf(io.cwd, ctx.store), language: lang, json: values.json === true });
    }
    const { digest, article } = digestArticle(input);
    if (values.json || withText) {
      const out = withText ? { ...digest, text: article.paragraphs.join('\n\n') } : digest;
      await writeLine(io.stdout, JSON.stringify(out, null, 2));
    } else {
      await writeLine(io.stdout, renderDigestText(digest));
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      await writeLine(io.stderr, `error: ${err.message}\n${USAGE}`);
      return 2;
    }
    const e = toDigestError(err);
    await writeLine(io.stderr, `error: ${e.userFacing ? e.message : `unexpected failure (${e.message})`}`);
    return 1;
  }
}
