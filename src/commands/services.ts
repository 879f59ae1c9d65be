/** What the bot's commands work with: one object, built once in the bot runtime. */
import type { DefinitionRegistry } from '../digests/definition-registry.ts';
import type { BuiltDigest } from '../digests/build-digest.ts';
import type { DigestDefinition } from '../digests/definition.ts';
import type { Digest } from '../engine/schema.ts';
import type { LlmSummarizer } from '../llm/summarize-llm.ts';
import type { BotMetrics } from '../metrics.ts';
import type { DigestArticlesDeps } from '../digesting/digest-articles.ts';
import type { PollPolicy } from '../polling/poll-source.ts';

/** The digest dependencies (store, guarded client, clock, logger, engine version, digester) plus what commands add. */
export interface CommandServices extends DigestArticlesDeps {
  policy: PollPolicy;
  definitions: DefinitionRegistry;
  /** Builds a definition's digest now (sources polled when due). */
  build(def: DigestDefinition): Promise<BuiltDigest>;
  /** Re-reads the schedules after a change from chat. */
  schedulesChanged(): Promise<void>;
  /** The workspace a channel belongs to, null for an unknown channel, undefined when the platform cannot tell. @defaultValue undefined */
  channelWorkspace?(channel: string): Promise<string | null | undefined>;
  /** Digests of the workspace's folder sources (local files are not in the article store). @defaultValue none */
  folderDigests?(workspaceId: string): Promise<Digest[]>;
  /** Told when the fetch of a newly added source ends. @defaultValue none */
  metrics?: BotMetrics;
  /** Least minutes between the runs of a schedule set from chat (MIN_SCHEDULE_MINUTES). @defaultValue 15 */
  minScheduleMinutes?: number;
  /** Model-written, grounded summaries (LLM_BASE_URL set). @defaultValue none: every summary extractive */
  llm?: LlmSummarizer;
}

/** Appends to the admin audit log. */
export function audit(services: CommandServices, ctx: { workspaceId: string; userId: string }, action: string, target: string, details: string | null = null): Promise<void> {
  return services.store.audit.append({ workspaceId: ctx.workspaceId, actor: ctx.userId, action, target, details, at: services.clock.now().toISOString() });
}
