/** The `digestbot` command line: argument parsing and dispatch. */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { createConfiguredHttpClient, digestArticle, toDigestError, type FetchConfig, type FetchOverrides } from '../../src/index.ts';
import { runBatch } from './batch.ts';
import { writeLine, type CliIo } from './io.ts';
import { loadInput } from './read-input.ts';
import { renderDigestText } from './render-text.ts';
import { runSamples } from './run-samples.ts';

export const USAGE = `usage:
  digestbot [start]                           the bot: Discord/Slack when configured, else the console with a /command prompt
  digestbot samples                           digest the bundled sample sources once and exit
  digestbot digest <path|url|-> [--json] [--with-text]
  digestbot digest --jsonl [--with-text]      one JSON object per stdin line ({id, text|html|url})
  digestbot register-commands [--guild ID]    register the Discord slash commands (global, or one server at once)
  digestbot invite-url                        print the Discord invite link with the bot's minimal permissions
options:
  --json          print the digest as one JSON object
  --jsonl         batch mode: JSON Lines in on stdin, JSON Lines out, in input order
  --with-text     add the extracted article text ("text") to the JSON output
  --timeout-ms N  total time allowed for fetching a URL (default 15000)
  --max-bytes N   largest response accepted from a URL (default 5242880)`;

const OPTIONS = {
  json: { type: 'boolean' },
  jsonl: { type: 'boolean' },
  'with-text': { type: 'boolean' },
  'timeout-ms': { type: 'string' },
  'max-bytes': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

class UsageError extends Error {}

/** Runs the CLI; resolves with the process exit code. */
/** What the composition root hands the CLI. */
export interface CliContext {
  projectRoot: string;
  /** Fetch limits from configuration; command-line flags override them. */
  fetch: FetchConfig;
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
    if (command === undefined || command === 'start') return await ctx.startBot();
    if (command === 'samples') {
      return (await runSamples(resolve(ctx.projectRoot, 'digests'), io.stdout, io.stderr)) === 0 ? 0 : 1;
    }
    if (command !== 'digest') throw new UsageError(`unknown command "${command}"`);
    const overrides: FetchOverrides = {};
    const timeoutMs = positiveInt(values['timeout-ms'], 'timeout-ms');
    const maxBytes = positiveInt(values['max-bytes'], 'max-bytes');
    if (timeoutMs !== undefined) overrides.timeoutMs = timeoutMs;
    if (maxBytes !== undefined) overrides.maxBytes = maxBytes;
    const http = createConfiguredHttpClient(ctx.fetch, overrides);
    const withText = values['with-text'] === true;
    if (values.jsonl) {
      if (rest.length > 0) throw new UsageError('--jsonl reads standard input and takes no path');
      const failed = await runBatch(io.stdin, io.stdout, { withText, http });
      if (failed > 0) await writeLine(io.stderr, `${failed} line(s) failed; see their "error" fields`);
      return 0;
    }
    if (rest.length !== 1 || rest[0] === undefined) throw new UsageError('digest takes exactly one <path|url|->');
    const input = await loadInput(rest[0], { cwd: io.cwd, stdin: io.stdin, http });
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
