/**
 * The Discord command handler: admin check, defer, run the core, render the
 * reply; autocomplete; and the adapter's one last catch, so a bad interaction
 * is logged and answered with a generic message and never crashes the process.
 */
import {
  MessageFlags, PermissionFlagsBits,
  type AutocompleteInteraction, type ChatInputCommandInteraction, type Interaction, type PermissionsBitField,
} from 'discord.js';
import { toDigestError, type ChatCore, type Logger, type Message, platformId } from '../../src/index.ts';
import { chosenSubcommand, findOptionSpec, interactionToRequest, workspaceIdOf } from './commands.ts';
import { renderEmbeds } from './render-embeds.ts';

/** Discord shows at most 25 autocomplete choices of at most 100 characters. */
const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

export interface InteractionHandlerDeps {
  core: ChatCore;
  logger: Logger;
  /** Platform-qualified user ids (`discord:<id>`) that count as admins without Manage Server. */
  adminUserIds: readonly string[];
}

/** The reply when something unexpected failed. */
export const GENERIC_FAILURE: Message = {
  title: 'Something went wrong',
  sections: [{ lines: ['The command could not be completed. Please try again later.'] }],
  ephemeral: true,
};

/** Whether the user may run admin-only commands: Manage Server in this guild, or listed as admin. */
export function isDiscordAdmin(
  interaction: { user: { id: string }; memberPermissions: Readonly<PermissionsBitField> | null }, adminUserIds: readonly string[],
): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true || adminUserIds.includes(platformId('discord', interaction.user.id));
}

async function replyEphemeral(interaction: ChatInputCommandInteraction, message: Message): Promise<void> {
  const payloads = renderEmbeds(message);
  if (!interaction.deferred && !interaction.replied) {
    const [first, ...rest] = payloads;
    await interaction.reply({ ...first, flags: MessageFlags.Ephemeral });
    for (const payload of rest) await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
    return;
  }
  // The deferred reply is public; remove it so only the user sees the answer.
  if (interaction.deferred && !interaction.replied) await interaction.deleteReply();
  for (const payload of payloads) await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
}

async function handleCommand(interaction: ChatInputCommandInteraction, deps: InteractionHandlerDeps): Promise<void> {
  const { core } = deps;
  const spec = core.catalog.find((c) => c.name === interaction.commandName);
  const isAdmin = isDiscordAdmin(interaction, deps.adminUserIds);
  if (spec?.adminOnly === true && !isAdmin) {
    // The core words the refusal and audits it; it answers without I/O, so no defer is needed.
    deps.logger.info('discord admin command refused', { platform: 'discord', command: interaction.commandName, user: interaction.user.id });
    await replyEphemeral(interaction, await core.run(interactionToRequest(interaction, core.catalog, false)));
    return;
  }
  await interaction.deferReply();
  // The command's work starts on the loop's next turn, so interactions already received are acked first.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const message = await core.run(interactionToRequest(interaction, core.catalog, isAdmin));
  if (message.ephemeral === true) {
    await replyEphemeral(interaction, message);
    return;
  }
  const image = message.image;
  const [first, ...rest] = renderEmbeds(message, { withImage: image !== undefined });
  // A digest's chart goes with the first part, shown in its first embed (attachment://<filename>).
  const files = image === undefined ? [] : [{ attachment: Buffer.from(image.png), name: image.filename, description: image.alt.slice(0, 1024) }];
  await interaction.editReply({ ...first, ...(files.length > 0 ? { files } : {}) });
  for (const payload of rest) await interaction.followUp(payload);
}

async function handleAutocomplete(interaction: AutocompleteInteraction, deps: InteractionHandlerDeps): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const { sub } = chosenSubcommand(interaction.options.data);
  const spec = findOptionSpec(deps.core.catalog, interaction.commandName, sub, focused.name);
  const adminOnly = deps.core.catalog.find((c) => c.name === interaction.commandName)?.adminOnly === true;
  if (spec?.autocomplete === undefined || (adminOnly && !isDiscordAdmin(interaction, deps.adminUserIds))) {
    await interaction.respond([]);
    return;
  }
  const names = await deps.core.complete(workspaceIdOf(interaction), spec.autocomplete, focused.value);
  await interaction.respond(names.slice(0, MAX_CHOICES).map((name) => {
    const short = name.slice(0, MAX_CHOICE_LENGTH);
    return { name: short, value: short };
  }));
}

/** Answers a failed interaction with the generic message; failures of that answer are only logged. */
async function answerFailure(interaction: Interaction, logger: Logger): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) await replyEphemeral(interaction, GENERIC_FAILURE);
    else if (interaction.isAutocomplete() && !interaction.responded) await interaction.respond([]);
  } catch (err) {
    logger.warn('discord failure reply failed', { platform: 'discord', interaction: interaction.id, err: toDigestError(err).message });
  }
}

/**
 * Builds the handler for the client's InteractionCreate event. The returned
 * function never rejects.
 */
export function createInteractionHandler(deps: InteractionHandlerDeps): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) await handleCommand(interaction, deps);
      else if (interaction.isAutocomplete()) await handleAutocomplete(interaction, deps);
    } catch (err) {
      const e = toDigestError(err);
      const command = interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : null;
      deps.logger.error('discord interaction failed', { platform: 'discord', command, interaction: interaction.id, code: e.code, err: e.message });
      await answerFailure(interaction, deps.logger);
    }
  };
}
