import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/index.ts';
import { startInteractionsEndpoint, type InteractionsEndpoint } from '../../../adapters/discord/interactions-endpoint.ts';
import { discordPublicKey } from '../../../adapters/discord/verify-signature.ts';
import { createFakeChatCore, type FakeChatCore } from '../../fakes/fake-chat-core.ts';
import { snowflake, startFakeDiscord, type FakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { MANAGE_GUILD, recordingLogger, type LogEntry } from '../../fakes/discord/harness.ts';
import { commandPayload, interactionKeys, postInteraction, type InteractionKeys } from '../../fakes/discord/signed-interaction.ts';

const EPHEMERAL = 64;

/** Makes the core's next answer wait: `started` resolves when the core runs, `finish` lets it answer. */
function holdCore(core: FakeChatCore): { started: Promise<void>; finish: (m: Message) => void } {
  let answer: (m: Message) => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    core.respond = () => new Promise<Message>((done) => {
      answer = done;
      resolve();
    });
  });
  return { started, finish: (m) => answer(m) };
}

describe('Discord HTTP interactions endpoint: real HTTP server, real Ed25519 signatures, fake Discord REST', () => {
  let fake: FakeDiscord;
  let core: FakeChatCore;
  let keys: InteractionKeys;
  let endpoint: InteractionsEndpoint;
  let logs: LogEntry[];
  const guildId = snowflake();
  const channelId = snowflake();
  const userId = snowflake();

  beforeEach(async () => {
    fake = await startFakeDiscord();
    core = createFakeChatCore();
    keys = interactionKeys();
    logs = [];
    endpoint = await startInteractionsEndpoint({
      host: '127.0.0.1', port: 0, publicKey: discordPublicKey(keys.publicKeyHex), applicationId: fake.applicationId,
      core, logger: recordingLogger(logs), adminUserIds: [], rest: new REST({ api: fake.apiUrl }), maxBodyBytes: 8192,
    });
  });
  afterEach(async () => {
    await endpoint.stop();
    await fake.close();
  });

  const command = (name: string, options: Record<string, string> = {}, permissions = '0') =>
    commandPayload({ applicationId: fake.applicationId, guildId, channelId, userId, command: name, options, permissions });

  it('given a signed PING, then it answers PONG (type 1)', async () => {
    const res = await postInteraction(endpoint.url, keys.privateKey, { id: snowflake(), application_id: fake.applicationId, type: 1, token: 'ping-token', version: 1 });
    expect(res).toMatchObject({ status: 200, body: { type: 1 } });
  });

  it('given a missing, tampered, foreign-key or stale signature, then 401 and the core sees nothing', async () => {
    const { payload } = command('summarize', { url: 'https://example.org/a' });
    const other = interactionKeys();
    const answers = [
      await postInteraction(endpoint.url, keys.privateKey, payload, { unsigned: true }),
      await postInteraction(endpoint.url, keys.privateKey, payload, { tamper: true }),
      await postInteraction(endpoint.url, other.privateKey, payload),
      await postInteraction(endpoint.url, keys.privateKey, payload, { ageSeconds: 600 }),
    ];
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401]);
    expect(answers.map((a) => (a.body as { error: string }).error)).toEqual([
      'invalid request signature (missing)', 'invalid request signature (mismatch)', 'invalid request signature (mismatch)', 'invalid request signature (stale)',
    ]);
    expect(core.requests).toEqual([]);
    expect(fake.calls).toEqual([]);
  });

  it('given signed bodies that are not JSON, not an interaction, too large or for another application, then 400/413 and the core sees nothing', async () => {
    const notJson = (await postInteraction(endpoint.url, keys.privateKey, null, { rawBody: '{"type": 1,' })).status;
    const shapeless = await postInteraction(endpoint.url, keys.privateKey, { type: 'two' });
    const huge = await postInteraction(endpoint.url, keys.privateKey, { ...command('help').payload, pad: 'x'.repeat(10_000) });
    const foreign = await postInteraction(endpoint.url, keys.privateKey, { ...command('help').payload, application_id: snowflake() });
    expect([notJson, shapeless.status, huge.status, foreign.status]).toEqual([400, 400, 413, 400]);
    expect(core.requests).toEqual([]);
  });

  it('given /summarize, then the deferred ack (type 5) comes back while the core still runs and the result follows through the webhook', async () => {
    const { started, finish } = holdCore(core);
    const { token, payload } = command('summarize', { url: 'https://example.org/news/1' });
    const ack = await postInteraction(endpoint.url, keys.privateKey, payload);
    expect(ack).toMatchObject({ status: 200, body: { type: 5 } });
    await started;
    expect(core.requests).toEqual([{
      workspaceId: `discord:${guildId}`, userId: `discord:${userId}`, isAdmin: false, channelId: `discord:${channelId}`,
      command: 'summarize', args: ['https://example.org/news/1'],
    }]);
    expect(fake.calls).toEqual([]);
    finish({ title: 'Chips sales rose', sections: [{ lines: ['Sales rose 5% in May.'] }] });
    const edit = await fake.waitForCall((c) => c.method === 'PATCH' && c.path === `/webhooks/${fake.applicationId}/${token}/messages/@original`);
    expect(edit.time).toBeGreaterThan(ack.at - 1000);
    expect(edit.headers['authorization']).toBeUndefined();
    expect((edit.body as { embeds: { title: string; fields?: unknown; description?: string }[] }).embeds[0]?.title).toBe('Chips sales rose');
    expect(JSON.stringify(edit.body)).toContain('Sales rose 5% in May.');
  });

  it('given an ephemeral result, then the public deferral is deleted and the answer goes as an ephemeral followup', async () => {
    core.respond = () => ({ title: 'No such digest', sections: [{ lines: ['Try /digest list.'] }], ephemeral: true });
    const { token, payload } = command('digest', { digest: 'nope' });
    expect((await postInteraction(endpoint.url, keys.privateKey, payload)).body).toEqual({ type: 5 });
    const followup = await fake.waitForCall((c) => c.method === 'POST' && c.path === `/webhooks/${fake.applicationId}/${token}`);
    const deleted = fake.calls.find((c) => c.method === 'DELETE' && c.path === `/webhooks/${fake.applicationId}/${token}/messages/@original`);
    expect(deleted).toBeDefined();
    expect((followup.body as { flags: number }).flags).toBe(EPHEMERAL);
    expect(JSON.stringify(followup.body)).toContain('No such digest');
  });

  it('given an admin-only command from a member without Manage Server, then the refusal is the ephemeral HTTP answer itself (type 4)', async () => {
    const refused = await postInteraction(endpoint.url, keys.privateKey, command('sources', {}, '0').payload);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(JSON.stringify(refused.body)).toContain('Not allowed');
    const allowed = await postInteraction(endpoint.url, keys.privateKey, command('sources', {}, MANAGE_GUILD).payload);
    expect(allowed.body).toEqual({ type: 5 });
    await fake.waitForCall((c) => c.method === 'PATCH');
    expect(core.requests.map((r) => r.isAdmin)).toEqual([false, true]);
  });

  it('given stop(), then a deferred command still finishes and new interactions are refused', async () => {
    const { started, finish } = holdCore(core);
    const { token, payload } = command('help');
    await postInteraction(endpoint.url, keys.privateKey, payload);
    await started;
    const stopping = endpoint.stop();
    expect(endpoint.accepting()).toBe(false);
    expect(endpoint.inflight()).toBe(1);
    finish({ title: 'Help', sections: [{ lines: ['…'] }] });
    await stopping;
    expect(fake.calls.some((c) => c.method === 'PATCH' && c.path.includes(token))).toBe(true);
    await expect(fetch(endpoint.url, { method: 'POST', body: '{}' })).rejects.toThrow();
  });
});
