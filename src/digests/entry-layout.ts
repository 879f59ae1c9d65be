/**
 * One digest entry in the compact layout: the title links to the article, then a one- or two-sentence summary
 * within the digest's word budget, the top figures each with a short quote of the words it came from, and the
 * top risk that does not repeat the summary. Parts are added by priority while the entry stays within its share
 * of a chat message (`maxChars`), so a digest of up to eight entries fits one Discord message and one Slack post.
 */
import type { Digest, Figure, Risk } from '../engine/schema.ts';
import { entrySummary } from '../engine/summarize/budget.ts';
import { formatFigure, type LabelLanguage } from '../format/figure.ts';
import { riskCategoryName } from '../format/risk-category.ts';
import type { MessageLink, MessageSection } from '../messages/model.ts';

/** What a digest entry is made of: the article's digest and every source that carried the story. */
export interface EntryContent {
  digest: Digest;
  /** Sources in the order they were seen, each with the article's URL there when it has one. */
  seenIn: readonly { source: string; url: string | null }[];
  /** Model-written summary sentences (already checked), shown instead of the extractive ones. */
  modelSummary?: readonly string[];
}

export interface EntryLayoutOptions {
  language: LabelLanguage;
  /** Most words in the entry's summary. */
  summaryWords: number;
  /** Most characters of the entry's heading and lines together (its share of one chat message). */
  maxChars: number;
}

/** Most summary sentences in an entry. */
const SUMMARY_SENTENCES = 2;
/** Figures shown per entry at most. */
const TOP_FIGURES = 3;
/** Words quoted on each side of a figure's own text; one when the figure's sentence is already in the summary. */
const QUOTE_WORDS = 3;
/** A risk line is cut to the room left, but never below this many characters (then it is left out). */
const MIN_RISK_CHARS = 60;
const ELLIPSIS = '…';

const normal = (s: string): string => s.replace(/\s+/gu, ' ').trim().toLowerCase();

/**
 * A short quote of the words a figure came from: its own text in the sentence with `around` words on each
 * side, "…" where the sentence goes on. The figure's text alone when it is not found in the sentence.
 */
export function figureQuote(figure: Pick<Figure, 'text' | 'sentence'>, around: number = QUOTE_WORDS): string {
  const { sentence, text } = figure;
  const at = sentence.indexOf(text);
  if (at < 0 || text.trim() === '') return text.trim();
  const before = sentence.slice(0, at).split(/\s+/u).filter((w) => w !== '');
  const after = sentence.slice(at + text.length).split(/\s+/u).filter((w) => w !== '');
  // A word the figure's text starts or ends inside belongs to the figure, not to the words around it.
  const glueBefore = at > 0 && !/\s$/u.test(sentence.slice(0, at)) ? before.pop() ?? '' : '';
  const glueAfter = !/^\s/u.test(sentence.slice(at + text.length)) ? after.shift() ?? '' : '';
  const left = before.slice(Math.max(0, before.length - around));
  const right = after.slice(0, around);
  const core = `${glueBefore}${text}${glueAfter}`;
  const quote = [...left, core, ...right].join(' ').replace(/[,;:]$/u, '');
  return `${left.length < before.length ? `${ELLIPSIS} ` : ''}${quote}${right.length < after.length ? ` ${ELLIPSIS}` : ''}`;
}

function quoted(text: string, language: LabelLanguage): string {
  return language === 'de' ? `„${text}“` : `“${text}”`;
}

/** Cuts a line at a word boundary to at most `max` characters, ending with "…" when cut. */
function cutWords(line: string, max: number): string {
  if (line.length <= max) return line;
  const room = line.slice(0, Math.max(0, max - ELLIPSIS.length));
  const space = room.lastIndexOf(' ');
  return `${(space > 0 ? room.slice(0, space) : room).replace(/[\s,;:–-]+$/u, '')}${ELLIPSIS}`;
}

