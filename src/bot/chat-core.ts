/**
 * The chat core: what adapters call for a chat request. It records the workspace, dispatches the command
 * (looked up once, in findCommand), reports its outcome to the metrics port, and completes digest and source names.
 */
import type { CommandSpec } from '../chat/catalog.ts';
import type { ChatCore, ChatRequest } from '../chat/core.ts';
import { workspaceDigests } from '../commands/digest.ts';
import { dispatchFound, findCommand } from '../commands/dispatch.ts';
import { audit, type CommandServices } from '../commands/services.ts';
import type { Command } from '../commands/types.ts';
import { elapsedMs, type BotMetrics } from '../metrics.ts';
import { commandLabel, commandProbe } from './command-outcome.ts';

export interface ChatCoreDeps {
  services: CommandServices;
  commands: readonly Command<CommandServices>[];
  catalog: readonly CommandSpec[];
  metrics: BotMetrics;
}

export function createChatCore({ services, commands, catalog, metrics }: ChatCoreDeps): ChatCore {
  const { store, clock } = services;
  return {
    catalog,
    async run(request: ChatRequest) {
      const started = clock.now();
      const ctx = { workspaceId: request.workspaceId, userId: request.userId, isAdmin: request.isAdmin, channelId: request.channelId };
      await store.workspaces.upsert({ id: request.workspaceId, name: request.workspaceId }, started.toISOString());
      // The command is looked up once: the dispatch, the outcome probe and the metrics label share it.
      const found = findCommand(commands, request.command.toLowerCase(), request.args);
      const probe = commandProbe(found);
      const reply = await dispatchFound(probe.found, {
        ...services,
        onRefused: async (c, command) => {
          probe.refused();
          await audit(services, c, 'refused', command);
        },
      }, ctx);
      metrics.commandFinished({ command: commandLabel(found), durationMs: elapsedMs(clock, started), outcome: probe.outcome() });
      return reply;
    },
    async complete(workspaceId, kind, prefix) {
      const names = kind === 'digest'
        ? (await workspaceDigests(services, workspaceId)).map((d) => d.name)
        : (await store.sources.list(workspaceId)).map((s) => s.name);
      const p = prefix.toLowerCase();
      return names.filter((n) => n.toLowerCase().startsWith(p)).slice(0, 25);
    },
  };
}
