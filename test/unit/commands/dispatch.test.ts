/** Command dispatch: lookup, admin check, option values checked by kind, error replies. */
import { describe, expect, it } from 'vitest';
import { dispatchRequest } from '../../../src/commands/dispatch.ts';
import { defineCommand, type Command, type CommandContext } from '../../../src/commands/types.ts';
import { DigestError } from '../../../src/errors.ts';
import { silentLogger } from '../../../src/ports.ts';

interface Deps { added: string[] }

const add: Command<Deps> = defineCommand({
  name: 'add', description: 'adds', adminOnly: true,
  options: [{ name: 'url', description: 'a feed', kind: 'url', required: true, missing: 'a feed address', example: 'https://example.org/feed' }],
  run: (deps: Deps, _ctx, [url]) => {
    deps.added.push(url);
    return Promise.resolve({ title: 'added', sections: [] });
  },
});
const boom: Command<Deps> = defineCommand({
  name: 'boom', description: 'fails', adminOnly: false, options: [],
  run: () => Promise.reject(new Error('database password is hunter2')),
});
const tell: Command<Deps> = defineCommand({
  name: 'tell', description: 'fails for the user', adminOnly: false, options: [],
  run: () => Promise.reject(new DigestError('command/invalid', 'no digest is defined yet')),
});

const member: CommandContext = { workspaceId: 'w', userId: 'u', isAdmin: false, channelId: null };
const admin: CommandContext = { ...member, isAdmin: true };

async function say(ctx: CommandContext, text: string, deps: Deps = { added: [] }): Promise<string> {
  const [name = '', ...words] = text.split(' ');
  const m = await dispatchRequest([add, boom, tell], { ...deps, logger: silentLogger }, ctx, name.replace(/^\//u, ''), words);
  return [m.title, ...m.sections.flatMap((s) => s.lines)].join(' | ');
}

describe('dispatchRequest', () => {
  it('given a member running an admin command, then it is refused by name and nothing happens', async () => {
    const deps = { added: [] as string[] };
    expect(await say(member, '/add https://example.org/feed', deps)).toBe('Not allowed | Only server managers (Discord) and workspace admins (Slack) can use /add.');
    expect(deps.added).toEqual([]);
  });

  it('given an admin with valid arguments, then the command runs', async () => {
    const deps = { added: [] as string[] };
    expect(await say(admin, '/add https://example.org/feed', deps)).toBe('added');
    expect(deps.added).toEqual(['https://example.org/feed']);
  });

  it('given invalid arguments, then the reply says what is wrong and how the command is typed', async () => {
    expect(await say(admin, '/add not-a-url')).toBe('Invalid arguments | "not-a-url" is not a web address; url needs an http or https URL. Usage: /add <url>');
  });

  it('given a missing argument, then the reply names what is missing with an example, not validation text', async () => {
    expect(await say(admin, '/add')).toBe('Invalid arguments | /add needs a feed address, e.g. /add https://example.org/feed. Usage: /add <url>');
  });

  it('given an internal failure, then the reply hides its details', async () => {
    const reply = await say(member, '/boom');
    expect(reply).not.toContain('hunter2');
    expect(reply).toContain('details are in the log');
  });

  it('given a user-facing failure, then its message is the reply', async () => {
    expect(await say(member, '/tell')).toBe('/tell failed | no digest is defined yet');
  });

  it('given an unknown command, then it points to /help and to the nearest command', async () => {
    expect(await say(member, '/nope')).toBe('Unknown command | There is no /nope. Try /help.');
    expect(await say(member, '/tel')).toBe('Unknown command | There is no /tel. Did you mean /tell? Try /help.');
  });
});