/** The figure lines: the top distinct figures, each with its quote (shortened when the summary holds its sentence). */
function figureLines(figures: readonly Figure[], summary: ReadonlySet<string>, language: LabelLanguage): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  const word = language === 'de' ? 'Kennzahl' : 'Figure';
  for (const f of figures) {
    const shown = formatFigure(f, language);
    if (seen.has(shown)) continue;
    seen.add(shown);
    const quote = figureQuote(f, summary.has(normal(f.sentence)) ? 1 : QUOTE_WORDS);
    lines.push(`${word}: ${shown} — ${quoted(quote, language)}`);
    if (lines.length === TOP_FIGURES) break;
  }
  return lines;
}

/** The top risk that does not repeat a summary sentence, or null. */
function topRisk(risks: readonly Risk[], summary: ReadonlySet<string>, summaryText: string): Risk | null {
  return risks.find((r) => !summary.has(normal(r.sentence)) && !summaryText.includes(normal(r.text))) ?? null;
}

function entryLinks(content: EntryContent): { url: string | null; links: MessageLink[] } {
  const withUrl = content.seenIn.filter((s): s is { source: string; url: string } => s.url !== null);
  const seen = new Set<string>();
  const unique = withUrl.filter((s) => !seen.has(s.url) && seen.add(s.url) !== undefined);
  const [first, ...rest] = unique;
  return { url: first?.url ?? null, links: rest.map((s) => ({ label: s.source, url: s.url })) };
}

/** The entry's summary lines: the model's sentences, or one or two extractive sentences within the word budget. */
function summaryLines(content: EntryContent, options: EntryLayoutOptions): string[] {
  const d = content.digest;
  if (content.modelSummary !== undefined) {
    const mark = options.language === 'de'
      ? '(KI-Zusammenfassung, jede Zahl und jeder Name gegen den Artikel geprüft)'
      : '(model-written summary, every number and name checked against the article)';
    return [mark, ...content.modelSummary];
  }
  return entrySummary(d.summary, d.entrySummary, options.summaryWords).slice(0, SUMMARY_SENTENCES);
}

/** Builds one entry's section in the compact layout. */
export function entrySection(content: EntryContent, options: EntryLayoutOptions): MessageSection {
  const { language } = options;
  const d = content.digest;
  const sources = [...new Set(content.seenIn.map((s) => s.source))];
  const heading = d.title ?? sources.join(', ');
  const summary = summaryLines(content, options);
  const summarySet = new Set(summary.map(normal));
  // Several sources: named at the end (the reader sees where the story ran), counted first.
  const sourcesLine = sources.length > 1 ? `${language === 'de' ? 'Quellen' : 'Sources'}: ${sources.join(', ')}` : null;
  let used = [heading, ...summary, ...(sourcesLine === null ? [] : [sourcesLine])].reduce((n, l) => n + l.length + 1, 0);
  const take = (line: string | undefined): string | null => {
    if (line === undefined || used + line.length + 1 > options.maxChars) return null;
    used += line.length + 1;
    return line;
  };
  // Chosen by priority (two figures, the risk, a third figure, warnings), shown in reading order.
  const [first, second, third] = figureLines(d.figures, summarySet, language);
  const figures = [take(first), take(second)];
  const risk = topRisk(d.risks, summarySet, normal(summary.join(' ')));
  let riskLine: string | null = null;
  if (risk !== null) {
    const room = options.maxChars - used - 1;
    const line = `${language === 'de' ? 'Risiko' : 'Risk'} (${riskCategoryName(risk.category, language)}): ${risk.text}`;
    if (room >= MIN_RISK_CHARS) riskLine = take(cutWords(line, room));
  }
  figures.push(take(third));
  const warnings = d.warnings.map((w) => take(`⚠ ${w}`));
  const lines = [...summary, ...figures, riskLine, ...warnings, sourcesLine].filter((l): l is string => l !== null);
  const { url, links } = entryLinks(content);
  return { heading, lines, ...(url === null ? {} : { url }), ...(links.length > 0 ? { links } : {}) };
}
