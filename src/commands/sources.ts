/**
 * `/sources add <url> [name]` (shows what the source yields, saves only when it yields something),
 * `/sources remove <name|id>`, `/sources list` (with health and, with an LLM configured, the workspace's token use
 * today). Admin only; every change is audited.
 */
import { DigestError } from '../errors.ts';
import type { Message } from '../messages/model.ts';
import { fetchDocument } from '../sources/http/from-config.ts';
import { pollSource } from '../polling/poll-source.ts';
import { itemCountText, readSourceDocument, type SourceDocument, type SourceKind } from '../sources/read-source.ts';
import { assertNameFree, assertNotDuplicate, assertSourceYields, sourceAddress } from '../sources/source-checks.ts';
import type { SourceRecord } from '../store/port.ts';
import { audit, type CommandServices } from './services.ts';
import { defineSubcommand, type CommandGroup } from './types.ts';

const KIND_NAMES: Record<SourceKind, string> = {
  rss: 'RSS feed', atom: 'Atom feed', rdf: 'RDF feed', 'json-feed': 'JSON Feed', listing: 'web page with article links', article: 'single web page',
};

/** Fetches a URL and reads it as a source; an HTML page that announces a feed is replaced by that feed. */
export async function previewSource(services: CommandServices, url: string): Promise<{ url: string; doc: SourceDocument; via: string | null }> {
  const page = await fetchDocument(services.http, url);
  const doc = readSourceDocument(page.bytes, page.contentType, page.url);
  const feed = doc.kind === 'listing' || doc.kind === 'article' ? doc.feeds[0] : undefined;
  if (feed !== undefined) {
    try {
      const fetched = await fetchDocument(services.http, feed.url);
      const feedDoc = readSourceDocument(fetched.bytes, fetched.contentType, fetched.url);
      if (feedDoc.items.length > 0) return { url: fetched.url, doc: feedDoc, via: page.url };
    } catch (err) {
      services.logger.info('announced feed unusable', { url: feed.url, code: err instanceof DigestError ? err.code : 'unknown' });
    }
  }
  assertSourceYields(doc, page);
  return { url: page.url, doc, via: null };
}

function sourceName(given: string | undefined, doc: SourceDocument, url: string): string {
  const raw = given ?? doc.title ?? new URL(url).hostname;
  const name = raw.replace(/\s+/gu, ' ').trim();
  return name.length > 60 ? `${name.slice(0, 59)}…` : name;
}

export const sourcesAddCommand = defineSubcommand({
  name: 'add',
  description: 'Add a feed or page (shows what it yields before saving)',
  options: [
    { name: 'url', description: 'feed or page URL', kind: 'url', required: true, missing: 'the address of a feed or page', example: 'https://example.org/feed.xml' },
    { name: 'name', description: 'short name (default: the feed title)', kind: 'text', required: false, rest: true, maxLength: 60 },
  ],
  async run(services: CommandServices, ctx, [url, given]) {
    const existing = await services.store.sources.list(ctx.workspaceId);
    assertNotDuplicate(existing, sourceAddress(url));
    const preview = await previewSource(services, sourceAddress(url));
    const { doc, via } = preview;
    const sourceUrl = sourceAddress(preview.url);
    assertNotDuplicate(existing, sourceUrl);
    const name = sourceName(given, doc, sourceUrl);
    assertNameFree(existing, name);
    const at = services.clock.now().toISOString();
    const source = await services.store.sources.add({ workspaceId: ctx.workspaceId, name, url: sourceUrl, type: doc.kind, addedBy: ctx.userId }, at);
    // The first own source hides the bundled samples and their schedule.
    if (existing.length === 0) await services.schedulesChanged();
    await audit(services, ctx, 'sources.add', source.name, sourceUrl);
    const outcome = await pollSource(services, source, { force: true });
    const lines = [`${KIND_NAMES[doc.kind]}${via === null ? '' : ` (found on ${via})`}, ${itemCountText(doc)}: ${sourceUrl}`];
    if (outcome.status === 'ok') {
      lines.push(`The newest ${String(outcome.added)} will be in the next digest; ${String(outcome.backfilled)} older one(s) were marked as already seen.`);
    } else if (outcome.status === 'failed') {
      lines.push(`Saved, but the first fetch failed (${outcome.error.message}); it will be retried.`);
    }
    const newest = doc.items.slice(0, 3).map((i) => i.title ?? i.url ?? '(untitled)');
    return { title: `Added “${source.name}”`, sections: [{ lines }, ...(newest.length > 0 ? [{ heading: 'Newest items', lines: newest }] : [])] };
  },
});

