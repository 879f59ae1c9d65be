/**
 * The contract between the core and the chat adapters. An adapter turns a
 * platform event into a ChatRequest, calls ChatCore.run, and renders the
 * returned Message; it implements MessagePublisher for scheduled posts.
 * Nothing here knows Discord or Slack.
 */
import type { Message } from '../messages/model.ts';
import type { CommandSpec } from './catalog.ts';

export interface ChatRequest {
  /** Platform-qualified workspace: `discord:<guild id>`, `slack:<team id>`, `console:local`. */
  workspaceId: string;
  /** Platform-qualified user: `discord:<user id>`, `slack:<user id>`. */
  userId: string;
  /** The adapter's admin check (Discord: Manage Server; Slack: admin/owner or listed). */
  isAdmin: boolean;
  /** Where the command was typed, platform-qualified (`discord:<channel id>`); default target of `schedule set`. */
  channelId: string | null;
  /** Command name from the catalog (`sources`). */
  command: string;
  /**
   * Argument words after the command name, subcommand first (`['add', 'https://…', 'My feed']`).
   * Adapters with typed options pass each option value as one word, in catalog order; empty optional
   * options are left out.
   */
  args: readonly string[];
}

export interface ChatCore {
  readonly catalog: readonly CommandSpec[];
  /** Runs a command. Never throws: failures come back as a short, specific, ephemeral Message. */
  run(request: ChatRequest): Promise<Message>;
  /** Names starting with `prefix` (case-insensitive), at most 25, for autocomplete. */
  complete(workspaceId: string, kind: 'digest' | 'source', prefix: string): Promise<string[]>;
}
