/**
 * Sentence segmentation for German and English news and finance text.
 * One pass over candidate boundaries (terminal punctuation plus optional
 * closing quotes, or a period glued between two words), each checked against
 * abbreviation lists, ordinal/date rules, initials, the case of the next word
 * and open quotation marks.
 */
import { ABBREVIATIONS, MAY_END_SENTENCE, MONTHS, ORDINAL_CONTEXT, SENTENCE_STARTERS } from './sentences/abbreviations.ts';
import type { RuleLanguage } from './types.ts';

/** Terminal punctuation, closing quotes/brackets, then white space or the end. */
const CANDIDATE = /[.!?…]+(?:["'”“»«’)\]]+)?(?=\s|$)|(?<=\p{Ll}{2})\.(?=\p{Lu}\p{Ll}{2})/gu;
const TOKEN_BEFORE = /(\S+)$/u;
const WORD_AFTER = /^\s*([„"“«»'‚([]*)(\S*)/u;
const LOWER_START = /^\p{Ll}/u;
const DIGIT_START = /^\p{N}/u;
const NUMBER_TOKEN = /^\p{N}{1,4}$/u;
const INITIAL = /^\p{Lu}$/u;
/** Longest stretch kept together because a quotation is open. */
const MAX_QUOTE_SPAN = 400;

const OPENERS: Record<string, string> = { '„': '“', '“': '”', '«': '»', '»': '«' };

/** Positions where a quotation opened and has not closed yet, tracked as text is consumed. */
class QuoteTracker {
  private stack: { close: string; at: number }[] = [];
  private pos = 0;

  advance(text: string, to: number): void {
    for (; this.pos < to; this.pos++) {
      const ch = text[this.pos] ?? '';
      const top = this.stack[this.stack.length - 1];
      if (top !== undefined && ch === top.close) this.stack.pop();
      else if (ch === '"') {
        if (top?.close === '"') this.stack.pop();
        else this.stack.push({ close: '"', at: this.pos });
      } else {
        const close = OPENERS[ch];
        if (close !== undefined) this.stack.push({ close, at: this.pos });
      }
    }
  }

  /** Whether a quotation opened within MAX_QUOTE_SPAN is still open. */
  open(at: number): boolean {
    while (this.stack.length > 0 && at - (this.stack[0]?.at ?? at) > MAX_QUOTE_SPAN) this.stack.shift();
    return this.stack.length > 0;
  }

  reset(): void {
    this.stack = [];
  }
}

function isBoundary(text: string, start: number, end: number, lang: RuleLanguage, quotes: QuoteTracker): boolean {
  const punct = text.slice(start, end);
  const glued = !/\s|$/u.test(text[end] ?? '') && punct === '.';
  const after = WORD_AFTER.exec(text.slice(end, end + 40));
  const next = after?.[2] ?? '';
  if (end >= text.length || next === '') return true;
  if (glued) return true;
  const closesQuote = /["”“»«’)]$/u.test(punct);
  if (!closesQuote && quotes.open(start)) return false;
  if (LOWER_START.test(next) && !/^[!?]/u.test(punct)) return false;
  if (!punct.startsWith('.')) return true;
  if (punct.startsWith('...') || punct.startsWith('…')) return !LOWER_START.test(next);

  const token = (TOKEN_BEFORE.exec(text.slice(Math.max(0, start - 40), start))?.[1] ?? '').replace(/^[„"“«»'‚([]+/u, '');
  if (token === '') return true;
  if (INITIAL.test(token)) return false;
  const abbreviation = ABBREVIATIONS[lang].has(token);
  if (abbreviation) {
    if (DIGIT_START.test(next)) return false;
    return MAY_END_SENTENCE.has(token) && SENTENCE_STARTERS.has(next.replace(/[^\p{L}]/gu, ''));
  }
  if (NUMBER_TOKEN.test(token) && !closesQuote) {
    if (MONTHS.has(next.replace(/[.,]$/u, '').toLowerCase())) return false;
    if (lang === 'de') {
      const before = /(\S+)\s+\S+$/u.exec(text.slice(Math.max(0, start - 60), start))?.[1]?.toLowerCase() ?? '';
      if (ORDINAL_CONTEXT.has(before) && !SENTENCE_STARTERS.has(next)) return false;
    }
  }
  // "U.S." / "z.B." style tokens with inner periods are abbreviations unless a clear sentence opener follows.
  if (/^\p{L}{1,2}(\.\p{L}{1,2})+$/u.test(token)) return SENTENCE_STARTERS.has(next);
  return true;
}

/**
 * Longest sentence handed to the figure and risk grammars. Real sentences stay far below it; run-on text
 * without punctuation (scraped tables, hostile pages) is cut at spaces so analysis time stays linear.
 */
export const MAX_SENTENCE_CHARS = 1200;

function capLength(sentence: string, out: string[]): void {
  let rest = sentence;
  while (rest.length > MAX_SENTENCE_CHARS) {
    const space = rest.lastIndexOf(' ', MAX_SENTENCE_CHARS);
    const cut = space > MAX_SENTENCE_CHARS / 2 ? space : MAX_SENTENCE_CHARS;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest !== '') out.push(rest);
}

/** Splits one paragraph into sentences (verbatim, trimmed; run-on text cut at {@link MAX_SENTENCE_CHARS}). */
export function splitSentences(paragraph: string, language: RuleLanguage): string[] {
  const text = paragraph.trim();
  if (text === '') return [];
  const out: string[] = [];
  const quotes = new QuoteTracker();
  let from = 0;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    quotes.advance(text, start);
    if (!isBoundary(text, start, end, language, quotes)) continue;
    quotes.advance(text, end);
    const sentence = text.slice(from, end).trim();
    if (sentence !== '') capLength(sentence, out);
    from = end;
    quotes.reset();
  }
  const rest = text.slice(from).trim();
  if (rest !== '') capLength(rest, out);
  return out;
}
