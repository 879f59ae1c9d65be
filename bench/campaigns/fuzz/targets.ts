/**
 * The code under fuzz, one target per entry point, each with the rejections it may answer with (DigestError
 * codes) and the invariants its result must keep. A target returns `ok` or `rejected <code>`; anything it
 * throws is a crash: a non-DigestError, a DigestError with a code the entry point must not answer with, or a
 * broken invariant ({@link InvariantError}).
 */
import { parseCommandText, tokenize } from '../../../src/chat/command-line.ts';
import { OWN_SLASH } from '../../../src/chat/usage.ts';
import { COMMAND_CATALOG, COMMANDS as REAL_COMMANDS } from '../../../src/commands/catalog.ts';
import { dispatchRequest } from '../../../src/commands/dispatch.ts';
import { channelOf } from '../../../src/commands/schedule.ts';
import type { Command, CommandContext } from '../../../src/commands/types.ts';
import { MAX_RISKS, tryDigestArticle } from '../../../src/engine/digest.ts';
import { decodeHtml } from '../../../src/engine/extract/charset.ts';
import { extractFromHtml } from '../../../src/engine/extract/html.ts';
import { scanFigures } from '../../../src/engine/figures/scan.ts';
import { prepareInput } from '../../../src/engine/input.ts';
import { digestSchema, type Digest } from '../../../src/engine/schema.ts';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../../src/engine/sentences.ts';
import type { RuleLanguage } from '../../../src/engine/types.ts';
import { DigestError } from '../../../src/errors.ts';
import { silentLogger } from '../../../src/ports.ts';
import { detectSourceType } from '../../../src/sources/content/detect-type.ts';
import { MAX_LISTING_LINKS, MAX_SOURCE_ITEMS, readSourceDocument } from '../../../src/sources/read-source.ts';

/** A result that breaks what the entry point promises (counted as a crash). */
export class InvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantError';
  }
}

export type Outcome = { kind: 'ok' } | { kind: 'rejected'; code: string };
const OK: Outcome = { kind: 'ok' };

function check(condition: boolean, message: string): void {
  if (!condition) throw new InvariantError(message);
}

/**
 * Runs `fn`; a DigestError with one of `codes` is a rejection, anything else thrown propagates (a crash).
 * `oneLine`: the message must be one line (engine and source errors; command replies may quote the input).
 */
function rejecting(codes: readonly string[], fn: () => void, oneLine = true): Outcome {
  try {
    fn();
    return OK;
  } catch (err) {
    if (err instanceof DigestError && codes.includes(err.code)) {
      check(err.message.trim() !== '' && (!oneLine || !err.message.includes('\n')), `rejection ${err.code} without a one-line message`);
      return { kind: 'rejected', code: err.code };
    }
    throw err;
  }
}

export interface BytesInput {
  bytes: Uint8Array;
  contentType: string | null;
}
export interface LangInput {
  text: string;
  lang: RuleLanguage;
}
export interface ArgsInput {
  line: string;
  admin: boolean;
}

export interface Target<I> {
  name: string;
  /** The code units or bytes of an input (for the report). */
  size(input: I): number;
  run(input: I): Outcome | Promise<Outcome>;
}

const FEED_URL = 'https://news.example.org/feed';
const isHttpUrl = (u: string): boolean => /^https?:\/\/[^\s]+$/u.test(u) && URL.canParse(u);

/** Feed and page bytes as the poller reads them: type detection, charset decoding, feed parsing, listing links. */
export const feedTarget: Target<BytesInput> = {
  name: 'feed',
  size: (i) => i.bytes.length,
  run({ bytes, contentType }) {
    const detected = detectSourceType(bytes, contentType);
    check(typeof decodeHtml(bytes, contentType) === 'string', 'decodeHtml returned no string');
    return rejecting(['feed/malformed', 'fetch/unsupported-type'], () => {
      const doc = readSourceDocument(bytes, contentType, FEED_URL);
      const feedKind = doc.kind === 'listing' || doc.kind === 'article' ? 'html' : doc.kind;
      check(feedKind === detected || (detected === 'text' && doc.kind === 'article'), `kind ${doc.kind} but detected ${detected}`);
      check(doc.items.length <= (doc.kind === 'listing' ? MAX_LISTING_LINKS : MAX_SOURCE_ITEMS), `${String(doc.items.length)} items`);
      for (const item of doc.items) {
        check(item.url === null || isHttpUrl(item.url), `item URL ${String(item.url)} is not absolute http(s)`);
        check(item.title === null || item.title.trim() !== '', 'blank item title');
      }
    });
  },
};

function checkDigest(digest: Digest): void {
  const parsed = digestSchema.safeParse(digest);
  check(parsed.success, `digest breaks its schema: ${parsed.error?.issues[0]?.message ?? ''}`);
  check(digest.risks.length <= MAX_RISKS, 'too many risks');
  for (const f of digest.figures) {
    check(Number.isFinite(f.value) && (f.valueMax === undefined || Number.isFinite(f.valueMax)), `figure "${f.text}" has value ${String(f.value)}`);
    check(f.sentence.includes(f.text), `figure text "${f.text}" not in its sentence`);
  }
  for (const s of digest.summary) check(s.trim() !== '', 'blank summary sentence');
}

