/**
 * Discord's side of the command catalog: the slash-command registration body,
 * interaction → ChatRequest, registering commands, the invite URL, and the
 * small `discord` CLI (`register-commands [--guild ID]`, `invite-url`).
 */
import { parseArgs } from 'node:util';
import {
  ApplicationCommandOptionType, ApplicationCommandType, ApplicationIntegrationType, InteractionContextType, OAuth2Scopes,
  PermissionFlagsBits, REST, Routes,
  type APIApplicationCommand, type APIApplicationCommandBasicOption, type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import {
  COMMAND_CATALOG, platformId, toDigestError,
  type ChatRequest, type CommandSpec, type DiscordConfig, type OptionSpec,
} from '../../src/index.ts';
import { writeLine } from '../cli/io.ts';

/** What members need to see and run admin-only commands: Manage Server. */
export const ADMIN_PERMISSION = PermissionFlagsBits.ManageGuild;

/** The least the bot needs in a channel to post digests: view, send, embed links, attach files. */
export const BOT_PERMISSIONS = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages
  | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.AttachFiles;

function optionJson(option: OptionSpec): APIApplicationCommandBasicOption {
  const base = { type: ApplicationCommandOptionType.String, name: option.name, description: option.description, required: option.required } as const;
  if (option.autocomplete !== undefined) return { ...base, autocomplete: true };
  if (option.choices !== undefined) return { ...base, choices: option.choices.map((c) => ({ name: c, value: c })) };
  return base;
}

/**
 * The JSON body for `PUT /applications/:id/commands`: one chat-input command per
 * catalog entry, subcommands as type-1 options, string options with choices or
 * autocomplete; admin-only commands need Manage Server by default; guild only.
 */
export function buildCommandRegistration(catalog: readonly CommandSpec[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return catalog.map((spec) => ({
    type: ApplicationCommandType.ChatInput,
    name: spec.name,
    description: spec.description,
    options: spec.subcommands !== undefined
      ? spec.subcommands.map((sub) => ({
          type: ApplicationCommandOptionType.Subcommand, name: sub.name, description: sub.description, options: sub.options.map(optionJson),
        }))
      : (spec.options ?? []).map(optionJson),
    default_member_permissions: spec.adminOnly ? String(ADMIN_PERMISSION) : null,
    dm_permission: false,
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  }));
}

/** An interaction option as discord.js exposes it (`interaction.options.data`). */
export interface InteractionOptionLike {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: readonly InteractionOptionLike[];
}

/** The parts of a chat-input or autocomplete interaction the adapter reads. */
export interface CommandInteractionLike {
  commandName: string;
  guildId: string | null;
  channelId: string | null;
  user: { id: string };
  options: { readonly data: readonly InteractionOptionLike[] };
}

/** `discord:<guild id>`, or `discord:dm:<user id>` outside a guild. */
export function workspaceIdOf(interaction: Pick<CommandInteractionLike, 'guildId' | 'user'>): string {
  return interaction.guildId === null ? platformId('discord', `dm:${interaction.user.id}`) : platformId('discord', interaction.guildId);
}

/** The subcommand chosen in an interaction (if any) and the option values given to it. */
export function chosenSubcommand(data: readonly InteractionOptionLike[]): { sub: string | null; values: readonly InteractionOptionLike[] } {
  const sub = data.find((o) => o.type === ApplicationCommandOptionType.Subcommand);
  return sub === undefined ? { sub: null, values: data } : { sub: sub.name, values: sub.options ?? [] };
}

/** The catalog's options of a command, or of one of its subcommands. */
function specOptions(catalog: readonly CommandSpec[], command: string, sub: string | null): readonly OptionSpec[] {
  const spec = catalog.find((c) => c.name === command);
  return (sub === null ? spec?.options : spec?.subcommands?.find((s) => s.name === sub)?.options) ?? [];
}

/** The catalog's spec for an option of a command (and subcommand). */
export function findOptionSpec(catalog: readonly CommandSpec[], command: string, sub: string | null, option: string): OptionSpec | undefined {
  return specOptions(catalog, command, sub).find((o) => o.name === option);
}

/**
 * Turns a slash-command interaction into the core's ChatRequest: subcommand
 * first, then each option value as one word in catalog order; empty optional
 * values are left out. Options the catalog does not know follow in the order given.
 */
export function interactionToRequest(interaction: CommandInteractionLike, catalog: readonly CommandSpec[], isAdmin: boolean): ChatRequest {
  const { sub, values } = chosenSubcommand(interaction.options.data);
  const known = specOptions(catalog, interaction.commandName, sub);
  const rank = (name: string): number => {
    const i = known.findIndex((o) => o.name === name);
    return i === -1 ? known.length : i;
  };
  const words = values
    .filter((o) => o.value !== undefined && String(o.value).trim() !== '')
    .map((o, index) => ({ rank: rank(o.name), index, word: String(o.value).trim() }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((o) => o.word);
  return {
    workspaceId: workspaceIdOf(interaction),
    userId: platformId('discord', interaction.user.id),
    isAdmin,
    channelId: interaction.channelId === null ? null : platformId('discord', interaction.channelId),
    command: interaction.commandName,
    args: sub === null ? words : [sub, ...words],
  };
}

/** A REST client for the configured bot (token, and the API base when set). */
export function createDiscordRest(config: DiscordConfig): REST {
  return new REST(config.apiUrl === null ? {} : { api: config.apiUrl }).setToken(config.token);
}

/** Where and how to register the slash commands. */
export interface RegisterCommandsOptions {
  /** Token and application id (and the API base for tests). */
  config: DiscordConfig;
  /** Register in this guild only (visible at once) instead of globally. @defaultValue global */
  guildId?: string;
  /** @defaultValue a REST client from `config` */
  rest?: REST;
  /** @defaultValue COMMAND_CATALOG */
  catalog?: readonly CommandSpec[];
}

/**
 * Replaces the application's slash commands (globally or in one guild) with the catalog's.
 * @returns the names Discord registered.
 */
export async function registerCommands(options: RegisterCommandsOptions): Promise<string[]> {
  const { config, guildId } = options;
  const rest = options.rest ?? createDiscordRest(config);
  const body = buildCommandRegistration(options.catalog ?? COMMAND_CATALOG);
  const result = guildId === undefined
    ? await rest.put(Routes.applicationCommands(config.applicationId), { body })
    // Guild commands take no contexts, integration types or DM flag.
    : await rest.put(Routes.applicationGuildCommands(config.applicationId, guildId), {
        body: body.map(({ contexts: _c, integration_types: _i, dm_permission: _d, ...guildCommand }) => guildCommand),
      });
  return (result as APIApplicationCommand[]).map((c) => c.name);
}

/** The OAuth2 URL that adds the bot with slash commands and only the permissions it needs. */
export function inviteUrl(applicationId: string): string {
  const query = new URLSearchParams({
    client_id: applicationId,
    scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '),
    permissions: String(BOT_PERMISSIONS),
  });
  return `https://discord.com/oauth2/authorize?${query.toString().replaceAll('+', '%20')}`;
}

/** Usage text of `runDiscordCli`. */
export const DISCORD_USAGE = `usage:
  discord register-commands [--guild ID]   register the slash commands globally, or in one guild (instant)
  discord invite-url                        print the URL that adds the bot to a server`;

/** Output streams of the CLI. */
export interface DiscordCliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * Runs `register-commands [--guild ID]` or `invite-url`.
 * @returns the exit code: 0 done, 1 failed or Discord not configured, 2 usage error.
 */
export async function runDiscordCli(argv: string[], io: DiscordCliIo, config: DiscordConfig | null): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { guild: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (err) {
    await writeLine(io.stderr, `error: ${toDigestError(err).message}\n${DISCORD_USAGE}`);
    return 2;
  }
  const [command, ...extra] = parsed.positionals;
  const guildId = parsed.values.guild;
  if ((command !== 'register-commands' && command !== 'invite-url') || extra.length > 0 || (command === 'invite-url' && guildId !== undefined)) {
    await writeLine(io.stderr, `error: ${command === undefined ? 'missing command' : `unexpected "${[command, ...extra].join(' ')}"`}\n${DISCORD_USAGE}`);
    return 2;
  }
  if (config === null) {
    await writeLine(io.stderr, 'error: Discord is not configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID');
    return 1;
  }
  if (command === 'invite-url') {
    await writeLine(io.stdout, inviteUrl(config.applicationId));
    return 0;
  }
  try {
    const names = await registerCommands({ config, ...(guildId === undefined ? {} : { guildId }) });
    await writeLine(io.stdout, `registered ${names.length} commands ${guildId === undefined ? 'globally' : `in guild ${guildId}`}: ${names.join(', ')}`);
    return 0;
  } catch (err) {
    await writeLine(io.stderr, `error: registering the commands failed: ${toDigestError(err).message}`);
    return 1;
  }
}
