/**
 * The short statement of a risk: the clause around its strongest cue, widened
 * by neighbouring clauses while it stays within MAX_STATEMENT characters.
 * Always a verbatim span of the sentence; an ellipsis marks a cut inside a clause.
 */

/** Longest statement, in characters. */
export const MAX_STATEMENT = 160;

/** Clause boundaries: after , ; : or a dash between spaces. */
const BOUNDARY_RE = /[,;:](?=\s)|\s[–—-](?=\s)/gu;
const TRIM_RE = /^[\s,;:–—-]+|[\s,;:–—-]+$/gu;
/** A conjunction that only links the clause to what was cut off before it. */
const LEADING_LINK_RE = /^(?:and|but|or|while|und|aber|oder|doch|sondern|während)[\s,]+/iu;

interface Span {
  start: number;
  end: number;
}

function clauses(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  BOUNDARY_RE.lastIndex = 0;
  for (let m = BOUNDARY_RE.exec(text); m !== null; m = BOUNDARY_RE.exec(text)) {
    const end = m.index + m[0].length;
    spans.push({ start, end });
    start = end;
  }
  spans.push({ start, end: text.length });
  return spans;
}

/** Cuts `text` to at most `max` characters at a word boundary, keeping `[from, to)` inside. */
function cutAround(text: string, from: number, to: number, max: number): string {
  let start = Math.max(0, Math.min(from, to - max + 1) - 20);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space === -1 || space >= from ? start : space + 1;
  }
  let end = Math.min(text.length, start + max - 2);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > to ? space : end;
  }
  const body = text.slice(start, end).replace(TRIM_RE, '');
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}

/** The statement for a risk whose main cue spans `[cueStart, cueEnd)` in `sentence`. */
export function riskStatement(sentence: string, cueStart: number, cueEnd: number): string {
  const text = sentence.trim();
  if (text.length <= MAX_STATEMENT) return text;
  const spans = clauses(text);
  let i = spans.findIndex((s) => cueStart >= s.start && cueStart < s.end);
  if (i === -1) i = spans.length - 1;
  let lo = i;
  let hi = i;
  const len = (a: number, b: number): number => (spans[b]?.end ?? 0) - (spans[a]?.start ?? 0);
  for (;;) {
    const canNext = hi + 1 < spans.length && len(lo, hi + 1) <= MAX_STATEMENT;
    const canPrev = lo > 0 && len(lo - 1, hi) <= MAX_STATEMENT;
    if (canNext) hi++;
    else if (canPrev) lo--;
    else break;
  }
  const start = spans[lo]?.start ?? 0;
  const end = spans[hi]?.end ?? text.length;
  if (end - start > MAX_STATEMENT) return cutAround(text, cueStart, Math.max(cueEnd, cueStart), MAX_STATEMENT);
  const body = text.slice(start, end).replace(TRIM_RE, '');
  return start > 0 ? body.replace(LEADING_LINK_RE, '') : body;
}
