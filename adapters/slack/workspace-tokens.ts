/**
 * Which bot token a Slack call uses. With one bot token (SLACK_BOT_TOKEN)
 * that one; with OAuth installation to many workspaces, the token of the
 * workspace's stored installation: for a user lookup, the command's
 * workspace; for a scheduled post, the workspace the channel was last seen
 * in (every command records its channel's installation).
 */
import type { HTTPReceiverOptions, InstallationQuery, InstallationStore, SlashCommand } from '@slack/bolt';
import { DigestError, toDigestError, type Logger } from '../../src/index.ts';
import { installKeyOf } from './installation-store.ts';
import type { InstallationRepository } from './installation-repository.ts';

/** OAuth installation to many workspaces (README "Running several instances"). */
export interface SlackInstallations {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth `state` parameter. */
  stateSecret: string;
  /** Bot scopes asked for at install. */
  scopes: string[];
  /** Bolt's installation store (sealed installations: `createEncryptedInstallationStore`). */
  store: InstallationStore;
  /** Where channels are linked to installations. */
  repository: InstallationRepository;
}

/** The HTTPReceiver options that turn on Bolt's OAuth flow (/slack/install, /slack/oauth_redirect) over the store. */
export function installationReceiverOptions(installations: SlackInstallations): Partial<HTTPReceiverOptions> {
  return {
    clientId: installations.clientId, clientSecret: installations.clientSecret, stateSecret: installations.stateSecret,
    scopes: installations.scopes, installationStore: installations.store, installerOptions: { directInstall: true },
  };
}

export interface WorkspaceTokens {
  /** The bot token for a workspace; undefined: the app client's own token. */
  ofTeam(teamId: string): Promise<string | undefined>;
  /** The bot token for a channel id (`C123`); undefined: the app client's own token. */
  ofChannel(channelId: string): Promise<string | undefined>;
  /** Records the installation of the channel a command came from (no-op with one bot token). */
  commandSeen(command: Pick<SlashCommand, 'channel_id' | 'team_id' | 'enterprise_id' | 'is_enterprise_install'>): Promise<void>;
}

/** The `token` argument of a Web API call: left out when the app client's own token is meant. */
export function tokenArg(token: string | undefined): { token?: string } {
  return token === undefined ? {} : { token };
}

function queryOf(installKey: string): InstallationQuery<boolean> {
  const [kind, id = ''] = installKey.split(':', 2);
  return kind === 'enterprise'
    ? { enterpriseId: id, teamId: undefined, isEnterpriseInstall: true }
    : { teamId: id, enterpriseId: undefined, isEnterpriseInstall: false };
}

export function installationTokens(installations: SlackInstallations | undefined, botToken: string | null, logger: Logger): WorkspaceTokens {
  if (installations === undefined) {
    const token = botToken ?? undefined;
    return { ofTeam: () => Promise.resolve(token), ofChannel: () => Promise.resolve(token), commandSeen: () => Promise.resolve() };
  }
  const { store, repository } = installations;
  const tokenOf = async (installKey: string): Promise<string> => {
    const installation = await store.fetchInstallation(queryOf(installKey));
    const token = installation.bot?.token;
    if (token === undefined) throw new DigestError('publish/forbidden', `the Slack installation ${installKey} has no bot token: reinstall the app there`);
    return token;
  };
  return {
    ofTeam: (teamId) => tokenOf(`team:${teamId}`),
    async ofChannel(channelId) {
      const installKey = await repository.channelInstallKey(channelId);
      if (installKey === null) {
        throw new DigestError('publish/forbidden', `no Slack installation is known for channel ${channelId}: run any /digest command in that channel once`);
      }
      return tokenOf(installKey);
    },
    async commandSeen(command) {
      const installKey = installKeyOf({
        isEnterpriseInstall: command.is_enterprise_install === 'true', enterpriseId: command.enterprise_id, teamId: command.team_id,
      });
      await repository.linkChannel(command.channel_id, installKey).catch((err: unknown) => {
        logger.warn('slack channel link not stored', { platform: 'slack', channel: command.channel_id, err: toDigestError(err).message });
      });
    },
  };
}
