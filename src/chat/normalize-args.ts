/**
 * Typed command lines (console, Slack) into one word per catalog option:
 * quotes group words, the last option marked `rest` takes the remaining
 * words, and a `cron` option takes the bare fields up to the time zone.
 */
import { isTimeZone } from '../digests/definition.ts';
import type { CommandSpec, OptionSpec } from './catalog.ts';

/** Splits on whitespace, keeping "double" or 'single' quoted parts together (quotes removed). */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/gu;
  for (const m of text.matchAll(pattern)) words.push(m[1] ?? m[2] ?? m[3] ?? '');
  return words;
}

/**
 * Whether a bare word after a cron's fields is its time zone: an IANA zone with a slash (Europe/Berlin) or UTC
 * (any case), that the runtime knows. The one guess for every typed command line (console here, Slack's parser).
 */
export function looksLikeTimeZone(word: string): boolean {
  return (word.includes('/') || word.toUpperCase() === 'UTC') && isTimeZone(word);
}

function assign(options: readonly OptionSpec[], words: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  options.forEach((option, index) => {
    if (i >= words.length) return;
    const last = index === options.length - 1;
    if (option.rest === true && last) {
      out.push(words.slice(i).join(' '));
      i = words.length;
    } else if (option.name === 'cron' && !looksLikeTimeZone(words[i + 1] ?? '') && words.length - i > 2) {
      let end = i + 1;
      while (end < words.length && !looksLikeTimeZone(words[end] ?? '')) end++;
      out.push(words.slice(i, end).join(' '));
      i = end;
    } else {
      out.push(words[i] ?? '');
      i++;
    }
  });
  return [...out, ...words.slice(i)];
}

/** The argument words of a typed command, per its catalog entry (unknown commands: unchanged). */
export function normalizeArgs(catalog: readonly CommandSpec[], command: string, words: readonly string[]): string[] {
  const spec = catalog.find((c) => c.name === command);
  if (spec === undefined) return [...words];
  if (spec.subcommands !== undefined) {
    const [sub, ...rest] = words;
    const subSpec = spec.subcommands.find((s) => s.name === sub);
    return subSpec === undefined || sub === undefined ? [...words] : [sub, ...assign(subSpec.options, rest)];
  }
  return assign(spec.options ?? [], words);
}
