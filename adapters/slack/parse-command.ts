/**
 * Slack has one slash command, `/digest`; its text carries the catalog's commands as words
 * (`/digest sources add <url> [name…]`, `/digest` alone or with a digest name: the digest). The text is read
 * by the core's one command-line parser (the console's too), in Slack's style; help comes from the catalog.
 * Slack escapes the text (`<https://…|label>`, `<#C123|name>`, `&amp;`); the parser reads those forms.
 */
import {
  COMMAND_CATALOG, helpMessage, parseCommandText,
  type CommandSpec, type CommandStyle, type DigestError, type Message, type ParsedCommand, type Result,
} from '../../src/index.ts';

/** The slash command Slack sends. */
export const SLACK_COMMAND = '/digest';

/** Every command is a word after `/digest`; a text without one runs `digest`. */
export const SLACK_STYLE: CommandStyle = { slash: SLACK_COMMAND, implicit: 'digest' };

/** A parsed `/digest …`: the catalog command and its argument words (subcommand first, then option values in catalog order). */
export type SlackCommandCall = ParsedCommand;

/** Parses the text of `/digest` (without the command itself) into a catalog command and its args, or a `command/invalid` error for the user. */
export function parseDigestCommand(text: string, catalog: readonly CommandSpec[] = COMMAND_CATALOG): Result<SlackCommandCall, DigestError> {
  return parseCommandText(text, catalog, 'slack', SLACK_STYLE);
}

/** The help text for Slack, built from the catalog: one usage line per command or subcommand, admin-only ones apart. */
export function slackHelpMessage(catalog: readonly CommandSpec[] = COMMAND_CATALOG): Message {
  return helpMessage(catalog, SLACK_STYLE);
}