function digestOf(input: Parameters<typeof tryDigestArticle>[0]): Outcome {
  const result = tryDigestArticle(input);
  if (!result.ok) {
    if (result.error.code !== 'extract/no-content') throw result.error;
    return { kind: 'rejected', code: result.error.code };
  }
  checkDigest(result.value.digest);
  return OK;
}

/** A page's HTML through extraction and the whole engine. */
export const htmlTarget: Target<string> = {
  name: 'html',
  size: (html) => html.length,
  run(html) {
    const article = extractFromHtml(html, { url: 'https://news.example.org/a/1' });
    check(article.paragraphs.every((p) => p.trim() !== ''), 'blank paragraph extracted');
    check(article.headings.every((h) => h >= 0 && h < article.paragraphs.length), 'heading index out of range');
    return digestOf({ html, url: 'https://news.example.org/a/1' });
  },
};

/** Raw bytes as the CLI and `/summarize` read them: binary check, charset decoding, HTML-or-text, engine. */
export const bytesTarget: Target<BytesInput> = {
  name: 'page-bytes',
  size: (i) => i.bytes.length,
  run({ bytes, contentType }) {
    let outcome: Outcome = OK;
    const first = rejecting(['input/binary', 'input/empty'], () => {
      outcome = digestOf(prepareInput(bytes, 'fuzz input', contentType));
    });
    return first.kind === 'rejected' ? first : outcome;
  },
};

/** Scraped plain text through the engine. */
export const textTarget: Target<string> = {
  name: 'text',
  size: (text) => text.length,
  run: (text) => digestOf({ text }),
};

/** The figure grammar on one sentence. */
export const figuresTarget: Target<LangInput> = {
  name: 'figures',
  size: (i) => i.text.length,
  run({ text, lang }) {
    for (const f of scanFigures(text, lang)) {
      check(f.start >= 0 && f.start < f.end && f.end <= text.length, `figure span ${String(f.start)}..${String(f.end)} out of range`);
      check(Number.isFinite(f.value) && (f.valueMax === undefined || Number.isFinite(f.valueMax)), `figure "${text.slice(f.start, f.end)}" has value ${String(f.value)}`);
    }
    return OK;
  },
};

const squeeze = (s: string): string => s.replace(/\s+/gu, '');

/** The sentence splitter on one paragraph. */
export const sentencesTarget: Target<LangInput> = {
  name: 'sentences',
  size: (i) => i.text.length,
  run({ text, lang }) {
    const sentences = splitSentences(text, lang);
    for (const s of sentences) {
      check(s !== '' && s === s.trim(), 'empty or untrimmed sentence');
      check(s.length <= MAX_SENTENCE_CHARS, `sentence of ${String(s.length)} characters`);
    }
    check(squeeze(sentences.join('')) === squeeze(text), 'sentences lost or changed characters');
    return OK;
  },
};

/** The real commands' options; `run` only records that validation passed (help runs as it is). */
const COMMANDS: Command<object>[] = REAL_COMMANDS.map((c) => (c.name === 'help'
  ? c as unknown as Command<object>
  : { ...(c as unknown as Command<object>), run: () => Promise.resolve({ title: 'ran', sections: [] }) }));

/** A refusal reply of dispatch, as a pseudo code (dispatch answers with messages, never throws). */
function replyOutcome(title: string, text: string): Outcome {
  if (title === 'ran' || title === 'Commands') return OK;
  const code = title === 'Unknown command' ? 'reply/unknown-command'
    : title === 'Not allowed' ? 'reply/not-allowed'
      : title === 'Invalid arguments' ? 'reply/invalid-arguments'
        : text.startsWith('Say what to do') || text.includes(' has no "') ? 'reply/unknown-subcommand' : null;
  check(code !== null, `unexpected reply "${title}: ${text.slice(0, 80)}"`);
  return { kind: 'rejected', code: code ?? '' };
}

const memberOf = (admin: boolean): CommandContext => ({ workspaceId: 'discord:1', userId: 'u1', isAdmin: admin, channelId: 'discord:2' });

/** A typed command line: tokenizing, catalog normalisation, dispatch with argument validation, channel parsing. */
export const argsTarget: Target<ArgsInput> = {
  name: 'args',
  size: (i) => i.line.length,
  async run({ line, admin }) {
    const tokens = tokenize(line);
    check(!tokens.ok || tokens.value.every((t) => typeof t.value === 'string'), 'tokenize returned a non-string');
    rejecting(['command/invalid'], () => {
      const parsed = parseCommandText(line, COMMAND_CATALOG, 'discord', OWN_SLASH);
      if (!parsed.ok) throw parsed.error;
    }, false);
    const words = tokens.ok ? tokens.value.map((t) => t.value) : [];
    const head = words[0];
    if (head === undefined || !head.startsWith('/')) return OK;
    const reply = await dispatchRequest(COMMANDS, { logger: silentLogger }, memberOf(admin), head.slice(1).toLowerCase(), words.slice(1));
    check(typeof reply.title === 'string' && reply.title !== '' && Array.isArray(reply.sections), 'reply without a title');
    rejecting(['command/invalid'], () => { channelOf(words[words.length - 1], memberOf(admin)); }, false);
    return replyOutcome(reply.title, reply.sections.flatMap((s) => s.lines).join(' '));
  },
};
