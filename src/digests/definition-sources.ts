/** The store sources a definition reads: its `url` sources (registered on first use) and, with `workspace`, every chat-added source. */
import type { SourceRecord, Store } from '../store/port.ts';
import { findDuplicateSource, sourceAddress } from '../sources/source-checks.ts';
import type { DigestDefinition } from './definition.ts';

/** Who "added" sources that come from digest files. */
export const FILE_SOURCE_OWNER = 'digests/';

export async function definitionSources(store: Store, def: DigestDefinition, at: string): Promise<SourceRecord[]> {
  const existing = await store.sources.list(def.workspace);
  const out = new Map<number, SourceRecord>();
  for (const source of def.sources) {
    if (source.type === 'workspace') {
      for (const s of existing) out.set(s.id, s);
    } else if (source.type === 'url') {
      // The same address in another spelling (tracking parameters, order, trailing slash) is the same source.
      const found = findDuplicateSource(existing, source.url);
      if (found !== null) {
        out.set(found.id, found);
        continue;
      }
      const taken = new Set(existing.map((s) => s.name));
      let name = source.name;
      for (let n = 2; taken.has(name); n++) name = `${source.name} (${String(n)})`;
      const added = await store.sources.add({ workspaceId: def.workspace, name, url: sourceAddress(source.url), type: 'unknown', addedBy: FILE_SOURCE_OWNER }, at);
      existing.push(added);
      out.set(added.id, added);
    }
  }
  return [...out.values()];
}