export const sourcesRemoveCommand = defineSubcommand({
  name: 'remove',
  description: 'Remove a source',
  options: [{ name: 'source', description: 'source name or id', kind: 'text', required: true, autocomplete: 'source', rest: true, missing: 'the name or id of a source (see /sources list)', example: 'Tagesschau' }],
  async run(services: CommandServices, ctx, [nameOrId]) {
    const removed = await services.store.sources.remove(ctx.workspaceId, nameOrId);
    if (removed === null) {
      const known = (await services.store.sources.list(ctx.workspaceId)).map((s) => s.name);
      throw new DigestError('source/not-found', `there is no source "${nameOrId}" here${known.length > 0 ? ` (known: ${known.join(', ')})` : ''}`);
    }
    await audit(services, ctx, 'sources.remove', removed.name, removed.url);
    // With the last source gone, the bundled samples (and their schedule) come back.
    if ((await services.store.sources.list(ctx.workspaceId)).length === 0) await services.schedulesChanged();
    return { title: `Removed “${removed.name}”`, sections: [{ lines: [removed.url] }] };
  },
});

/** A source's health in one line. */
export function healthText(s: SourceRecord): string {
  if (s.pausedReason !== null) return `⏸ ${s.pausedReason} — remove and add it again to retry`;
  if (s.errorCount > 0) {
    return `⚠ failing since ${s.failingSince ?? s.lastErrorAt ?? '?'} (${String(s.errorCount)}×): ${s.lastError ?? ''}${s.nextAttemptAt === null ? '' : ` · next try ${s.nextAttemptAt}`}`;
  }
  return s.lastSuccessAt === null ? '… not fetched yet' : `✓ ok · last fetched ${s.lastSuccessAt}`;
}

export const sourcesListCommand = defineSubcommand({
  name: 'list',
  description: 'Sources with their health',
  options: [],
  async run(services: CommandServices, ctx) {
    const sources = await services.store.sources.list(ctx.workspaceId);
    const sections: Message['sections'] = sources.map((s) => ({ heading: `${s.name} (#${String(s.id)}, ${s.type})`, lines: [s.url, healthText(s)] }));
    const deliveries = (await services.store.audit.list(ctx.workspaceId, 50)).filter((e) => e.action === 'delivery.failed').slice(0, 5);
    if (deliveries.length > 0) {
      sections.push({ heading: 'Delivery problems', lines: deliveries.map((e) => `${e.at} ${e.target}: ${e.details ?? ''}`) });
    }
    const failing = sources.filter((s) => s.errorCount > 0 || s.pausedReason !== null).length;
    if (sections.length === 0) sections.push({ lines: ['No sources yet: /sources add <url>'] });
    // Model-written summaries: today's token use against LLM_DAILY_TOKENS.
    if (services.llm !== undefined) sections.push({ heading: 'Usage', lines: [await services.llm.usageLine(ctx.workspaceId)] });
    return {
      title: 'Sources',
      subtitle: `${String(sources.length)} source(s)${failing > 0 ? `, ${String(failing)} failing` : ''}`,
      sections,
      ephemeral: true,
    };
  },
});

/** `/sources add|remove|list`: admin only. */
export const sourcesCommand: CommandGroup<CommandServices> = {
  name: 'sources',
  description: 'Manage news sources',
  adminOnly: true,
  subcommands: [sourcesAddCommand, sourcesRemoveCommand, sourcesListCommand],
};
