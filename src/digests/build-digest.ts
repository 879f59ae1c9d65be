/**
 * Builds one digest message from a definition: reads folder sources, brings
 * the definition's feed/page sources up to date (a broken source is reported
 * in the health line, never stops the digest), takes their articles first
 * seen within the look-back window (digested once per version, cached),
 * applies keyword filters, chooses entries fairly across sources (round-robin
 * by recency, a per-source cap, "and N more from …" for what a cap cuts),
 * groups the same story from several sources into one entry (same words and
 * same names: same-story.ts), and renders each entry in the compact layout
 * (entry-layout.ts) as the neutral message model. With `summary: llm` and a
 * model configured, each chosen entry gets a model-written, grounded summary
 * from the sentence split kept in the digest cache (folder and feed/page
 * articles alike), else the extractive one.
 */
import type { Digest } from '../engine/schema.ts';
import { toDigestError } from '../errors.ts';
import { chartRows, renderFiguresChart } from '../format/chart/index.ts';
import type { LlmSummarizer, LlmSummary } from '../llm/summarize-llm.ts';
import { summarizeDigested, type DigestedArticle } from '../llm/summarize-material.ts';
import { digestMentionsAny } from '../search/word-match.ts';
import type { Message, MessageImage, MessageLink, MessageSection } from '../messages/model.ts';
import type { Clock, Logger } from '../ports.ts';
import { inProcessDigester, type ArticleDigester, type Material } from '../digesting/article-digester.ts';
import { cachedArticle, cachedDigest, digestBytes } from '../digesting/digest-articles.ts';
import type { RawArticle } from '../sources/folder.ts';
import type { SourceRecord, Store } from '../store/port.ts';
import type { DigestDefinition, SourceDefinition } from './definition.ts';
import { definitionSources } from './definition-sources.ts';
import { entrySection } from './entry-layout.ts';
import { selectEntries, type Candidate } from './fair-selection.ts';
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
  /** Model-written summaries for definitions with `summary: llm` (folder and stored feed/page articles). @defaultValue none */
  llm?: LlmSummarizer;
}

export interface BuiltDigest {
  message: Message;
  /** Entries in the message (after grouping). */
  entries: number;
  failingSources: FailingSource[];
}

/** An article that may become an entry, with where it was seen. */
interface Article {
  digest: Digest;
  source: string;
  url: string | null;
  /** The model-written summary, when the definition asks for one. */
  summary?: LlmSummary;
  /** The article's sentence split (kept in the digest cache), to ask for its model-written summary once it is chosen. */
  digested?: DigestedArticle;
}

/** Where a source's cut articles can be read: its name and its link (null for folders). */
interface SourceRef {
  name: string;
  url: string | null;
}

/** Articles gathered for a build, before selection. */
class Gathered {
  readonly candidates: Candidate<Article>[] = [];
  readonly sources = new Map<string, SourceRef>();
  /** Articles per source beyond those read in full: they only add to the count of what a cap cut. */
  readonly unread = new Map<string, number>();
  constructor(private readonly def: DigestDefinition) {}

  add(key: string, ref: SourceRef, at: string | null, article: Article): void {
    if (!passesFilters(article.digest, this.def)) return;
    this.sources.set(key, ref);
    this.candidates.push({ sourceKey: key, at, title: article.digest.title, item: article });
  }
}

/** Characters of one chat message the entries may use together (the rest: title, subtitle, "more" lines, footer). */
const ENTRY_CHARS_PER_MESSAGE = 5_000;
/** Most characters of one entry, however few entries there are. */
const MAX_ENTRY_CHARS = 1_000;
/** Articles of one source counted per build (to say how many a cap cut). */
const STORED_PER_SOURCE = 200;
/** Articles of one source whose digests are read per build, at least (twice `maxArticles` when that is more). */
const DIGESTS_PER_SOURCE = 20;

