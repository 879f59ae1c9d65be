import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDiscordCli } from '../../../adapters/discord/commands.ts';
import { COMMAND_CATALOG } from '../../../src/index.ts';
import { snowflake, startFakeDiscord, type FakeDiscord } from '../../fakes/discord/fake-discord.ts';

interface CommandJson {
  name: string;
  type: number;
  default_member_permissions: string | null;
  contexts?: number[];
  options: { name: string; type: number; options?: { name: string }[] }[];
}

function capture(): { io: { stdout: Writable; stderr: Writable }; out: () => string; err: () => string } {
  const text = { out: '', err: '' };
  const stream = (key: 'out' | 'err') => new Writable({ write(chunk: Buffer, _e, done) { text[key] += chunk.toString(); done(); } });
  return { io: { stdout: stream('out'), stderr: stream('err') }, out: () => text.out, err: () => text.err };
}

describe('discord register-commands against the fake', () => {
  let fake: FakeDiscord;
  beforeEach(async () => {
    fake = await startFakeDiscord({ token: 'cli-token' });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('given register-commands, then one global PUT carries every catalog command, admin ones with Manage Server', async () => {
    const c = capture();
    const code = await runDiscordCli(['register-commands'], c.io, { token: 'cli-token', applicationId: fake.applicationId, apiUrl: fake.apiUrl });
    expect(c.err()).toBe('');
    expect(code).toBe(0);
    const puts = fake.calls.filter((call) => call.method === 'PUT');
    expect(puts.map((p) => p.path)).toEqual([`/applications/${fake.applicationId}/commands`]);
    expect(puts[0]?.headers['authorization']).toBe('Bot cli-token');
    const body = puts[0]?.body as CommandJson[];
    expect(body.map((cmd) => cmd.name)).toEqual(COMMAND_CATALOG.map((spec) => spec.name));
    for (const spec of COMMAND_CATALOG) {
      const cmd = body.find((b) => b.name === spec.name);
      expect(cmd?.type).toBe(1);
      expect(cmd?.default_member_permissions, spec.name).toBe(spec.adminOnly ? '32' : null);
      expect(cmd?.contexts).toEqual([0]);
      const expected = spec.subcommands?.map((s) => [s.name, s.options.map((o) => o.name)]) ?? (spec.options ?? []).map((o) => [o.name, []]);
      expect(cmd?.options.map((o) => [o.name, (o.options ?? []).map((x) => x.name)])).toEqual(expected);
    }
    expect(c.out()).toMatch(new RegExp(`registered ${COMMAND_CATALOG.length} commands globally`, 'u'));
  });

  it('given --guild, then the commands go to that guild\'s route without the global-only fields', async () => {
    const guildId = snowflake();
    const c = capture();
    const code = await runDiscordCli(['register-commands', '--guild', guildId], c.io, { token: 'cli-token', applicationId: fake.applicationId, apiUrl: fake.apiUrl });
    expect(code).toBe(0);
    const put = fake.calls.find((call) => call.method === 'PUT');
    expect(put?.path).toBe(`/applications/${fake.applicationId}/guilds/${guildId}/commands`);
    const body = put?.body as (CommandJson & Record<string, unknown>)[];
    expect(body).toHaveLength(COMMAND_CATALOG.length);
    expect(body.filter((cmd) => 'contexts' in cmd || 'dm_permission' in cmd || 'integration_types' in cmd)).toEqual([]);
    expect(body.find((cmd) => cmd.name === 'sources')?.default_member_permissions).toBe('32');
    expect(c.out()).toContain(`in guild ${guildId}`);
  });

  it('given a token Discord rejects, then it reports the failure and exits 1', async () => {
    const c = capture();
    const code = await runDiscordCli(['register-commands'], c.io, { token: 'wrong', applicationId: fake.applicationId, apiUrl: fake.apiUrl });
    expect(code).toBe(1);
    expect(c.err()).toMatch(/registering the commands failed: .*401/u);
  });
});
