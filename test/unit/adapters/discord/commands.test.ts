import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  buildCommandRegistration, interactionToRequest, inviteUrl, runDiscordCli, type CommandInteractionLike,
} from '../../../../adapters/discord/commands.ts';
import { COMMAND_CATALOG } from '../../../../src/index.ts';

interface OptionJson {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string }[];
  options?: OptionJson[];
}

function sink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({ write(chunk: Buffer, _enc, done) { text += chunk.toString(); done(); } });
  return { stream, text: () => text };
}

function interaction(commandName: string, data: CommandInteractionLike['options']['data'], guildId: string | null = '111'): CommandInteractionLike {
  return { commandName, guildId, channelId: '222', user: { id: '333' }, options: { data } };
}

describe('buildCommandRegistration', () => {
  const body = buildCommandRegistration(COMMAND_CATALOG);

  it('given the catalog, then there is one chat-input command per catalog command, guild only', () => {
    expect(body.map((c) => c.name)).toEqual(COMMAND_CATALOG.map((c) => c.name));
    for (const command of body) {
      expect(command.type).toBe(1);
      expect(command.dm_permission).toBe(false);
      expect(command.contexts).toEqual([0]);
    }
  });

  it('given admin-only commands, then they need Manage Server (32) by default and the others need nothing', () => {
    for (const spec of COMMAND_CATALOG) {
      const command = body.find((c) => c.name === spec.name);
      expect(command?.default_member_permissions, spec.name).toBe(spec.adminOnly ? '32' : null);
    }
  });

  it('given subcommands and options, then subcommands are type 1 and options strings with autocomplete or choices as the catalog says', () => {
    for (const spec of COMMAND_CATALOG) {
      const options = (body.find((c) => c.name === spec.name)?.options ?? []) as OptionJson[];
      const groups = spec.subcommands?.map((s) => ({ sub: s.name, specs: s.options })) ?? [{ sub: null, specs: spec.options ?? [] }];
      for (const { sub, specs } of groups) {
        const subJson = sub === null ? undefined : options.find((o) => o.name === sub);
        if (sub !== null) expect(subJson?.type, `${spec.name} ${sub}`).toBe(1);
        const list = sub === null ? options : subJson?.options ?? [];
        expect(list.map((o) => o.name)).toEqual(specs.map((o) => o.name));
        for (const [i, o] of list.entries()) {
          const optionSpec = specs[i];
          expect(o.type).toBe(3);
          expect(o.required).toBe(optionSpec?.required);
          expect(o.autocomplete === true).toBe(optionSpec?.autocomplete !== undefined);
          expect(o.choices?.map((c) => c.value)).toEqual(optionSpec?.choices === undefined ? undefined : [...optionSpec.choices]);
        }
      }
    }
  });

  it('given the catalog, then names, descriptions and option order satisfy Discord\'s rules', () => {
    const check = (o: { name: string; description: string }): void => {
      expect(o.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(o.description.length).toBeGreaterThan(0);
      expect(o.description.length).toBeLessThanOrEqual(100);
    };
    for (const command of body) {
      check(command);
      const levels = [command.options as OptionJson[], ...(command.options as OptionJson[]).filter((o) => o.type === 1).map((o) => o.options ?? [])];
      for (const options of levels) {
        expect(options.length).toBeLessThanOrEqual(25);
        options.forEach(check);
        const firstOptional = options.findIndex((o) => o.type !== 1 && o.required !== true);
        if (firstOptional !== -1) expect(options.slice(firstOptional).every((o) => o.required !== true), command.name).toBe(true);
      }
    }
  });
});

describe('interactionToRequest', () => {
  it('given a subcommand with options in another order, then args are the subcommand then values in catalog order', () => {
    const request = interactionToRequest(interaction('schedule', [{
      name: 'set', type: 1, options: [
        { name: 'timezone', type: 3, value: 'Europe/Berlin' },
        { name: 'cron', type: 3, value: '30 7 * * 1-5' },
        { name: 'digest', type: 3, value: 'morning-markets' },
      ],
    }]), COMMAND_CATALOG, true);
    expect(request).toEqual({
      workspaceId: 'discord:111', userId: 'discord:333', isAdmin: true, channelId: 'discord:222',
      command: 'schedule', args: ['set', 'morning-markets', '30 7 * * 1-5', 'Europe/Berlin'],
    });
  });

  it('given an empty optional option, then it is left out', () => {
    const request = interactionToRequest(interaction('sources', [{
      name: 'add', type: 1, options: [{ name: 'name', type: 3, value: '  ' }, { name: 'url', type: 3, value: 'https://example.org/feed' }],
    }]), COMMAND_CATALOG, false);
    expect(request.args).toEqual(['add', 'https://example.org/feed']);
    expect(request.isAdmin).toBe(false);
  });

  it('given a DM, then the workspace is the user\'s DM workspace', () => {
    const request = interactionToRequest(interaction('figures', [{ name: 'query', type: 3, value: 'interest rates' }], null), COMMAND_CATALOG, false);
    expect(request.workspaceId).toBe('discord:dm:333');
    expect(request.args).toEqual(['interest rates']);
  });
});

describe('inviteUrl', () => {
  it('given an application id, then the URL asks for bot and applications.commands with view, send, embed links and attach files only', () => {
    const url = new URL(inviteUrl('123456789012345678'));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe('123456789012345678');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    // View Channel 1<<10, Send Messages 1<<11, Embed Links 1<<14, Attach Files 1<<15.
    expect(url.searchParams.get('permissions')).toBe(String(1024 + 2048 + 16384 + 32768));
  });
});

describe('runDiscordCli', () => {
  it('given Discord is not configured, then it says so and exits 1', async () => {
    const out = sink();
    const err = sink();
    expect(await runDiscordCli(['register-commands'], { stdout: out.stream, stderr: err.stream }, null)).toBe(1);
    expect(err.text()).toMatch(/Discord is not configured.*DISCORD_TOKEN.*DISCORD_APPLICATION_ID/u);
    expect(out.text()).toBe('');
  });

  it('given invite-url, then it prints the invite URL', async () => {
    const out = sink();
    const code = await runDiscordCli(['invite-url'], { stdout: out.stream, stderr: sink().stream }, { token: 't', applicationId: '42', apiUrl: null });
    expect(code).toBe(0);
    expect(out.text().trim()).toBe(inviteUrl('42'));
  });

  it('given an unknown command or flag, then it prints the usage and exits 2', async () => {
    const err = sink();
    expect(await runDiscordCli(['deploy'], { stdout: sink().stream, stderr: err.stream }, null)).toBe(2);
    expect(await runDiscordCli(['register-commands', '--global'], { stdout: sink().stream, stderr: err.stream }, null)).toBe(2);
    expect(err.text()).toContain('register-commands [--guild ID]');
  });
});