/** Whether a digest passes the definition's include/exclude keywords (whole words, src/search/word-match.ts). */
export function passesFilters(digest: Digest, def: Pick<DigestDefinition, 'include' | 'exclude'>): boolean {
  if (def.include.length === 0 && def.exclude.length === 0) return true;
  if (digestMentionsAny(digest, def.exclude)) return false;
  return def.include.length === 0 || digestMentionsAny(digest, def.include);
}

async function addFolders(deps: BuildDigestDeps, def: DigestDefinition, list: Gathered, failing: FailingSource[]): Promise<void> {
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
    const ref = { name: source.name, url: null };
    for (const raw of raws) {
      try {
        const item = await folderArticle(deps, def, { ...raw, url: raw.url ?? undefined });
        list.add(`folder:${source.name}`, ref, item.digest.published, { ...item, source: source.name, url: raw.url });
      } catch (err) {
        deps.logger.warn('article skipped', { source: source.name, article: raw.name, code: toDigestError(err).code });
      }
    }
  }
}

const wantsModel = (deps: BuildDigestDeps, def: DigestDefinition): boolean => def.summary === 'llm' && deps.llm !== undefined;

/** A folder article's digest (once per version, cached); with its sentence split when the definition asks for a model-written summary. */
async function folderArticle(deps: BuildDigestDeps, def: DigestDefinition, material: Material): Promise<Pick<Article, 'digest' | 'digested'>> {
  const { hash, digest, text } = await digestBytes({ ...deps, keepArticleText: deps.llm !== undefined }, material);
  if (!wantsModel(deps, def)) return { digest };
  // Cached before the split was kept: the bytes are at hand, so the engine splits them again.
  const split = text ?? (await (deps.digester ?? inProcessDigester).digest(material)).text;
  return { digest, digested: { digest, text: split, contentHash: hash } };
}

/** A stored article's cached digest; with its kept sentence split when the definition asks for a model-written summary. */
async function storedArticle(deps: BuildDigestDeps, def: DigestDefinition, hash: string): Promise<Pick<Article, 'digest' | 'digested'> | null> {
  if (!wantsModel(deps, def)) {
    const digest = await cachedDigest(deps.store, hash, deps.engineVersion);
    return digest === null ? null : { digest };
  }
  const cached = await cachedArticle(deps.store, hash, deps.engineVersion);
  if (cached === null) return null;
  // Digested before the sentence split was kept: the extractive summary (the article's bytes are gone).
  if (cached.text === null) return { digest: cached.digest };
  return { digest: cached.digest, digested: { digest: cached.digest, text: cached.text, contentHash: hash } };
}

/**
 * Asks for the model-written summary of each chosen article, folder or stored (only those: a cut article
 * costs no tokens). The summarizer never throws for a provider failure; the extractive summary stands in.
 */
async function summarizeChosen(deps: BuildDigestDeps, def: DigestDefinition, entries: readonly Article[][]): Promise<void> {
  const llm = deps.llm;
  if (def.summary !== 'llm' || llm === undefined) return;
  for (const [first] of entries) {
    if (first?.digested === undefined) continue;
    try {
      first.summary = await summarizeDigested(llm, first.digested, def.workspace, def.summaryLanguage);
    } catch (err) {
      deps.logger.warn('llm summary failed; extractive summary used', { source: first.source, code: toDigestError(err).code });
    }
  }
}

/** Adds each source's stored articles of the look-back window (read per source, so no busy source hides another). */
async function addStored(deps: BuildDigestDeps, def: DigestDefinition, sources: readonly SourceRecord[], list: Gathered): Promise<number> {
  const since = new Date(deps.clock.now().getTime() - def.lookbackHours * 3_600_000).toISOString();
  const read = Math.max(DIGESTS_PER_SOURCE, def.maxArticles * 2);
  // Beyond `read`, an article can only be cut (a source's share is at most maxArticles); without keyword filters
  // it is counted as cut without reading its digest.
  const countRest = def.include.length === 0 && def.exclude.length === 0;
  let unreadable = 0;
  for (const source of sources) {
    const key = `source:${String(source.id)}`;
    const articles = await deps.store.articles.recent(def.workspace, since, STORED_PER_SOURCE, [source.id]);
    const rest = articles.slice(read).filter((a) => a.digestHash !== null).length;
    if (countRest && rest > 0) list.unread.set(key, rest);
    for (const article of articles.slice(0, read)) {
      if (article.digestHash === null) {
        if (article.digestError !== null) unreadable++;
        continue;
      }
      const item = await storedArticle(deps, def, article.digestHash);
      if (item === null) continue;
      const url = article.link ?? article.canonicalUrl;
      list.add(key, { name: source.name, url: source.url }, article.published ?? article.firstSeenAt, { ...item, source: source.name, url });
    }
  }
  return unreadable;
}

