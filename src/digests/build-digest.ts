/**
 * Builds one digest message from a definition: reads folder sources, brings
 * the definition's feed/page sources up to date (a broken source is reported
 * in the health line, never stops the digest), takes their articles first
 * seen within the look-back window (digested once per version, cached),
 * applies keyword filters, groups the same story from several sources into
 * one entry, and renders the neutral message model.
 */
import type { Digest } from '../engine/schema.ts';
import { entrySummary } from '../engine/summarize/budget.ts';
import { toDigestError } from '../errors.ts';
import { chartRows, renderFiguresChart } from '../format/chart/index.ts';
import { formatFigure } from '../format/figure.ts';
import type { LlmSummarizer, LlmSummary } from '../llm/summarize-llm.ts';
import { summarizeMaterial } from '../llm/summarize-material.ts';
import { riskCategoryName } from '../format/risk-category.ts';
import type { Message, MessageImage, MessageSection } from '../messages/model.ts';
import type { Clock, Logger } from '../ports.ts';
import type { ArticleDigester } from '../digesting/article-digester.ts';
import { cachedDigest, digestBytes } from '../digesting/digest-articles.ts';
import type { RawArticle } from '../sources/folder.ts';
import type { SourceRecord, Store } from '../store/port.ts';
import type { DigestDefinition, SourceDefinition } from './definition.ts';
import { definitionSources } from './definition-sources.ts';
import { failingFromRecords, healthLine, type FailingSource } from './health-line.ts';

export type { RawArticle };
export type FolderSource = Extract<SourceDefinition, { type: 'folder' }>;

export interface BuildDigestDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Changes whenever the engine's output may change; part of the cache key. */
  engineVersion: string;
  /** Reads a folder source's articles. Throws a DigestError when it cannot be read. */
  readFolder(source: FolderSource): Promise<RawArticle[]>;
  /** Runs the engine on folder articles not cached yet. @defaultValue inProcessDigester */
  digester?: ArticleDigester;
  /** Polls the definition's feed/page sources that are due, before building. @defaultValue none (use what is stored) */
  refresh?(sources: readonly SourceRecord[]): Promise<void>;
  /** Model-written summaries for definitions with `summary: llm` (folder articles). @defaultValue none */
  llm?: LlmSummarizer;
}

export interface BuiltDigest {
  message: Message;
  /** Entries in the message (after grouping). */
  entries: number;
  failingSources: FailingSource[];
}

interface Entry {
  digest: Digest;
  /** Every source that carried the story, with the article's URL there when it has one. */
  seenIn: { source: string; url: string | null }[];
  words: Set<string>;
  /** The model-written summary, when the definition asks for one. */
  summary?: LlmSummary;
}

const TITLE_WORD = /[\p{L}\p{N}]{3,}/gu;
/** Title similarity (Jaccard of words) from which two articles are the same story. */
const SAME_STORY = 0.6;

