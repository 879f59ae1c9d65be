/**
 * A recording ChatCore for adapter tests: it keeps every request and answers
 * with `respond` (default: an echo). Admin-only commands from the catalog are
 * refused for non-admins the way the real core refuses them, so adapters can
 * be tested for passing the admin flag through.
 */
import { COMMAND_CATALOG, type ChatCore, type ChatRequest, type Message } from '../../src/index.ts';

export interface FakeChatCore extends ChatCore {
  readonly requests: ChatRequest[];
  /** Replace to change the answers. */
  respond: (request: ChatRequest) => Message | Promise<Message>;
  /** Names offered by `complete`. */
  names: { digest: string[]; source: string[] };
}

export function echoMessage(request: ChatRequest): Message {
  return { title: `/${request.command}`, sections: [{ lines: [`args: ${request.args.join(' | ') || '(none)'}`] }] };
}

export function createFakeChatCore(): FakeChatCore {
  const core: FakeChatCore = {
    catalog: COMMAND_CATALOG,
    requests: [],
    respond: echoMessage,
    names: { digest: ['morning-markets', 'tech'], source: ['Heise', 'Tagesschau'] },
    async run(request) {
      core.requests.push(request);
      const spec = COMMAND_CATALOG.find((c) => c.name === request.command);
      if (spec?.adminOnly === true && !request.isAdmin) {
        return { title: 'Not allowed', sections: [{ lines: [`Only server managers (Discord) and workspace admins (Slack) can use /${request.command}.`] }], ephemeral: true };
      }
      return core.respond(request);
    },
    complete(_workspaceId, kind, prefix) {
      return Promise.resolve(core.names[kind].filter((n) => n.toLowerCase().startsWith(prefix.toLowerCase())).slice(0, 25));
    },
  };
  return core;
}
