import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Installation } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, silentLogger, type SlackConfig } from '../../../src/index.ts';
import { createInstallationCipher } from '../../../adapters/slack/installation-cipher.ts';
import { createEncryptedInstallationStore } from '../../../adapters/slack/installation-store.ts';
import { openSqliteInstallationRepository, type SqliteInstallationRepository } from '../../../adapters/slack/sqlite-installation-repository.ts';
import { startSlackAdapter, type SlackAdapter } from '../../../adapters/slack/start-slack.ts';
import { createFakeChatCore, type FakeChatCore } from '../../fakes/fake-chat-core.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../fakes/slack/fake-slack-api.ts';
import { postSlashCommand } from '../../fakes/slack/signed-request.ts';
import { SIGNING_SECRET } from './harness.ts';

const TEAM_TOKEN = `xoxb-team-two-${randomBytes(6).toString('hex')}`;
const USER_TOKEN = `xoxp-user-two-${randomBytes(6).toString('hex')}`;

function installation(teamId: string, botToken: string): Installation<'v2', false> {
  return {
    team: { id: teamId, name: 'Team Two' }, enterprise: undefined, isEnterpriseInstall: false, authVersion: 'v2', appId: 'A0001',
    user: { id: 'U0002', token: USER_TOKEN, scopes: ['search:read'] },
    bot: { id: 'B0002', userId: 'UBOT2', token: botToken, scopes: ['commands', 'chat:write'] },
  };
}

describe('Slack installations sealed in the SQLite store file (migration 6)', () => {
  let dir: string;
  let file: string;
  let repo: SqliteInstallationRepository;
  const key = randomBytes(32).toString('base64');
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'digestbot-install-'));
    file = join(dir, 'digestbot.sqlite');
    await openSqliteStore(file).close();
    repo = openSqliteInstallationRepository(file);
  });
  afterEach(() => {
    repo.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const storeWith = (k: string) => createEncryptedInstallationStore({ repository: repo, cipher: createInstallationCipher(k), logger: silentLogger });

  it('given an installation, then the raw row holds no token in clear and it is fetched back equal', async () => {
    await storeWith(key).storeInstallation(installation('T0002', TEAM_TOKEN));
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT install_key, sealed, updated_at FROM slack_installations').all() as { install_key: string; sealed: Buffer }[];
    db.close();
    expect(rows.map((r) => r.install_key)).toEqual(['team:T0002']);
    const raw = rows[0]?.sealed ?? Buffer.alloc(0);
    for (const secret of [TEAM_TOKEN, USER_TOKEN, 'xoxb-', 'Team Two']) {
      expect(raw.includes(Buffer.from(secret))).toBe(false);
      expect(raw.toString('base64').includes(secret)).toBe(false);
    }
    const back = await storeWith(key).fetchInstallation({ teamId: 'T0002', enterpriseId: undefined, isEnterpriseInstall: false });
    expect(back).toEqual(installation('T0002', TEAM_TOKEN));
  });

  it('given the wrong key, a row moved to another workspace, or a malformed key, then clear coded errors', async () => {
    await storeWith(key).storeInstallation(installation('T0002', TEAM_TOKEN));
    const query = { teamId: 'T0002', enterpriseId: undefined, isEnterpriseInstall: false } as const;
    await expect(storeWith(randomBytes(32).toString('base64')).fetchInstallation(query)).rejects.toMatchObject({
      code: 'installation/decrypt-failed', message: expect.stringContaining('SLACK_INSTALLATION_KEY') as string,
    });
    await repo.save('team:T0003', (await repo.find('team:T0002')) ?? Buffer.alloc(0), new Date());
    await expect(storeWith(key).fetchInstallation({ ...query, teamId: 'T0003' })).rejects.toMatchObject({ code: 'installation/decrypt-failed' });
    await expect(storeWith(key).fetchInstallation({ ...query, teamId: 'T0404' })).rejects.toThrow(/no Slack installation for team:T0404/u);
    expect(() => createInstallationCipher('c2hvcnQ=')).toThrow(expect.objectContaining({ code: 'installation/key-invalid', message: expect.stringContaining('openssl rand -base64 32') as string }));
  });

  it('given a file the store never migrated, then opening the repository names migration 6', () => {
    const bare = join(dir, 'bare.sqlite');
    new Database(bare).close();
    expect(() => openSqliteInstallationRepository(bare)).toThrow(/migration 6/u);
  });
});

