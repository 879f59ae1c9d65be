/**
 * All digest definitions the bot knows: the files in digests/ (loaded at
 * start) and those created or changed from chat (stored per workspace). A
 * stored definition with the same workspace and name overrides the file.
 */
import { digestDefinitionSchema, type DigestDefinition } from './definition.ts';
import type { Logger } from '../ports.ts';
import type { Store } from '../store/port.ts';

export interface RegisteredDefinition {
  def: DigestDefinition;
  /** Folder of the definition file (folder sources are relative to it); null for chat-made definitions. */
  dir: string | null;
  origin: 'file' | 'chat';
}

export interface DefinitionRegistry {
  /** Definitions of one workspace, or all. */
  list(workspaceId?: string): Promise<RegisteredDefinition[]>;
  get(workspaceId: string, name: string): Promise<RegisteredDefinition | null>;
  /** Stores a definition made or changed from chat. */
  save(def: DigestDefinition, at: string): Promise<void>;
}

/** The ledger id of a definition's scheduled runs. */
export const scheduleId = (def: Pick<DigestDefinition, 'workspace' | 'name'>): string => `${def.workspace}/${def.name}`;

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
  const list = async (workspaceId?: string): Promise<RegisteredDefinition[]> => {
    const chat = await stored(workspaceId);
    const fromFiles = files
      .filter((f) => workspaceId === undefined || f.def.workspace === workspaceId)
      .filter((f) => !chat.some((c) => c.def.workspace === f.def.workspace && c.def.name === f.def.name))
      .map((f) => ({ def: f.def, dir: f.dir, origin: 'file' as const }));
    return [...fromFiles, ...chat];
  };
  return {
    list,
    get: async (workspaceId, name) => (await list(workspaceId)).find((d) => d.def.name === name) ?? null,
    async save(def, at) {
      await store.definitions.put(def.workspace, def.name, JSON.stringify(digestDefinitionSchema.parse(def)), at);
    },
  };
}