/** The entries' sections in the compact layout, each within its share of one chat message. */
function entrySections(def: DigestDefinition, entries: readonly Article[][]): MessageSection[] {
  const maxChars = Math.min(MAX_ENTRY_CHARS, Math.floor(ENTRY_CHARS_PER_MESSAGE / Math.max(1, entries.length)));
  return entries.map((items) => {
    const [first] = items as [Article, ...Article[]];
    const model = first.summary?.kind === 'llm' ? first.summary.sentences : undefined;
    return entrySection(
      { digest: first.digest, seenIn: items.map((a) => ({ source: a.source, url: a.url })), ...(model === undefined ? {} : { modelSummary: model }) },
      { language: def.language, summaryWords: def.summaryWords, maxChars },
    );
  });
}

/** "and 12 more from Presseschau", linked to the source where it has a link; one section for every cut source. */
function moreSection(def: DigestDefinition, cut: ReadonlyMap<string, number>, sources: ReadonlyMap<string, SourceRef>): MessageSection | null {
  const lines: string[] = [];
  const links: MessageLink[] = [];
  for (const [key, n] of cut) {
    const ref = sources.get(key);
    if (ref === undefined) continue;
    const text = def.language === 'de' ? `und ${String(n)} weitere aus ${ref.name}` : `and ${String(n)} more from ${ref.name}`;
    if (ref.url === null) lines.push(text);
    else links.push({ label: text, url: ref.url });
  }
  if (lines.length === 0 && links.length === 0) return null;
  return { lines, ...(links.length > 0 ? { links } : {}) };
}

/** Chooses the entries fairly across sources (see fair-selection.ts). */
function choose(def: DigestDefinition, list: Gathered): { entries: Article[][]; more: MessageSection | null } {
  const active = new Set(list.candidates.map((c) => c.sourceKey)).size;
  const perSource = def.maxPerSource ?? Math.max(2, Math.ceil(def.maxArticles / Math.max(1, active)));
  const { entries, cut } = selectEntries(list.candidates, { max: def.maxArticles, perSource });
  for (const [key, n] of list.unread) cut.set(key, (cut.get(key) ?? 0) + n);
  return { entries: entries.map((e) => e.items), more: moreSection(def, cut, list.sources) };
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
  const list = new Gathered(def);
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
  const { entries, more } = choose(def, list);
  await summarizeChosen(deps, def, entries);
  const n = entries.length;
  const message: Message = {
    title: def.title,
    subtitle: `${dateText} · ${String(n)} ${de ? 'Artikel' : n === 1 ? 'article' : 'articles'}`,
    sections: [...entrySections(def, entries), ...(more === null ? [] : [more])],
  };
  const footer = [
    n === 0 ? (de ? 'Keine neuen Artikel im Zeitraum.' : 'No new articles in this period.') : null,
    unreadable > 0 ? (de ? `${String(unreadable)} Artikel nicht lesbar (Seite nicht erreichbar oder ohne Text).` : `${String(unreadable)} article(s) could not be read (page unreachable or without text).`) : null,
    healthLine(failing, def.language, timeZone),
    def.summary === 'llm' && deps.llm !== undefined ? await deps.llm.usageLine(def.workspace) : null,
  ].filter((x): x is string => x !== null);
  if (footer.length > 0) message.footer = footer.join('\n');
  const image = def.chart ? digestChart(def, entries.map(([first]) => (first as Article).digest)) : null;
  if (image !== null) message.image = image;
  return { message, entries: n, failingSources: failing };
}
