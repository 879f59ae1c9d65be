/**
 * Faster ways to run the engine's big case-insensitive expressions with the
 * same results. V8 tests a leading lookbehind, and `\b` under the `iu`
 * flags, at every position before it looks at the text; an expression with
 * such assertions scans several times slower than the same expression
 * without them. A *loose* copy (the assertions dropped) matches wherever the
 * exact one does, and at some other places; it finds the places where the
 * exact expression is then tried.
 */

/**
 * `source` without the zero-width assertions listed in `drop` (e.g. `\\b`, a word-start lookbehind), so it
 * matches wherever `source` does. Throws when one sits inside a negative lookaround, where dropping it
 * would make the copy match less, or when the result would be the same expression.
 */
export function loosen(source: string, drop: readonly string[]): string {
  let out = '';
  const negative: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] ?? '';
    const dropped = inClass ? undefined : drop.find((d) => source.startsWith(d, i));
    if (dropped !== undefined) {
      if (negative.includes(true)) throw new Error(`cannot loosen an assertion inside a negative lookaround: ${source}`);
      i += dropped.length - 1;
      continue;
    }
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    out += c;
    if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') negative.push(source.startsWith('(?!', i) || source.startsWith('(?<!', i));
    else if (c === ')') negative.pop();
  }
  return out;
}

/** An expression (case-insensitive, Unicode) with its loose copy, for finding its matches in a text. */
export interface Scanner {
  /** The expression itself, sticky: tried at one position. */
  exact: RegExp;
  /** The expression without the dropped assertions, global: finds the positions to try. */
  loose: RegExp;
}

/** A {@link Scanner} for `source` (flags `iu`), its loose copy without the assertions in `drop`. */
export function scanner(source: string, drop: readonly string[]): Scanner {
  return { exact: new RegExp(source, 'iuy'), loose: new RegExp(loosen(source, drop), 'giu') };
}

/** The position after the code point at `i`. */
function nextCodePoint(text: string, i: number): number {
  return i + ((text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
}

/**
 * The first match of `s.exact` that starts at or after `from`: the match a global copy of it returns from
 * `lastIndex = from`. No position before the first match of `loose` can hold one of `exact`; `exact` is
 * tried there, then at the next position where `loose` matches, and so on.
 */
export function scanFrom(s: Scanner, text: string, from: number): RegExpExecArray | null {
  const { exact, loose } = s;
  loose.lastIndex = from;
  for (let c = loose.exec(text); c !== null; c = loose.exec(text)) {
    exact.lastIndex = c.index;
    const m = exact.exec(text);
    if (m !== null) return m;
    loose.lastIndex = nextCodePoint(text, c.index);
  }
  return null;
}

/** How many matches `String.prototype.match` with a global copy of `s.exact` returns. */
export function countMatches(s: Scanner, text: string): number {
  let n = 0;
  let from = 0;
  for (let m = scanFrom(s, text, from); m !== null; m = scanFrom(s, text, from)) {
    n++;
    from = m.index + m[0].length;
    if (m[0].length === 0) from = nextCodePoint(text, from);
  }
  return n;
}

/**
 * `re.test` (for a non-global `re`) with a loose copy of `re` without its `\b` assertions tried first:
 * where the copy finds nothing, neither does `re`.
 */
export function quickTest(re: RegExp): (text: string) => boolean {
  if (re.global || re.sticky) throw new Error('quickTest takes an expression without the g and y flags');
  const guard = new RegExp(loosen(re.source, ['\\b']), re.flags);
  return (text) => guard.test(text) && re.test(text);
}
