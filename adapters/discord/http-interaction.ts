/**
 * What the HTTP interactions endpoint answers: the immediate HTTP response
 * (PONG, a deferred ack, an ephemeral refusal, autocomplete choices) and, for
 * a deferred command, the work after it: run the core, then send the result
 * through the interaction's webhook (edit the original response, followups
 * for further parts; ephemeral answers replace the public deferral). The same
 * ChatCore, request mapping, admin check and renderer as the gateway path.
 */
import { MessageFlags, PermissionsBitField, Routes, type REST } from 'discord.js';
import { toDigestError, type ChatCore, type Logger, type Message } from '../../src/index.ts';
import { chosenSubcommand, findOptionSpec, interactionToRequest, workspaceIdOf, type CommandInteractionLike } from './commands.ts';
import { GENERIC_FAILURE, isDiscordAdmin } from './handle-interaction.ts';
import {
  focusedOption, INTERACTION_AUTOCOMPLETE, INTERACTION_COMMAND, INTERACTION_PING, toCommandLike, type DiscordInteraction,
} from './interaction-schema.ts';
import { renderEmbeds } from './render-embeds.ts';

/** Interaction callback types: PONG, CHANNEL_MESSAGE_WITH_SOURCE, DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE, AUTOCOMPLETE_RESULT. */
export const CALLBACK_PONG = 1;
export const CALLBACK_MESSAGE = 4;
export const CALLBACK_DEFERRED = 5;
export const CALLBACK_AUTOCOMPLETE = 8;

export interface HttpInteractionDeps {
  core: ChatCore;
  logger: Logger;
  /** Platform-qualified user ids (`discord:<id>`) that count as admins without Manage Server. */
  adminUserIds: readonly string[];
  /** A REST client for the interaction webhooks (no bot token needed for them). */
  rest: REST;
  applicationId: string;
}

/** The HTTP answer to one interaction, and the work to run after it was sent (a deferred command), if any. */
export interface InteractionAnswer {
  status: number;
  body: unknown;
  after: (() => Promise<void>) | null;
}

const ok = (body: unknown, after: (() => Promise<void>) | null = null): InteractionAnswer => ({ status: 200, body, after });
const bad = (reason: string): InteractionAnswer => ({ status: 400, body: { error: reason }, after: null });

function adminOf(interaction: DiscordInteraction, like: CommandInteractionLike, adminUserIds: readonly string[]): boolean {
  const permissions = interaction.member === undefined ? null : new PermissionsBitField(BigInt(interaction.member.permissions));
  return isDiscordAdmin({ user: like.user, memberPermissions: permissions }, adminUserIds);
}

/** Sends a command's result through the interaction webhook. */
async function sendResult(deps: HttpInteractionDeps, token: string, message: Message): Promise<void> {
  const { rest, applicationId } = deps;
  const original = Routes.webhookMessage(applicationId, token, '@original');
  if (message.ephemeral === true) {
    // The deferred response is public; remove it so only the user sees the answer.
    await rest.delete(original, { auth: false });
    for (const payload of renderEmbeds(message)) {
      await rest.post(Routes.webhook(applicationId, token), { body: { ...payload, flags: MessageFlags.Ephemeral }, auth: false });
    }
    return;
  }
  const image = message.image;
  const [first, ...rest2] = renderEmbeds(message, { withImage: image !== undefined });
  const files = image === undefined ? undefined : [{ name: image.filename, data: Buffer.from(image.png), contentType: 'image/png' }];
  const attachments = image === undefined ? {} : { attachments: [{ id: 0, filename: image.filename, description: image.alt.slice(0, 1024) }] };
  await rest.patch(original, { body: { ...first, ...attachments, allowed_mentions: { parse: [] } }, ...(files === undefined ? {} : { files }), auth: false });
  for (const payload of rest2) await rest.post(Routes.webhook(applicationId, token), { body: { ...payload, allowed_mentions: { parse: [] } }, auth: false });
}

/** Runs a deferred command and sends its result; the one last catch of this path (never rejects). */
function deferredWork(deps: HttpInteractionDeps, interaction: DiscordInteraction, like: CommandInteractionLike, isAdmin: boolean): () => Promise<void> {
  return async () => {
    try {
      const message = await deps.core.run(interactionToRequest(like, deps.core.catalog, isAdmin));
      await sendResult(deps, interaction.token, message);
    } catch (err) {
      const e = toDigestError(err);
      deps.logger.error('discord interaction failed', { platform: 'discord', mode: 'http', command: like.commandName, interaction: interaction.id, code: e.code, err: e.message });
      await sendResult(deps, interaction.token, GENERIC_FAILURE).catch((failure: unknown) => {
        deps.logger.warn('discord failure reply failed', { platform: 'discord', interaction: interaction.id, err: toDigestError(failure).message });
      });
    }
  };
}

async function answerCommand(deps: HttpInteractionDeps, interaction: DiscordInteraction): Promise<InteractionAnswer> {
  const like = toCommandLike(interaction);
  if (like === null) return bad('a command interaction needs data and a user');
  const isAdmin = adminOf(interaction, like, deps.adminUserIds);
  const spec = deps.core.catalog.find((c) => c.name === like.commandName);
  if (spec?.adminOnly === true && !isAdmin) {
    // The core words the refusal and audits it without I/O: answer in the HTTP response itself.
    deps.logger.info('discord admin command refused', { platform: 'discord', command: like.commandName, user: like.user.id });
    const [first] = renderEmbeds(await deps.core.run(interactionToRequest(like, deps.core.catalog, false)));
    return ok({ type: CALLBACK_MESSAGE, data: { ...first, flags: MessageFlags.Ephemeral } });
  }
  return ok({ type: CALLBACK_DEFERRED }, deferredWork(deps, interaction, like, isAdmin));
}

async function answerAutocomplete(deps: HttpInteractionDeps, interaction: DiscordInteraction): Promise<InteractionAnswer> {
  const like = toCommandLike(interaction);
  const focused = focusedOption(interaction.data?.options);
  if (like === null || focused === undefined) return bad('an autocomplete interaction needs data, a user and a focused option');
  const { sub } = chosenSubcommand(like.options.data);
  const spec = findOptionSpec(deps.core.catalog, like.commandName, sub, focused.name);
  const adminOnly = deps.core.catalog.find((c) => c.name === like.commandName)?.adminOnly === true;
  if (spec?.autocomplete === undefined || (adminOnly && !adminOf(interaction, like, deps.adminUserIds))) {
    return ok({ type: CALLBACK_AUTOCOMPLETE, data: { choices: [] } });
  }
  const names = await deps.core.complete(workspaceIdOf(like), spec.autocomplete, String(focused.value ?? ''));
  const choices = names.slice(0, 25).map((name) => ({ name: name.slice(0, 100), value: name.slice(0, 100) }));
  return ok({ type: CALLBACK_AUTOCOMPLETE, data: { choices } });
}

/** The answer to one verified, validated interaction. */
export async function answerInteraction(deps: HttpInteractionDeps, interaction: DiscordInteraction): Promise<InteractionAnswer> {
  if (interaction.application_id !== deps.applicationId) return bad('the interaction is for another application');
  switch (interaction.type) {
    case INTERACTION_PING: return ok({ type: CALLBACK_PONG });
    case INTERACTION_COMMAND: return answerCommand(deps, interaction);
    case INTERACTION_AUTOCOMPLETE: return answerAutocomplete(deps, interaction);
    default: return bad(`interaction type ${String(interaction.type)} is not handled`);
  }
}
