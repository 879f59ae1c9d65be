/**
 * Text fitting shared by the platform renderers (Discord embeds, Slack blocks): cut a line to a limit with an
 * ellipsis, and pack lines into as few texts under a limit as possible. Neutral: no platform's shapes here,
 * so both adapters may import it (lint: adapters/shared imports no platform adapter).
 */

export const ELLIPSIS = '…';

const identity = (s: string): string => s;

/**
 * Encodes `text` and cuts it so the result is at most `limit` characters, ending with "…" when cut. `encode`
 * must work character by character (as escaping does), so a cut never splits an entity or a surrogate pair.
 */
export function fitText(text: string, limit: number, encode: (s: string) => string = identity): string {
  const whole = encode(text);
  if (whole.length <= limit) return whole;
  let out = '';
  for (const ch of text) {
    const next = encode(ch);
    if (out.length + next.length + ELLIPSIS.length > limit) break;
    out += next;
  }
  return out + ELLIPSIS;
}

/** Packs lines (each already within `limit`), joined by newlines, into as few texts of at most `limit` characters as possible, in order. */
export function packLines(lines: readonly string[], limit: number): string[] {
  const texts: string[] = [];
  let current = '';
  for (const line of lines) {
    if (current !== '' && current.length + 1 + line.length > limit) {
      texts.push(current);
      current = line;
    } else current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') texts.push(current);
  return texts;
}