describe('Slack HTTP mode with OAuth installations (real Bolt against the fake Slack)', () => {
  let dir: string;
  let repo: SqliteInstallationRepository;
  let api: FakeSlackApi;
  let core: FakeChatCore;
  let adapter: SlackAdapter;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'digestbot-oauth-'));
    const file = join(dir, 'digestbot.sqlite');
    await openSqliteStore(file).close();
    repo = openSqliteInstallationRepository(file);
    api = await startFakeSlackApi({ botToken: 'xoxb-unused', otherBotTokens: [TEAM_TOKEN], users: [{ id: 'U0002', teamId: 'T0002', isAdmin: true }] });
    core = createFakeChatCore();
    const store = createEncryptedInstallationStore({ repository: repo, cipher: createInstallationCipher(randomBytes(32).toString('base64')), logger: silentLogger });
    await store.storeInstallation(installation('T0002', TEAM_TOKEN));
    const config: SlackConfig = { botToken: null, mode: 'http', signingSecret: SIGNING_SECRET, appToken: null, port: 0, host: '127.0.0.1', apiUrl: api.apiUrl };
    adapter = await startSlackAdapter({
      config, core, logger: silentLogger, adminUserIds: [], retry: { retries: 0 },
      installations: { clientId: '1.2', clientSecret: 'client-secret', stateSecret: 'state-secret', scopes: ['commands', 'chat:write'], store, repository: repo },
    });
  });
  afterEach(async () => {
    await adapter.stop();
    await api.close();
    repo.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const events = () => `http://127.0.0.1:${String(adapter.port)}/slack/events`;

  it('given a signed command from an installed workspace, then it is served, and a scheduled post to that channel uses the workspace\'s token', async () => {
    const res = await postSlashCommand(events(), { text: 'summarize https://example.org/a', teamId: 'T0002', channelId: 'C0002', responseUrl: api.responseUrl('r1') }, { signingSecret: SIGNING_SECRET });
    expect(res.status).toBe(200);
    await api.waitFor(() => api.responses.length === 1);
    expect(core.requests.map((r) => [r.workspaceId, r.channelId, r.command, ...r.args])).toEqual([['slack:T0002', 'slack:C0002', 'summarize', 'https://example.org/a']]);
    // An admin-only command: the admin lookup (users.info) runs with the workspace's token.
    await postSlashCommand(events(), { text: 'sources list', teamId: 'T0002', userId: 'U0002', channelId: 'C0002', responseUrl: api.responseUrl('r2') }, { signingSecret: SIGNING_SECRET });
    await api.waitFor(() => api.responses.length === 2);
    expect(api.callsOf('users.info').map((c) => [c.token, c.params['user']])).toEqual([[TEAM_TOKEN, 'U0002']]);
    expect(core.requests.at(-1)).toMatchObject({ command: 'sources', isAdmin: true });
    expect(await repo.channelInstallKey('C0002')).toBe('team:T0002');
    await adapter.publisher.publish('slack:C0002', { title: 'Morning', sections: [{ lines: ['Sales rose 5%.'] }] }, 'run-1');
    const posts = api.callsOf('chat.postMessage');
    expect(posts.map((c) => [c.token, c.params['channel']])).toEqual([[TEAM_TOKEN, 'C0002']]);
    await expect(adapter.publisher.publish('slack:C0777', { title: 'x', sections: [] }, 'run-2')).rejects.toMatchObject({ code: 'publish/forbidden' });
  });

  it('given a command from a workspace that never installed the app, then the core never sees it', async () => {
    await postSlashCommand(events(), { text: 'help', teamId: 'T0404', responseUrl: api.responseUrl('r2') }, { signingSecret: SIGNING_SECRET });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(core.requests).toEqual([]);
  });

  it('given GET /slack/install, then Bolt redirects to Slack\'s consent page with our client id and scopes', async () => {
    const res = await fetch(`http://127.0.0.1:${String(adapter.port)}/slack/install`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.pathname).toBe('/oauth/v2/authorize');
    expect(location.searchParams.get('client_id')).toBe('1.2');
    expect(location.searchParams.get('scope')).toBe('commands,chat:write');
  });
});
