/**
 * Slack OAuth across instances on PostgreSQL (TEST_DATABASE_URL, a database of its own): an installation stored
 * through one instance's repository is served by another instance's Slack platform, started as the runtime
 * starts it (the store's location chooses the repository), with real Bolt in HTTP mode against the fake Slack.
 */
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import type { Installation } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, silentLogger, storeLocation } from '../../../src/index.ts';
import { createInstanceRole } from '../../../adapters/ops/instance-role.ts';
import { createInstallationCipher } from '../../../adapters/slack/installation-cipher.ts';
import { createEncryptedInstallationStore } from '../../../adapters/slack/installation-store.ts';
import { openInstallationRepository } from '../../../adapters/slack/open-installation-repository.ts';
import { startSlackPlatform } from '../../../adapters/slack/start-slack-platform.ts';
import { createFakeChatCore } from '../../fakes/fake-chat-core.ts';
import { startFakeSlackApi } from '../../fakes/slack/fake-slack-api.ts';
import { postSlashCommand } from '../../fakes/slack/signed-request.ts';
import { createTestDatabase, postgresServer } from '../store/test-databases.ts';
import { SIGNING_SECRET } from './harness.ts';

const server = await postgresServer();

if (!server.ok) {
  describe(`Slack OAuth on PostgreSQL: skipped, ${server.why}`, () => {
    it.skip(`set TEST_DATABASE_URL to a PostgreSQL server to run these tests (${server.why})`, () => undefined);
  });
} else {
  let db: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    db = await createTestDatabase(server.adminUrl);
  });
  afterAll(async () => {
    await db.drop();
  });

  describe('Slack OAuth installations shared through PostgreSQL', () => {
    it('given a workspace installed through instance A, then instance B serves its command with its token and records the channel for A to see', async () => {
      const config = { dataDir: tmpdir(), databaseUrl: db.url };
      await (await openStore(config, { poolSize: 2 })).close();
      const where = storeLocation(config);
      const token = `xoxb-${randomBytes(8).toString('hex')}`;
      const installationKey = randomBytes(32).toString('base64');
      const api = await startFakeSlackApi({ botToken: 'xoxb-unused', otherBotTokens: [token] });
      const instanceA = await openInstallationRepository(where);
      const installation: Installation<'v2', false> = {
        team: { id: 'T0042', name: 'Team 42' }, enterprise: undefined, isEnterpriseInstall: false, authVersion: 'v2', appId: 'A0001',
        user: { id: 'U0042', token: undefined, scopes: undefined }, bot: { id: 'B0042', userId: 'UBOT42', token, scopes: ['commands', 'chat:write'] },
      };
      await createEncryptedInstallationStore({ repository: instanceA, cipher: createInstallationCipher(installationKey), logger: silentLogger }).storeInstallation(installation);
      const core = createFakeChatCore();
      const role = createInstanceRole(null);
      const instanceB = await startSlackPlatform({
        config: {
          botToken: null, mode: 'http', signingSecret: SIGNING_SECRET, appToken: null, port: 0, host: '127.0.0.1', apiUrl: api.apiUrl,
          oauth: { clientId: '1.2', clientSecret: 'client-secret', stateSecret: 'state-secret', installationKey, scopes: ['commands', 'chat:write'] },
        },
        core, logger: silentLogger, adminUserIds: [], database: where, role,
      });
      try {
        const res = await postSlashCommand(`http://127.0.0.1:${String(instanceB.port)}/slack/events`,
          { text: 'summarize https://example.org/a', teamId: 'T0042', channelId: 'C0042', responseUrl: api.responseUrl('r1') }, { signingSecret: SIGNING_SECRET });
        expect(res.status).toBe(200);
        await api.waitFor(() => api.responses.length === 1);
        expect(core.requests.map((r) => [r.workspaceId, r.channelId, r.command])).toEqual([['slack:T0042', 'slack:C0042', 'summarize']]);
        expect(await instanceA.channelInstallKey('C0042')).toBe('team:T0042');
        await instanceB.publisher.publish('slack:C0042', { title: 'Morning', sections: [{ lines: ['Sales rose 5%.'] }] }, 'run-1');
        expect(api.callsOf('chat.postMessage').map((c) => c.token)).toEqual([token]);
      } finally {
        await instanceB.stop();
        await instanceA.close();
        await api.close();
      }
    });
  });
}
