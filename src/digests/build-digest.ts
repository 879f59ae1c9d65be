/**
 * Builds one digest message from a definition: reads every source (a broken
 * source is reported in the footer, never stops the digest), records new
 * articles in the store (deduplicated by URL and content hash), digests each
 * article once per version (cached by content hash and engine version),
 * groups the same story from several sources into one entry, and renders
 * the neutral message model.
 */
import { createHash } from 'node:crypto';
import { digestArticle } from '../engine/digest.ts';
import { prepareInput } from '../engine/input.ts';
import { digestSchema, type Digest } from '../engine/schema.ts';
import { toDigestError } from '../errors.ts';
import { formatFigure } from '../format/figure.ts';
import type { Message, MessageSection } from '../messages/model.ts';
import type { Clock, Logger } from '../ports.ts';
import type { Store } from '../store/port.ts';
import type { DigestDefinition, SourceDefinition } from './definition.ts';

/** One article as a source yields it. */
export interface RawArticle {
  /** File name or URL, for messages and logs. */
  name: string;
  url: string | null;
  bytes: Uint8Array;
  contentType: string | null;
}

export interface BuildDigestDeps {
  store: Store;
  workspaceId: string;
  clock: Clock;
  logger: Logger;
  /** Changes whenever the engine's output may change; part of the cache key. */
  engineVersion: string;
  /** Reads a source's current articles. Throws a DigestError when the source is unreachable or broken. */
  readSource(source: SourceDefinition): Promise<RawArticle[]>;
}

export interface BuiltDigest {
  message: Message;
  /** Entries in the message (after grouping). */
  entries: number;
  failingSources: { name: string; error: string }[];
}

interface Entry {
  digest: Digest;
  /** Every source that carried the story, with the article's URL there when it has one. */
  seenIn: { source: string; url: string | null }[];
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

function digestOf(deps: BuildDigestDeps, raw: RawArticle, hash: string): Digest {
  const cached = deps.store.digestCache.get(hash, deps.engineVersion);
  if (cached !== null) return digestSchema.parse(JSON.parse(cached));
  const { digest } = digestArticle(prepareInput(raw.bytes, raw.name, raw.contentType, raw.url ?? undefined));
  deps.store.digestCache.put(hash, deps.engineVersion, JSON.stringify(digest), deps.clock.now().toISOString());
  return digest;
}

function section(entry: Entry, language: 'de' | 'en'): MessageSection {
  const d = entry.digest;
  const lines = [...d.summary];
  for (const f of d.figures.slice(0, 3)) lines.push(`${language === 'de' ? 'Kennzahl' : 'Figure'}: ${formatFigure(f, language)}`);
  for (const r of d.risks.slice(0, 2)) lines.push(`${language === 'de' ? 'Risiko' : 'Risk'} (${r.category}): ${r.text}`);
  for (const w of d.warnings) lines.push(`⚠ ${w}`);
  const sources = [...new Set(entry.seenIn.map((s) => s.source))];
  if (sources.length > 1) lines.push(`${language === 'de' ? 'Quellen' : 'Sources'}: ${sources.join(', ')}`);
  const links = entry.seenIn.flatMap((s) => (s.url === null ? [] : [{ label: s.source, url: s.url }]));
  return { heading: d.title ?? sources.join(', '), lines, ...(links.length > 0 ? { links } : {}) };
}

/** Builds the digest message for a definition now. */
export async function buildDigest(deps: BuildDigestDeps, def: DigestDefinition): Promise<BuiltDigest> {
  const now = deps.clock.now();
  const entries: (Entry & { words: Set<string> })[] = [];
  const failing: { name: string; error: string }[] = [];
  for (const source of def.sources) {
    let raws: RawArticle[];
    try {
      raws = await deps.readSource(source);
    } catch (err) {
      const error = toDigestError(err);
      failing.push({ name: source.name, error: error.message });
      deps.logger.warn('source failed', { source: source.name, code: error.code });
      continue;
    }
    for (const raw of raws) {
      if (entries.length >= def.maxArticles) break;
      try {
        const hash = createHash('sha256').update(raw.bytes).digest('hex');
        const digest = digestOf(deps, raw, hash);
        const words = titleWords(digest.title);
        const same = entries.find((e) => similarity(e.words, words) >= SAME_STORY);
        if (same !== undefined) {
          same.seenIn.push({ source: source.name, url: raw.url });
          continue;
        }
        entries.push({ digest, seenIn: [{ source: source.name, url: raw.url }], words });
      } catch (err) {
        const error = toDigestError(err);
        deps.logger.warn('article skipped', { source: source.name, article: raw.name, code: error.code });
      }
    }
  }
  const dateText = now.toLocaleDateString(def.language === 'de' ? 'de-DE' : 'en-GB', {
    timeZone: def.schedule?.timezone ?? 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
  });
  const message: Message = {
    title: def.title,
    subtitle: `${dateText} · ${String(entries.length)} ${def.language === 'de' ? 'Artikel' : entries.length === 1 ? 'article' : 'articles'}`,
    sections: entries.map((e) => section(e, def.language)),
  };
  if (failing.length > 0) {
    const label = def.language === 'de' ? 'Quellen mit Fehlern' : 'sources failing';
    message.footer = `${String(failing.length)} ${label}: ${failing.map((f) => `${f.name} (${f.error})`).join('; ')}`;
  }
  return { message, entries: entries.length, failingSources: failing };
}
