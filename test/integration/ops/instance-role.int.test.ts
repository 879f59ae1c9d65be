/**
 * The operator view of an instance in a cluster, through the real composition (runtime + startPlatforms) against
 * the fake Discord: /healthz names the role (HTTP interactions, or gateway leader with the in-process lease) and the
 * database, /metrics counts lease changes, and stopping (what SIGTERM does) releases the lease and refuses new
 * interactions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPlatforms } from '../../../adapters/run-platforms.ts';
import { createRuntime } from '../../../adapters/runtime.ts';
import { loadConfig, silentLogger } from '../../../src/index.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { snowflake } from '../../fakes/discord/payloads.ts';
import { commandPayload, interactionKeys, postInteraction } from '../../fakes/discord/signed-interaction.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');

describe('operator view of an instance: role, database, lease changes, graceful stop', () => {
  let discord: FakeDiscord;
  let dir: string;
  beforeEach(async () => {
    discord = await startFakeDiscord();
    dir = mkdtempSync(join(tmpdir(), 'role-'));
  });
  afterEach(async () => {
    await discord.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const boot = async (env: Record<string, string>) => {
    const config = loadConfig({
      DATA_DIR: dir, METRICS_PORT: '0', DISCORD_TOKEN: 'bot-token', DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl, ...env,
    });
    const runtime = await createRuntime({ projectRoot: root, cwd: dir, config, logger: silentLogger, pollTickMs: 0 });
    const run = await startPlatforms(runtime, config, silentLogger);
    const get = async (path: string) => fetch(`${runtime.ops?.url ?? ''}${path}`);
    return { runtime, run, get };
  };

  it('given DISCORD_MODE=http, then /healthz says http-interactions and database reachable; after stop the endpoint takes nothing', async () => {
    const keys = interactionKeys();
    const { run, get } = await boot({ DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_INTERACTIONS_PORT: '0', DISCORD_INTERACTIONS_HOST: '127.0.0.1' });
    const health = await (await get('/healthz')).json() as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', database: 'reachable', role: { discord: 'http-interactions', slack: null }, lease: null });
    const url = `http://127.0.0.1:${String(run.discordPort)}/interactions`;
    const { payload } = commandPayload({ applicationId: discord.applicationId, guildId: snowflake(), channelId: snowflake(), userId: snowflake(), command: 'help' });
    expect((await postInteraction(url, keys.privateKey, payload)).body).toEqual({ type: 5 });
    await discord.waitForCall((c) => c.method === 'POST' && c.path.startsWith('/webhooks/'));
    await run.stop();
    await expect(postInteraction(url, keys.privateKey, payload)).rejects.toThrow();
  });

  it('given gateway mode on one instance, then it is the leader (in-process lease), /metrics counts the gain, and stop releases it', async () => {
    const { runtime, run, get } = await boot({});
    const health = await (await get('/healthz')).json() as Record<string, unknown>;
    expect(health).toMatchObject({
      status: 'ok', database: 'reachable', role: { discord: 'gateway-leader' }, lease: { kind: 'in-process', held: true, gained: 1, lost: 0 },
    });
    expect(await (await get('/metrics')).text()).toMatch(/^digestbot_lease_changes_total\{event="gained"\} 1$/mu);
    expect(discord.gateway.identifiedSessions).toBe(1);
    await run.stop();
    expect(runtime.role.snapshot()).toMatchObject({ accepting: false, discord: 'gateway-standby', lease: { held: false, gained: 1, lost: 1 } });
    await expect.poll(() => discord.gateway.identifiedSessions).toBe(0);
  });
});
