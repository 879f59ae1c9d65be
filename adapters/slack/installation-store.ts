/**
 * Bolt's `InstallationStore` over the InstallationRepository: each
 * installation (bot token, user token, refresh tokens and all) is stored as
 * one AES-256-GCM-sealed JSON document under `team:<id>` or, for an org-wide
 * Enterprise Grid install, `enterprise:<id>`. Bolt's OAuth flow writes it
 * (`/slack/oauth_redirect`) and its `authorize` reads it for every request.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { DigestError, type Logger } from '../../src/index.ts';
import type { InstallationCipher } from './installation-cipher.ts';
import type { InstallationRepository } from './installation-repository.ts';

/** The repository key of an installation or a query: the org for org-wide installs, else the workspace. */
export function installKeyOf(target: { isEnterpriseInstall?: boolean | undefined; enterpriseId?: string | undefined; teamId?: string | undefined }): string {
  if (target.isEnterpriseInstall === true && target.enterpriseId !== undefined) return `enterprise:${target.enterpriseId}`;
  if (target.teamId !== undefined) return `team:${target.teamId}`;
  throw new DigestError('command/invalid', 'a Slack installation needs a team id (or an enterprise id for an org-wide install)');
}

export interface EncryptedInstallationStoreDeps {
  repository: InstallationRepository;
  cipher: InstallationCipher;
  logger: Logger;
  /** @defaultValue () => new Date() */
  now?: () => Date;
}

export function createEncryptedInstallationStore(deps: EncryptedInstallationStoreDeps): InstallationStore {
  const { repository, cipher, logger } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    async storeInstallation(installation) {
      const key = installKeyOf({ isEnterpriseInstall: installation.isEnterpriseInstall, enterpriseId: installation.enterprise?.id, teamId: installation.team?.id });
      await repository.save(key, cipher.seal(JSON.stringify(installation), key), now());
      logger.info('slack installation stored', { platform: 'slack', installation: key });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const key = installKeyOf(query);
      const sealed = await repository.find(key);
      if (sealed === null) throw new DigestError('source/not-found', `no Slack installation for ${key}: install the app to that workspace`, { userFacing: false });
      return JSON.parse(cipher.open(sealed, key)) as Installation<'v1' | 'v2', boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      const key = installKeyOf(query);
      await repository.delete(key);
      logger.info('slack installation deleted', { platform: 'slack', installation: key });
    },
  };
}
