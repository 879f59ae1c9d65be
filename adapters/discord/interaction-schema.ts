/**
 * The interaction JSON Discord POSTs to the HTTP interactions endpoint,
 * validated with zod before anything reads it. Only the fields the adapter
 * uses are checked; Discord's other fields pass through untouched.
 */
import { z } from 'zod';
import type { CommandInteractionLike, InteractionOptionLike } from './commands.ts';

/** Discord's interaction types (PING, APPLICATION_COMMAND, APPLICATION_COMMAND_AUTOCOMPLETE). */
export const INTERACTION_PING = 1;
export const INTERACTION_COMMAND = 2;
export const INTERACTION_AUTOCOMPLETE = 4;

const snowflake = z.string().regex(/^\d{1,20}$/u);
const userSchema = z.looseObject({ id: snowflake });

interface ApiOption {
  name: string;
  type: number;
  value?: string | number | boolean | undefined;
  focused?: boolean | undefined;
  options?: ApiOption[] | undefined;
}

const optionSchema: z.ZodType<ApiOption> = z.lazy(() => z.looseObject({
  name: z.string().min(1).max(32),
  type: z.number().int().min(1).max(11),
  value: z.union([z.string().max(6000), z.number(), z.boolean()]).optional(),
  focused: z.boolean().optional(),
  options: z.array(optionSchema).max(25).optional(),
}));

export const discordInteractionSchema = z.looseObject({
  id: snowflake,
  application_id: snowflake,
  type: z.number().int(),
  token: z.string().min(1).max(1000),
  guild_id: snowflake.optional(),
  channel_id: snowflake.optional(),
  member: z.looseObject({ user: userSchema, permissions: z.string().regex(/^\d{1,40}$/u) }).optional(),
  user: userSchema.optional(),
  data: z.looseObject({ name: z.string().min(1).max(32), options: z.array(optionSchema).max(25).optional() }).optional(),
});

export type DiscordInteraction = z.infer<typeof discordInteractionSchema>;

function optionLike(option: ApiOption): InteractionOptionLike {
  return {
    name: option.name,
    type: option.type,
    ...(option.value === undefined ? {} : { value: option.value }),
    ...(option.options === undefined ? {} : { options: option.options.map(optionLike) }),
  };
}

/** The focused option of an autocomplete interaction (at any depth), if any. */
export function focusedOption(options: readonly ApiOption[] | undefined): ApiOption | undefined {
  for (const option of options ?? []) {
    if (option.focused === true) return option;
    const inner = focusedOption(option.options);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/**
 * The interaction in the shape the gateway path reads (`interactionToRequest`, `chosenSubcommand`), or null when
 * it names no user or command (Discord always sends both for commands).
 */
export function toCommandLike(interaction: DiscordInteraction): CommandInteractionLike | null {
  const user = interaction.member?.user ?? interaction.user;
  if (user === undefined || interaction.data === undefined) return null;
  return {
    commandName: interaction.data.name,
    guildId: interaction.guild_id ?? null,
    channelId: interaction.channel_id ?? null,
    user: { id: user.id },
    options: { data: (interaction.data.options ?? []).map(optionLike) },
  };
}