function titleWords(title: string | null): Set<string> {
  return new Set(title?.toLowerCase().match(TITLE_WORD) ?? []);
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Whether a digest passes the definition's include/exclude keywords (case-insensitive, anywhere in its text). */
export function passesFilters(digest: Digest, def: Pick<DigestDefinition, 'include' | 'exclude'>): boolean {
  if (def.include.length === 0 && def.exclude.length === 0) return true;
  const text = [digest.title ?? '', ...digest.summary, ...digest.figures.map((f) => f.sentence), ...digest.risks.map((r) => r.text)].join(' ').toLowerCase();
  if (def.exclude.some((w) => text.includes(w.toLowerCase()))) return false;
  return def.include.length === 0 || def.include.some((w) => text.includes(w.toLowerCase()));
}

function section(entry: Entry, def: Pick<DigestDefinition, 'language' | 'summaryWords'>): MessageSection {
  const { language } = def;
  const d = entry.digest;
  const model = entry.summary?.kind === 'llm' ? entry.summary.sentences : null;
  const lines = model === null ? entrySummary(d.summary, d.entrySummary, def.summaryWords) : [
    language === 'de' ? '(KI-Zusammenfassung, jede Zahl und jeder Name gegen den Artikel geprüft)' : '(model-written summary, every number and name checked against the article)',
    ...model,
  ];
  for (const f of d.figures.slice(0, 3)) lines.push(`${language === 'de' ? 'Kennzahl' : 'Figure'}: ${formatFigure(f, language)}`);
  for (const r of d.risks.slice(0, 2)) lines.push(`${language === 'de' ? 'Risiko' : 'Risk'} (${riskCategoryName(r.category, language)}): ${r.text}`);
  for (const w of d.warnings) lines.push(`⚠ ${w}`);
  const sources = [...new Set(entry.seenIn.map((s) => s.source))];
  if (sources.length > 1) lines.push(`${language === 'de' ? 'Quellen' : 'Sources'}: ${sources.join(', ')}`);
  const links = entry.seenIn.flatMap((s) => (s.url === null ? [] : [{ label: s.source, url: s.url }]));
  return { heading: d.title ?? sources.join(', '), lines, ...(links.length > 0 ? { links } : {}) };
}

class EntryList {
  readonly entries: Entry[] = [];
  constructor(private readonly def: DigestDefinition) {}

  get full(): boolean {
    return this.entries.length >= this.def.maxArticles;
  }

  add(digest: Digest, source: string, url: string | null, summary?: LlmSummary): void {
    if (!passesFilters(digest, this.def)) return;
    const words = titleWords(digest.title);
    const same = this.entries.find((e) => similarity(e.words, words) >= SAME_STORY);
    if (same !== undefined) same.seenIn.push({ source, url });
    else if (!this.full) this.entries.push({ digest, seenIn: [{ source, url }], words, ...(summary === undefined ? {} : { summary }) });
  }
}

async function addFolders(deps: BuildDigestDeps, def: DigestDefinition, list: EntryList, failing: FailingSource[]): Promise<void> {
  for (const source of def.sources) {
    if (source.type !== 'folder') continue;
    let raws: RawArticle[];
    try {
      raws = await deps.readFolder(source);
    } catch (err) {
      const error = toDigestError(err);
      failing.push({ name: source.name, error: error.message, since: null });
      deps.logger.warn('source failed', { source: source.name, code: error.code });
      continue;
    }
    for (const raw of raws) {
      try {
        if (def.summary === 'llm' && deps.llm !== undefined) {
          const { digest, summary } = await summarizeMaterial(deps.llm, { ...raw, url: raw.url ?? undefined }, def.workspace, def.summaryLanguage);
          list.add(digest, source.name, raw.url, summary);
        } else {
          list.add((await digestBytes(deps, { ...raw, url: raw.url ?? undefined })).digest, source.name, raw.url);
        }
      } catch (err) {
        deps.logger.warn('article skipped', { source: source.name, article: raw.name, code: toDigestError(err).code });
      }
    }
  }
}

async function addStored(deps: BuildDigestDeps, def: DigestDefinition, sources: readonly SourceRecord[], list: EntryList): Promise<number> {
  const since = new Date(deps.clock.now().getTime() - def.lookbackHours * 3_600_000).toISOString();
  const names = new Map(sources.map((s) => [s.id, s.name]));
  let unreadable = 0;
  for (const article of await deps.store.articles.recent(def.workspace, since, def.maxArticles * 10, [...names.keys()])) {
    if (article.digestHash === null) {
      if (article.digestError !== null) unreadable++;
      continue;
    }
    const digest = await cachedDigest(deps.store, article.digestHash, deps.engineVersion);
    if (digest !== null) list.add(digest, names.get(article.sourceId) ?? '?', article.link ?? article.canonicalUrl);
  }
  return unreadable;
}

/** File name of the key-figures chart attached to digests with `chart: true`. */
export const CHART_FILENAME = 'figures.png';

/** The key-figures chart of the entries, or null when none has a percent change to show. */
export function digestChart(def: Pick<DigestDefinition, 'title' | 'language'>, digests: readonly Digest[]): MessageImage | null {
  const rows = chartRows(digests);
  if (rows.length === 0) return null;
  const title = `${def.title} – ${def.language === 'de' ? 'Veränderungen in %' : 'changes in %'}`;
  const chart = renderFiguresChart(rows, { title, language: def.language });
  return { filename: CHART_FILENAME, png: chart.png, alt: chart.alt, width: chart.width, height: chart.height };
}

/** Builds the digest message for a definition now. */
export async function buildDigest(deps: BuildDigestDeps, def: DigestDefinition): Promise<BuiltDigest> {
  const now = deps.clock.now();
  const list = new EntryList(def);
  const failing: FailingSource[] = [];
  await addFolders(deps, def, list, failing);
  let sources = await definitionSources(deps.store, def, now.toISOString());
  if (sources.length > 0 && deps.refresh !== undefined) {
    await deps.refresh(sources);
    sources = await Promise.all(sources.map(async (s) => (await deps.store.sources.get(s.id)) ?? s));
  }
  const unreadable = await addStored(deps, def, sources, list);
  failing.push(...failingFromRecords(sources));
  const de = def.language === 'de';
  const timeZone = def.schedule?.timezone ?? 'UTC';
  const dateText = now.toLocaleDateString(de ? 'de-DE' : 'en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const n = list.entries.length;
  const message: Message = {
    title: def.title,
    subtitle: `${dateText} · ${String(n)} ${de ? 'Artikel' : n === 1 ? 'article' : 'articles'}`,
    sections: list.entries.map((e) => section(e, def)),
  };
  const footer = [
    n === 0 ? (de ? 'Keine neuen Artikel im Zeitraum.' : 'No new articles in this period.') : null,
    unreadable > 0 ? (de ? `${String(unreadable)} Artikel nicht lesbar (Seite nicht erreichbar oder ohne Text).` : `${String(unreadable)} article(s) could not be read (page unreachable or without text).`) : null,
    healthLine(failing, def.language, timeZone),
    def.summary === 'llm' && deps.llm !== undefined ? await deps.llm.usageLine(def.workspace) : null,
  ].filter((x): x is string => x !== null);
  if (footer.length > 0) message.footer = footer.join('\n');
  const image = def.chart ? digestChart(def, list.entries.map((e) => e.digest)) : null;
  if (image !== null) message.image = image;
  return { message, entries: n, failingSources: failing };
}
