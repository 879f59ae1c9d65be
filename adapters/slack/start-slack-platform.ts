/**
 * Slack for one instance: the adapter as configured (HTTP or Socket Mode),
 * and with SLACK_CLIENT_ID the OAuth installation to many workspaces, whose
 * installations are sealed (SLACK_INSTALLATION_KEY) in the database. HTTP
 * mode is what several instances behind a load balancer run; Socket Mode
 * stays for one instance.
 */
import type { ChatCore, Logger, SlackConfig } from '../../src/index.ts';
import type { InstanceRole } from '../ops/instance-role.ts';
import { createInstallationCipher } from './installation-cipher.ts';
import { createEncryptedInstallationStore } from './installation-store.ts';
import { openInstallationRepository, type StoreLocation } from './open-installation-repository.ts';
import { startSlackAdapter, type SlackAdapter } from './start-slack.ts';
import type { SlackInstallations } from './workspace-tokens.ts';

export interface SlackPlatformOptions {
  config: SlackConfig;
  core: ChatCore;
  logger: Logger;
  adminUserIds: readonly string[];
  /** The store's database: installations live in its slack_installations table (SQLite file or PostgreSQL, shared by every instance). */
  database: StoreLocation;
  role: InstanceRole;
}

/** Starts Slack; with OAuth the installation repository is opened first and closed on stop. */
export async function startSlackPlatform(options: SlackPlatformOptions): Promise<SlackAdapter> {
  const { config, logger } = options;
  const oauth = config.oauth ?? null;
  if (oauth === null) {
    const adapter = await startSlackAdapter(options);
    options.role.setSlack(config.mode);
    return adapter;
  }
  const cipher = createInstallationCipher(oauth.installationKey);
  const repository = await openInstallationRepository(options.database);
  const installations: SlackInstallations = {
    clientId: oauth.clientId, clientSecret: oauth.clientSecret, stateSecret: oauth.stateSecret, scopes: oauth.scopes,
    store: createEncryptedInstallationStore({ repository, cipher, logger }), repository,
  };
  let adapter: SlackAdapter;
  try {
    adapter = await startSlackAdapter({ ...options, installations });
  } catch (err) {
    await repository.close();
    throw err;
  }
  options.role.setSlack('http-oauth');
  return {
    ...adapter,
    async stop() {
      await adapter.stop();
      await repository.close();
    },
  };
}
