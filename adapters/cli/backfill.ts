/**
 * `digestbot backfill <source>`: digests every article a source lists now into
 * the store (nothing is posted), with a progress display on standard error and
 * a summary line on standard output. `--list` prints the sources it can name.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ENGINE_VERSION, backfillSource, listBackfillSources, loadDigestDefinitions, openStore, resolveBackfillSource, silentLogger, systemClock,
  toDigestError, type ArticleDigester, type BackfillReport, type Clock, type DigestDefinition, type HttpClient, type Logger, type Store, type StoreConfig,
} from '../../src/index.ts';
import { writeLine, type CliIo } from './io.ts';
import { createProgress, type Progress, type ProgressStream } from './progress.ts';

export interface BackfillCommand {
  /** The source's id, name or URL; absent with `list`. */
  source?: string;
  list: boolean;
  limit?: number;
  since?: Date;
  workspace?: string;
}

export interface BackfillDeps {
  /** The store the bot uses (DATABASE_URL: the SQLite file under DATA_DIR, or PostgreSQL). */
  store: StoreConfig;
  /** Folder of the digest definition files. */
  digestsDir: string;
  http: HttpClient;
  /** @defaultValue systemClock */
  clock?: Clock;
  /** @defaultValue silentLogger (failures are counted in the summary instead) */
  logger?: Logger;
  /** Milliseconds for the progress display. @defaultValue performance.now */
  now?: () => number;
  /** Runs the engine; closed when the command ends. @defaultValue inProcessDigester */
  digester?: ArticleDigester;
}

/** The bot's store for DATA_DIR and DATABASE_URL, with DATA_DIR resolved against `cwd` (as the runtime opens it). */
export function storeConfigOf(cwd: string, store: { dataDir: string; databaseUrl?: string | null }): StoreConfig {
  return { dataDir: resolve(cwd, store.dataDir), databaseUrl: store.databaseUrl ?? null };
}

/** How many failed articles are listed one per line after the run. */
const MAX_FAILED_LINES = 10;

/** The valid definitions in `dir` (none when it does not exist; invalid files are the bot's to report). */
async function validDefinitions(dir: string): Promise<DigestDefinition[]> {
  if (!existsSync(dir)) return [];
  return (await loadDigestDefinitions(dir)).flatMap((item) => (item.ok ? [item.value.definition] : []));
}

/** The one-line summary of a run. */
export function summaryLine(report: BackfillReport): string {
  const codes = Object.entries(report.failures).map(([code, n]) => `${code} ${String(n)}`).join(', ');
  return `backfill "${report.source.name}" (#${String(report.source.id)}, ${report.kind}): ${String(report.considered)} fetched`
    + ` (${String(report.listed)} listed, ${String(report.added)} new to the store), ${String(report.digested)} digested,`
    + ` ${String(report.skipped)} skipped, ${String(report.failed)} failed${codes === '' ? '' : ` (${codes})`}`;
}

async function listSources(io: CliIo, store: Store, definitions: DigestDefinition[]): Promise<number> {
  const sources = await listBackfillSources(store, definitions);
  if (sources.length === 0) {
    await writeLine(io.stdout, 'no sources yet: add one in chat with /sources add <url>, or a "url" source in a digests/*.json file');
    return 0;
  }
  for (const s of sources) {
    await writeLine(io.stdout, `${s.id === null ? '-' : `#${String(s.id)}`}\t${s.name}\t${s.workspaceId}\t${s.url}\t${s.origin}`);
  }
  return 0;
}

/** Runs the command; resolves with the exit code. Fatal errors (unknown source, unreachable feed) are thrown. */
export async function runBackfill(io: CliIo, deps: BackfillDeps, command: BackfillCommand): Promise<number> {
  const clock = deps.clock ?? systemClock;
  const definitions = await validDefinitions(deps.digestsDir);
  const store = await openStore(deps.store);
  try {
    if (command.list) return await listSources(io, store, definitions);
    if (command.source === undefined) throw new Error('backfill needs a source');
    let source;
    try {
      source = await resolveBackfillSource(store, definitions, command.source, clock.now().toISOString(), command.workspace);
    } catch (err) {
      const e = toDigestError(err);
      if (e.code === 'source/not-found') e.message += '; `digestbot backfill --list` lists the sources';
      throw e;
    }
    let progress: Progress | null = null;
    const stream = io.stderr as ProgressStream;
    const report = await (async () => {
      try {
        return await backfillSource({
          store, http: deps.http, clock, logger: deps.logger ?? silentLogger, engineVersion: ENGINE_VERSION,
          ...(deps.digester === undefined ? {} : { digester: deps.digester }),
        }, source, {
          ...(command.limit === undefined ? {} : { limit: command.limit }),
          ...(command.since === undefined ? {} : { since: command.since }),
          onProgress: ({ done, total, label }) => {
            progress ??= createProgress({ stream, title: `backfill ${source.name}`, total, ...(deps.now === undefined ? {} : { now: deps.now }) });
            progress.update(done, label);
          },
        });
      } finally {
        (progress as Progress | null)?.finish();
      }
    })();
    for (const f of report.failedArticles.slice(0, MAX_FAILED_LINES)) await writeLine(io.stderr, `failed: ${f.article} (${f.code}: ${f.message})`);
    if (report.failedArticles.length > MAX_FAILED_LINES) {
      await writeLine(io.stderr, `… and ${String(report.failedArticles.length - MAX_FAILED_LINES)} more failed`);
    }
    await writeLine(io.stdout, summaryLine(report));
    return 0;
  } finally {
    await deps.digester?.close();
    await store.close();
  }
}
