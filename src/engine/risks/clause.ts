/**
 * The short statement of a risk: the whole sentence when it is short, else the
 * clauses around its strongest cue. The statement always holds a main clause,
 * with the condition or cause fronted before it ("Sollten die Zölle steigen,
 * drohen Einbußen"), so a reader never sees only a subordinate clause. Always a
 * verbatim span of whole clauses of the sentence.
 */

/** Sentences up to this length are shown whole; longer ones are cut to whole clauses of about this length. */
export const MAX_STATEMENT = 240;

/** Clause boundaries: after , ; : or a dash between spaces. */
const BOUNDARY_RE = /[,;:](?=\s)|\s[–—-](?=\s)/gu;
const TRIM_RE = /^[\s,;:–—-]+|[\s,;:–—-]+$/gu;
/** A conjunction that only links the clause to what was cut off before it. */
const LEADING_LINK_RE = /^(?:and|but|or|while|und|aber|oder|doch|sondern|während)[\s,]+/iu;
/** Opening quotes and brackets before a clause's first word. */
const OPENING_RE = /^[\s"'„“”‚‘’»«(]+/u;
/**
 * Words that open a subordinate clause (conjunctions, relative pronouns, verb-first conditions "Sollten die
 * Zölle steigen", infinitives "um … zu"): such a clause cannot stand alone as a statement. Relative pronouns,
 * also after a preposition ("in dem", "in which"), count only inside the sentence ("Die Zölle …" opens a main clause).
 */
const SUBORDINATE_RE = new RegExp(
  '^(?:(?:und|and|or|oder|but|aber)\\s+)?(?:'
  + 'wenn|falls|sofern|sollten?|weil|da|obwohl|obgleich|dass|damit|ob|nachdem|bevor|indem|sodass|so dass|um|wie|als|'
  + 'if|unless|should|because|although|though|whereas|when|whenever|once|as|since|so that|in order to'
  + ')(?![\\p{L}])',
  'iu',
);
const RELATIVE_RE = /^(?:(?:in|an|auf|aus|bei|für|mit|nach|von|vor|zu|über|unter|durch|gegen|um|at|for|with|from|of|by|on|to)\s+)?(?:der|die|das|dem|den|deren|dessen|denen|welche[rsmn]?|wo(?:mit|durch|rauf)?|which|who|whom|whose|where)(?![\p{L}])/u;
/** A participle phrase after a comma ("citing weaker demand"). */
const PARTICIPLE_RE = /^\p{Ll}+ing(?![\p{L}])/u;
/** Subordinate clauses that are the condition of the main clause after them. */
const CONDITION_RE = /^(?:wenn|falls|sofern|sollten?|if|unless|should)(?![\p{L}])/iu;

interface Span {
  start: number;
  end: number;
  /** Opens with a subordinating word: needs a main clause beside it. */
  subordinate: boolean;
  /** A condition ("wenn", "if", verb-first "Sollten"): its main clause follows. */
  condition: boolean;
}

function span(text: string, start: number, end: number): Span {
  const head = text.slice(start, end).replace(TRIM_RE, '').replace(OPENING_RE, '');
  const inner = start > 0 && (RELATIVE_RE.test(head) || PARTICIPLE_RE.test(head));
  return { start, end, subordinate: SUBORDINATE_RE.test(head) || inner, condition: CONDITION_RE.test(head) };
}

/**
 * A list member after a comma: one or two words before the next comma or before the last member's
 * "und"/"and" ("in Sachsen, Thüringen und Bayern", "fever, tiredness, nausea"). Such a comma is no clause boundary.
 */
const LIST_MEMBER_RE = /^\s*[\p{L}\p{N}.%-]+(?:\s+[\p{L}\p{N}.%-]+)?(?:\s*,|\s+(?:und|oder|sowie|and|or)\s)/u;

function clauses(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  BOUNDARY_RE.lastIndex = 0;
  for (let m = BOUNDARY_RE.exec(text); m !== null; m = BOUNDARY_RE.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0] === ',' && LIST_MEMBER_RE.test(text.slice(end))) continue;
    spans.push(span(text, start, end));
    start = end;
  }
  spans.push(span(text, start, text.length));
  return spans;
}

/** The clause window `[lo, hi]` around clause `i`, grown to neighbours while it stays within MAX_STATEMENT. */
function window(spans: readonly Span[], i: number): [number, number] {
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
  return [lo, hi];
}

/**
 * Widens `[lo, hi]` until it holds a main clause: forward first (the main clause after a fronted condition),
 * else backward. A subordinate clause at its start takes in the clause it depends on, fronted subordinate
 * clauses at the sentence start come with their main clause, and a condition at its end with the main clause
 * after it. The result may exceed MAX_STATEMENT: a whole clause beats a fragment.
 */
function wholeClauses(spans: readonly Span[], lo: number, hi: number): [number, number] {
  let a = lo;
  let b = hi;
  const hasMain = (): boolean => spans.slice(a, b + 1).some((s) => !s.subordinate);
  while (!hasMain() && b + 1 < spans.length) b++;
  while (!hasMain() && a > 0) a--;
  while (a > 0 && spans[a]?.subordinate === true && spans[a]?.condition === false) a--;
  if (spans.slice(0, a).every((s) => s.subordinate)) a = 0;
  if (spans[b]?.condition === true) {
    while (b + 1 < spans.length && spans[b]?.subordinate !== false) b++;
  }
  return [a, b];
}

/** The statement for a risk whose main cue starts at `cueStart` in `sentence`. */
export function riskStatement(sentence: string, cueStart: number): string {
  const text = sentence.trim();
  if (text.length <= MAX_STATEMENT) return text;
  const spans = clauses(text);
  let i = spans.findIndex((s) => cueStart >= s.start && cueStart < s.end);
  if (i === -1) i = spans.length - 1;
  const [lo, hi] = wholeClauses(spans, ...window(spans, i));
  const start = spans[lo]?.start ?? 0;
  const end = spans[hi]?.end ?? text.length;
  const body = text.slice(start, end).replace(TRIM_RE, '');
  return start > 0 ? body.replace(LEADING_LINK_RE, '') : body;
}
