/**
 * All digest definitions the bot knows: the files in digests/ (loaded at
 * start) and those created or changed from chat (stored per workspace). A
 * stored definition with the same workspace and name overrides the file.
 *
 * Every workspace is a workspace like any other (console, Discord, Slack):
 * - it has a default digest over all its sources, {@link DEFAULT_DIGEST}, from the start (a definition of
 *   that name, from a file or from chat, takes its place);
 * - sample definitions (`sample: true`, the bundled digests/samples) are listed only while the workspace has
 *   no source of its own; once it has one they are hidden from `/digest`, `/figures`, `/risks` and the
 *   schedules, and the default digest comes first.
 */
import { digestDefinitionSchema, type DigestDefinition } from './definition.ts';
import type { Logger } from '../ports.ts';
import type { Store } from '../store/port.ts';

export interface RegisteredDefinition {
  def: DigestDefinition;
  /** Folder of the definition file (folder sources are relative to it); null for chat-made definitions. */
  dir: string | null;
  /** `default`: the implicit digest over all the workspace's sources. */
  origin: 'file' | 'chat' | 'default';
}

export interface DefinitionRegistry {
  /**
   * Definitions of one workspace (with its default digest; the default first once the workspace has sources
   * of its own, samples first before), or of all workspaces (without implicit defaults). Samples of a workspace
   * with own sources are left out.
   */
  list(workspaceId?: string): Promise<RegisteredDefinition[]>;
  get(workspaceId: string, name: string): Promise<RegisteredDefinition | null>;
  /** Stores a definition made or changed from chat. */
  save(def: DigestDefinition, at: string): Promise<void>;
}

/** Name of the digest every workspace has from the start: all its sources. */
export const DEFAULT_DIGEST = 'news';

/** The ledger id of a definition's scheduled runs. */
export const scheduleId = (def: Pick<DigestDefinition, 'workspace' | 'name'>): string => `${def.workspace}/${def.name}`;

/** The default digest of a workspace: every source of it, no schedule, no channels. */
export function defaultDigest(workspaceId: string): DigestDefinition {
  return digestDefinitionSchema.parse({ name: DEFAULT_DIGEST, title: 'News digest', workspace: workspaceId, sources: [{ type: 'workspace' }], channels: [] });
}

/** Whether a workspace has sources of its own (added from chat, or registered by its definition files). */
export const hasOwnSources = async (store: Store, workspaceId: string): Promise<boolean> => (await store.sources.list(workspaceId)).length > 0;

export function createDefinitionRegistry(store: Store, files: readonly { def: DigestDefinition; dir: string }[], logger: Logger): DefinitionRegistry {
  const stored = async (workspaceId?: string): Promise<RegisteredDefinition[]> => (await store.definitions.list(workspaceId)).flatMap((row) => {
    const parsed = digestDefinitionSchema.safeParse(JSON.parse(row.json));
    if (!parsed.success) {
      logger.error('stored definition invalid', { workspaceId: row.workspaceId, name: row.name });
      return [];
    }
    const file = files.find((f) => f.def.workspace === row.workspaceId && f.def.name === row.name);
    return [{ def: parsed.data, dir: file?.dir ?? null, origin: 'chat' as const }];
  });
  /** `own`: whether a workspace has sources of its own, filled here as needed (a caller may pass what it knows). */
  const explicit = async (workspaceId?: string, own = new Map<string, boolean>()): Promise<RegisteredDefinition[]> => {
    const chat = await stored(workspaceId);
    const fromFiles = files
      .filter((f) => workspaceId === undefined || f.def.workspace === workspaceId)
      .filter((f) => !chat.some((c) => c.def.workspace === f.def.workspace && c.def.name === f.def.name))
      .map((f) => ({ def: f.def, dir: f.dir, origin: 'file' as const }));
    const all = [...fromFiles, ...chat];
    for (const ws of new Set(all.filter((d) => d.def.sample).map((d) => d.def.workspace))) {
      if (!own.has(ws)) own.set(ws, await hasOwnSources(store, ws));
    }
    return all.filter((d) => !d.def.sample || own.get(d.def.workspace) !== true);
  };
  const list = async (workspaceId?: string): Promise<RegisteredDefinition[]> => {
    if (workspaceId === undefined) return explicit();
    const hasOwn = await hasOwnSources(store, workspaceId);
    const defs = await explicit(workspaceId, new Map([[workspaceId, hasOwn]]));
    const withDefault = defs.some((d) => d.def.name === DEFAULT_DIGEST) ? defs : [...defs, { def: defaultDigest(workspaceId), dir: null, origin: 'default' as const }];
    if (!hasOwn) return [...withDefault.filter((d) => d.def.sample), ...withDefault.filter((d) => !d.def.sample)];
    return [...withDefault.filter((d) => d.def.name === DEFAULT_DIGEST), ...withDefault.filter((d) => d.def.name !== DEFAULT_DIGEST)];
  };
  return {
    list,
    get: async (workspaceId, name) => (await list(workspaceId)).find((d) => d.def.name === name) ?? null,
    async save(def, at) {
      await store.definitions.put(def.workspace, def.name, JSON.stringify(digestDefinitionSchema.parse(def)), at);
    },
  };
}
