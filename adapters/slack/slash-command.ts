/**
 * The `/digest` slash command after its ack: parse the text, check admin rights for admin-only commands, run
 * the core and send the rendered payloads to the response_url (at most five), with one last catch.
 */
import type { RespondFn, SlashCommand } from '@slack/bolt';
import { platformId, toDigestError, type ChatCore, type Logger, type Message } from '../../src/index.ts';
import { parseDigestCommand, slackHelpMessage, SLACK_COMMAND } from './parse-command.ts';
import { renderBlocks, type SlackPayload } from './render-blocks.ts';

/** Slack accepts at most five posts to one response_url. */
const MAX_RESPONSES = 5;

function reply(title: string, line: string): Message {
  return { title, sections: [{ lines: [line] }], ephemeral: true };
}

const FAILED = reply('Something went wrong', 'The command failed; the details are in the log. Please try again later.');

export interface SlashCommandDeps {
  core: ChatCore;
  logger: Logger;
  /** Whether the user is a workspace admin or owner (or listed), asked only for admin-only commands. */
  isAdmin(teamId: string, userId: string): Promise<boolean>;
  /** Platform-qualified ids that count as admins without a lookup (`slack:U123`). */
  listedAdmins: ReadonlySet<string>;
}

async function answer(deps: SlashCommandDeps, command: SlashCommand): Promise<Message> {
  const { core } = deps;
  const parsed = parseDigestCommand(command.text ?? '', core.catalog);
  if (!parsed.ok) {
    const { message } = parsed.error;
    return reply(SLACK_COMMAND, message.includes(`${SLACK_COMMAND} help`) ? message : `${message} Try ${SLACK_COMMAND} help.`);
  }
  const call = parsed.value;
  if (call.command === 'help') return slackHelpMessage(core.catalog);
  const userId = platformId('slack', command.user_id);
  const admin = call.adminOnly ? await deps.isAdmin(command.team_id, command.user_id) : deps.listedAdmins.has(userId);
  // A refusal is the core's to give: it words it and writes it to the audit log.
  return core.run({
    workspaceId: platformId('slack', command.team_id),
    userId,
    isAdmin: admin,
    channelId: command.channel_id ? platformId('slack', command.channel_id) : null,
    command: call.command,
    args: call.args,
  });
}

async function send(logger: Logger, respond: RespondFn, message: Message, meta: Record<string, unknown>): Promise<void> {
  let payloads: SlackPayload[] = renderBlocks(message);
  if (payloads.length > MAX_RESPONSES) {
    logger.warn('slack reply truncated', { ...meta, parts: payloads.length, sent: MAX_RESPONSES - 1 });
    const left = payloads.length - (MAX_RESPONSES - 1);
    payloads = [...payloads.slice(0, MAX_RESPONSES - 1), ...renderBlocks(reply('Reply cut short', `${left} more parts did not fit: Slack takes at most ${MAX_RESPONSES} replies to one command.`))];
  }
  const responseType = message.ephemeral === true ? 'ephemeral' : 'in_channel';
  for (const payload of payloads) await respond({ text: payload.text, blocks: payload.blocks, response_type: responseType });
}

/** Answers one slash command (already acked); never throws. */
export function createSlashCommandHandler(deps: SlashCommandDeps): (command: SlashCommand, respond: RespondFn) => Promise<void> {
  const { logger } = deps;
  return async (command, respond) => {
    const meta = { platform: 'slack', team: command.team_id, user: command.user_id, channel: command.channel_id };
    const started = performance.now();
    let message: Message;
    try {
      message = await answer(deps, command);
    } catch (err) {
      const error = toDigestError(err);
      logger.error('slack command failed', { ...meta, code: error.code, err: error.message });
      message = FAILED;
    }
    try {
      await send(logger, respond, message, meta);
      logger.info('slack command answered', { ...meta, ms: Math.round(performance.now() - started) });
    } catch (err) {
      logger.warn('slack reply failed', { ...meta, code: toDigestError(err).code, err: err instanceof Error ? err.message : String(err) });
    }
  };
}
