/**
 * What the campaign generates: per target one or more fast-check arbitraries (generated inputs and corpus
 * mutations) with the number of runs in the full campaign. The short version runs a fraction of each.
 */
import fc from 'fast-check';
import type { Corpus } from './corpus.ts';
import { mutantArb } from './corpus.ts';
import { feedBytesArb, pageArb, pageBytesArb } from './markup-arbitraries.ts';
import {
  argsTarget, bytesTarget, feedTarget, figuresTarget, htmlTarget, sentencesTarget, textTarget, type ArgsInput, type LangInput, type Target,
} from './targets.ts';
import { floodArb, langArb, numberArb, proseArb, tokenArb } from './text-arbitraries.ts';

export interface Plan<I> {
  target: Target<I>;
  /** The generator, as printed in the report. */
  name: string;
  arb: fc.Arbitrary<I>;
  /** Runs in the full campaign. */
  runs: number;
  /** A short description of one input (for the slowest-input and failure lines). */
  describe(input: I): string;
}

const preview = (text: string, n = 70): string => JSON.stringify(text.length > n ? `${text.slice(0, n)}…` : text);
const bytesPreview = (b: Uint8Array): string => preview(new TextDecoder().decode(b.subarray(0, 140)));

const COMMANDS = ['/digest', '/summarize', '/figures', '/risks', '/sources', '/schedule', '/help', '/DIGEST', '/Sources', '/', '//', '/unknown',
  'digest', '/sources\u200b', '/schedule\u202e', '/ digest', '/help/help', '/digest/../..'];
const SUBS = ['add', 'remove', 'list', 'set', 'show', 'off', 'ADD', 'Set', '', 'x', 'add\u200b', '--help'];
const ARG_WORDS = [
  'https://news.example.org/feed', 'http://127.0.0.1/', 'ftp://x', 'javascript:alert(1)', 'https://', 'https://ä.example/ö', 'news', 'morning',
  '30 7 * * 1-5', '*/0 * * * *', '99 99 99 99 99', '* * * * * * *', '0 0 31 2 *', '@daily', '* * *', '*/1000000000 * * * *',
  'Europe/Berlin', 'UTC', 'Mars/Olympus', '../../etc/passwd', 'Etc/GMT+14', 'A'.repeat(500), 'America/Argentina/ComodRivadavia',
  '<#123>', '<#C1|general>', '#C1', 'discord:123', 'slack:C1', '<#>', '<@!123>', '@everyone', '"', "'", '""', "''", '"a b', "'a 'b'",
  '\u200b', '\u202e', '\u0000', '-', '--', '-1', '1e999999', 'digest-name-'.repeat(10),
];

/** A typed command line with hostile arguments. */
const lineArb: fc.Arbitrary<ArgsInput> = fc.tuple(
  fc.constantFrom(...COMMANDS),
  fc.constantFrom(...SUBS),
  fc.array(fc.oneof({ arbitrary: fc.constantFrom(...ARG_WORDS), weight: 4 }, { arbitrary: tokenArb, weight: 2 },
    { arbitrary: fc.string({ maxLength: 30 }).map((s) => `"${s}"`), weight: 1 }), { maxLength: 8 }),
  fc.constantFrom(' ', '  ', '\t', '\u00a0', '\n', '\u3000'),
  fc.boolean(),
).map(([command, sub, args, sep, admin]) => ({ line: [command, sub, ...args].join(sep), admin }));

/** Prose with numbers as the figure grammar sees sentences. */
const figureSentenceArb: fc.Arbitrary<LangInput> = fc.tuple(fc.array(fc.oneof(numberArb, tokenArb), { maxLength: 30 }), langArb)
  .map(([parts, lang]) => ({ text: parts.join(' '), lang }));

export function plans(corpus: Corpus): Plan<unknown>[] {
  const mutants = mutantArb(corpus.entries);
  const list = [
    plan(sentencesTarget, 'generated prose', fc.record({ text: proseArb(80), lang: langArb }), 24_000, (i) => preview(i.text)),
    plan(sentencesTarget, 'floods (1k–40k chars)', fc.record({ text: floodArb, lang: langArb }), 300, (i) => `${String(i.text.length)} chars of ${preview(i.text, 12)}`),
    plan(figuresTarget, 'generated prose', fc.record({ text: proseArb(40), lang: langArb }), 16_000, (i) => preview(i.text)),
    plan(figuresTarget, 'number formats', figureSentenceArb, 16_000, (i) => preview(i.text)),
    plan(argsTarget, 'command lines', lineArb, 26_000, (i) => preview(i.line)),
    plan(feedTarget, 'generated feeds', feedBytesArb, 9_000, (i) => `${i.contentType ?? 'no type'} ${bytesPreview(i.bytes)}`),
    plan(feedTarget, 'corpus mutations', mutants, 7_000, (m) => `${m.name} + ${m.mutations.map((x) => x.op).join(',')}`),
    plan(htmlTarget, 'generated pages', pageArb, 5_000, (html) => preview(html)),
    plan(bytesTarget, 'generated pages in mixed encodings', pageBytesArb, 2_500, (i) => `${i.contentType ?? 'no type'} ${bytesPreview(i.bytes)}`),
    plan(bytesTarget, 'corpus mutations', mutants, 3_000, (m) => `${m.name} + ${m.mutations.map((x) => x.op).join(',')}`),
    plan(textTarget, 'generated articles', fc.array(proseArb(40), { maxLength: 12 }).map((ps) => ps.join('\n\n')), 2_000, (t) => preview(t)),
  ];
  return list;
}

function plan<I, J extends I>(target: Target<I>, name: string, arb: fc.Arbitrary<J>, runs: number, describe: (input: J) => string): Plan<unknown> {
  return { target, name, arb, runs, describe } as unknown as Plan<unknown>;
}
